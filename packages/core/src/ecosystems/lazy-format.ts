import type { LockfileFormat, LockfileParser, ManifestFormat, ManifestParser } from './types.js';

/**
 * A lockfile format whose parser module is imported on the first `load()` and shared after. The metadata is
 * declared here, in the ecosystem's index, so discovery and `--parse-as` need no parser; a registry test checks it
 * against what the loaded parser says of itself.
 */
export function lockfileFormat(info: Omit<LockfileFormat, 'load'>, load: () => Promise<LockfileParser>): LockfileFormat {
  let loaded: Promise<LockfileParser> | undefined;
  return { ...info, load: () => (loaded ??= load()) };
}

/** A manifest format whose parser is imported on the first `load()`. */
export function manifestFormat(info: Omit<ManifestFormat, 'load'>, load: () => Promise<ManifestParser>): ManifestFormat {
  let loaded: Promise<ManifestParser> | undefined;
  return { ...info, load: () => (loaded ??= load()) };
}
