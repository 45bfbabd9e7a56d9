import type { Ecosystem } from './ecosystem.js';

/** A hash the lockfile records for a package's artifact. `value` is lowercase hex. */
export interface Hash {
  algorithm: 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'md5' | 'blake2b';
  value: string;
}

/** Where a package's bits come from, as the lockfile says. */
export type Source =
  | { kind: 'registry'; url?: string }
  | { kind: 'git'; url: string; commit?: string; ref?: string }
  | { kind: 'tarball'; url: string }
  | { kind: 'path'; path: string }
  | { kind: 'unknown' };

export interface Location {
  /** The lockfile path as given to the parser (relative to the scan root when discovered). */
  file: string;
  /** 1-based line of the package's entry, when the format lets us find it. */
  line?: number;
}

/**
 * Dependency groups. `dev`, `optional`, `peer` and `bundled` are the common ones; Python and
 * other ecosystems carry their own group names (poetry/uv groups, Maven scopes such as `test`).
 */
export type Scope = string;

/** One resolved package in one lockfile. */
export interface Package {
  /** Unique within its inventory (e.g. npm's `node_modules/a/node_modules/b`); edges refer to it. */
  id: string;
  ecosystem: Ecosystem;
  name: string;
  /** Resolved version; `""` when the lockfile pins none (git dependency without a tag, unpinned requirement). */
  version: string;
  purl: string;
  /** Declared by a root/workspace project rather than pulled in by another package. */
  direct: boolean;
  scopes: Scope[];
  integrity: Hash[];
  source: Source;
  location: Location;
  /** The package declares install scripts (npm `hasInstallScript`). */
  hasInstallScript?: boolean;
  /**
   * License as the lockfile records it (npm v2+ `license`, composer, ...). `null` when the format records licenses
   * and this package declares none; absent when the lockfile does not say (most formats: then only the registry
   * can tell, and a license rule without registry data reports "not evaluated", never "no license").
   */
  license?: string | null;
  /** Names under which a root declared it, when an alias differs from the real name (npm `npm:` aliases). */
  aliases?: string[];
  /**
   * Set when the package is declared in a manifest (package.json, pyproject.toml, ...) but locked nowhere, so
   * there is no resolved version (`version` is ""). Hallucinated names show up here first.
   */
  declaredIn?: { manifest: string; specifier: string };
  /**
   * Set for what is not a locked package but a reference found in code or configuration: a Hugging Face model
   * loaded from Python, a workflow's `uses:`, a Dockerfile's `FROM`, a committed model file.
   */
  reference?: ArtifactReference;
}

/** The kinds of references lockwarden finds outside lockfiles. */
export type ReferenceKind = 'model' | 'dataset' | 'action' | 'reusable-workflow' | 'image' | 'include' | 'model-file';

/** One import a pickle stream makes (GLOBAL, STACK_GLOBAL, INST): the callable that unpickling would look up. */
export interface PickleImport {
  module: string;
  name: string;
  /**
   * `dangerous`: a callable known to run commands or code (os.system, builtins.eval, subprocess ...);
   * `unknown`: outside the safe list of tensor/array rebuilders, so a reviewer must look; `safe` otherwise.
   */
  verdict: 'safe' | 'unknown' | 'dangerous';
  /** The stream it was found in: the file itself, or `archive/data.pkl` inside a torch zip. */
  member?: string;
}

/** What the scanner read from a committed model file. */
export interface ModelFileScan {
  format: 'pickle' | 'torch-zip' | 'joblib' | 'npy' | 'safetensors' | 'gguf' | 'onnx';
  /** Formats that can carry code on load (pickle, torch zip, joblib, object-array npy). */
  executable: boolean;
  imports: PickleImport[];
  /** Header metadata of safetensors / GGUF (string values only, capped). */
  metadata?: Record<string, string>;
  /** Why the file could not be scanned fully (truncated, too large, malformed); the rules read it as not evaluated. */
  error?: string;
}

/** A reference to a model, action, image or include, as written where it was found. */
export interface ArtifactReference {
  kind: ReferenceKind;
  /** The revision, tag, ref or digest as written; absent when none was given (the default branch, `latest`). */
  ref?: string;
  /** True when `ref` names immutable content: a 40-hex commit, or an image `@sha256:` digest. */
  pinned: boolean;
  /** The call or key it was found in (`AutoModel.from_pretrained`, `uses`, `FROM`), for messages. */
  via: string;
  /** `trust_remote_code=True` was passed: the model's own Python code runs on load. */
  trustRemoteCode?: boolean;
  /** Committed model files: what the scanner found. */
  scan?: ModelFileScan;
}

/**
 * A package that lives in the project itself (a workspace member, a `file:`/`path` dependency): its code is the
 * project's own, so no registry, advisory database or license rule speaks for it, and it has no registry purl.
 */
export function isLocalPackage(pkg: Pick<Package, 'source'>): boolean {
  return pkg.source.kind === 'path';
}

/** The parts of a package that identify it across lockfiles. */
export type PackageRef = Pick<Package, 'ecosystem' | 'name' | 'version'> & { purl?: string; commit?: string };

/** `ecosystem:name@version`, the key used by maps of enrichment data. */
export function packageKey(p: Pick<Package, 'ecosystem' | 'name' | 'version'>): string {
  return `${p.ecosystem}:${p.name}@${p.version}`;
}
