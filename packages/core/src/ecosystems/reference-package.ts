import type { Ecosystem } from '../model/ecosystem.js';
import type { Inventory } from '../model/inventory.js';
import type { ArtifactReference, Package, ReferenceKind } from '../model/package.js';

/** What a scanner knows about one reference; the rest of the `Package` is the same for every kind. */
export interface ReferenceInput {
  ecosystem: Ecosystem;
  name: string;
  /** The pinned content id or ref as written ("" when none was given). */
  version: string;
  purl: string;
  file: string;
  line: number;
  reference: ArtifactReference;
  /** Registry-backed kinds (models, actions) are looked up online; committed files and images are not. */
  registry?: boolean;
  integrity?: Package['integrity'];
}

/**
 * A reference as a `Package`, so the diff, the rules and the reporters treat it like any dependency. Its id
 * includes the line, because one file can load the same model twice (once pinned, once not).
 */
export function referencePackage(input: ReferenceInput): Package {
  return {
    id: `${input.file}:${input.line}:${input.name}`,
    ecosystem: input.ecosystem,
    name: input.name,
    version: input.version,
    purl: input.purl,
    direct: true,
    scopes: [],
    integrity: input.integrity ?? [],
    source: input.registry ? { kind: 'registry' } : { kind: 'unknown' },
    location: { file: input.file, line: input.line },
    reference: input.reference,
  };
}

/** An inventory of the references one scanner found in one file. */
export function referenceInventory(path: string, format: string, ecosystem: Ecosystem, packages: Package[]): Inventory {
  return { lockfile: path, format, ecosystem, packages, projects: [] };
}

/** A 40-hex git commit id: the only ref of a model, action or include that cannot move. */
export function isCommitSha(ref: string | undefined): boolean {
  return ref !== undefined && /^[0-9a-f]{40}$/i.test(ref);
}

/**
 * The reference a purl read back from an SBOM stands for (models, actions, images, includes), so the rules judge
 * it as a reference and not as a package: pinned when the version is a 40-hex commit or a `sha256:` digest.
 * `undefined` for package purl types.
 */
export function referenceFromPurl(parsed: { type: string; namespace?: string | undefined; version?: string | undefined }): ArtifactReference | undefined {
  const version = parsed.version;
  const kind: ReferenceKind | undefined =
    parsed.type === 'huggingface'
      ? parsed.namespace?.startsWith('datasets') ? 'dataset' : 'model'
      : parsed.type === 'githubactions'
        ? 'action'
        : parsed.type === 'docker'
          ? 'image'
          : parsed.type === 'gitlab'
            ? 'include'
            : undefined;
  if (!kind) return undefined;
  const pinned = kind === 'image' ? /^sha256:[0-9a-f]{64}$/i.test(version ?? '') : isCommitSha(version);
  return { kind, pinned, via: 'sbom', ...(version ? { ref: version } : {}) };
}
