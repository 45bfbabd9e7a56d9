import type { Hash, Package } from '../model/package.js';

/*
 * How lockwarden's model maps onto CycloneDX, shared by the direct JSON writer (json/) and the CycloneDX library
 * path (cyclonedx-library/, for XML and the GitLab report), so that both write the same BOM.
 */

/** Property naming the lockfile a component was read from; repeated when several lockfiles hold it. */
export const LOCKFILE_PROPERTY = 'lockwarden:lockfile';

/** Property saying whether a model, action, image or include reference is pinned to immutable content. */
export const PINNED_PROPERTY = 'lockwarden:pinned';

/** Property set on references loaded with `trust_remote_code=True`. */
export const TRUST_REMOTE_CODE_PROPERTY = 'lockwarden:trust-remote-code';

/** Comment on the external references lockwarden reads from lockfiles. */
export const DETECTED_COMMENT = 'as detected from the lockfile';

/**
 * Dev-only groups: packages needed only to build or test, never shipped. Python groups and Maven's `test`
 * scope land here too.
 */
const DEV_SCOPES = new Set(['dev', 'development', 'test']);

export type ScopeRank = 0 | 1 | 2;
export const RANK_REQUIRED: ScopeRank = 2;
export const RANK_OPTIONAL: ScopeRank = 1;
export const RANK_EXCLUDED: ScopeRank = 0;

/** CycloneDX `scope` of each rank. */
export const SCOPE_NAMES: Readonly<Record<ScopeRank, 'excluded' | 'optional' | 'required'>> = {
  0: 'excluded',
  1: 'optional',
  2: 'required',
};

/**
 * The CycloneDX scope of one occurrence of a package. Dev-only packages are `excluded` (not part of what
 * ships); `optional` wins over `dev` because npm's `devOptional` packages may still be installed in production.
 */
export function scopeRank(pkg: Package): ScopeRank {
  if (pkg.scopes.includes('optional')) return RANK_OPTIONAL;
  if (pkg.scopes.some((s) => DEV_SCOPES.has(s))) return RANK_EXCLUDED;
  return RANK_REQUIRED;
}

/** CycloneDX hash algorithm names (the `alg` values lockwarden writes). */
export type CdxHashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'BLAKE2b-256' | 'BLAKE2b-384' | 'BLAKE2b-512';

/** Our algorithm names → CycloneDX's, given the digest's hex length; `undefined` when the length does not fit. */
const HASH_ALGORITHMS: Record<Hash['algorithm'], (hexLength: number) => CdxHashAlgorithm | undefined> = {
  md5: (n) => (n === 32 ? 'MD5' : undefined),
  sha1: (n) => (n === 40 ? 'SHA-1' : undefined),
  sha256: (n) => (n === 64 ? 'SHA-256' : undefined),
  sha384: (n) => (n === 96 ? 'SHA-384' : undefined),
  sha512: (n) => (n === 128 ? 'SHA-512' : undefined),
  blake2b: (n) => (n === 64 ? 'BLAKE2b-256' : n === 96 ? 'BLAKE2b-384' : n === 128 ? 'BLAKE2b-512' : undefined),
};

const HEX = /^[0-9a-f]+$/;

/**
 * The CycloneDX algorithm of a lockfile digest, or `undefined` for a digest that is not hex of the algorithm's
 * length (it would make the BOM schema-invalid, so it is left out).
 */
export function cycloneDxHashAlgorithm(hash: Hash): CdxHashAlgorithm | undefined {
  if (!HEX.test(hash.value)) return undefined;
  return HASH_ALGORITHMS[hash.algorithm]?.(hash.value.length);
}

/** purl types whose namespace is what CycloneDX calls `group` (npm scope, Maven groupId, composer vendor). */
export const GROUPED_PURL_TYPES: ReadonlySet<string> = new Set(['npm', 'maven', 'composer']);

export type CdxComponentType = 'application' | 'container' | 'data' | 'file' | 'library' | 'machine-learning-model';

/**
 * CycloneDX component types for references: Hub models are `machine-learning-model`, datasets `data`, actions,
 * reusable workflows and includes `application`, images `container`, committed model files `file`; packages
 * stay `library`.
 */
export function componentType(pkg: Package): CdxComponentType {
  switch (pkg.reference?.kind) {
    case 'model':
      return 'machine-learning-model';
    case 'dataset':
      return 'data';
    case 'action':
    case 'reusable-workflow':
    case 'include':
      return 'application';
    case 'image':
      return 'container';
    case 'model-file':
      return 'file';
    default:
      return 'library';
  }
}

/** The one external reference a package gets: where its bits come from, when the lockfile says. */
export function externalReferenceOf(pkg: Package): { url: string; type: 'distribution' | 'vcs' } | undefined {
  const source = pkg.source;
  switch (source.kind) {
    case 'registry':
      return source.url ? { url: source.url, type: 'distribution' } : undefined;
    case 'tarball':
      return { url: source.url, type: 'distribution' };
    case 'git':
      return { url: source.commit ? `${source.url}#${source.commit}` : source.url, type: 'vcs' };
    default:
      return undefined;
  }
}

/** `lockwarden:*` properties of a reference (pinned, trust_remote_code, suspicious pickle imports), in order. */
export function referenceProperties(pkg: Package): Array<{ name: string; value: string }> {
  const properties: Array<{ name: string; value: string }> = [];
  if (!pkg.reference) return properties;
  properties.push({ name: PINNED_PROPERTY, value: String(pkg.reference.pinned) });
  if (pkg.reference.trustRemoteCode) properties.push({ name: TRUST_REMOTE_CODE_PROPERTY, value: 'true' });
  for (const i of pkg.reference.scan?.imports ?? []) {
    if (i.verdict !== 'safe') properties.push({ name: `lockwarden:pickle-import:${i.verdict}`, value: `${i.module}.${i.name}` });
  }
  return properties;
}

/** Where a lockfile's project sits: its folder relative to the root project's, joined with the project's path. */
export function projectPath(lockfile: string, projectPathInLockfile: string, rootDir: string): string {
  const dir = relativeTo(lockfileDir(lockfile), rootDir);
  return [dir, projectPathInLockfile].filter((p) => p !== '').join('/');
}

/** bom-ref of a sub-folder or workspace project. */
export const projectBomRef = (path: string): string => `lockwarden:project:${path}`;

/** bom-ref of the root when it has no purl, or when its purl is a component's too (Cargo.lock lists the root crate). */
export const ROOT_BOM_REF = 'lockwarden:root';

/** bom-ref of lockwarden in `metadata.tools.components`. */
export const TOOL_BOM_REF = 'lockwarden:tool';

/** `dir` as seen from `base` (both posix, relative to the same folder); `dir` unchanged when outside `base`. */
function relativeTo(dir: string, base: string): string {
  const b = base === '.' ? '' : base.replace(/^\.\//, '').replace(/\/$/, '');
  if (b === '') return dir;
  if (dir === b) return '';
  return dir.startsWith(`${b}/`) ? dir.slice(b.length + 1) : dir;
}

function lockfileDir(lockfile: string): string {
  const normalized = lockfile.replace(/\\/g, '/').replace(/^\.\//, '');
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}
