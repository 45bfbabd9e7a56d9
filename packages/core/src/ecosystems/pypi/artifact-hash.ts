import { tomlString, tomlTables } from '../../parse/toml.js';
import type { Hash } from '../../model/package.js';

const ALGORITHMS: ReadonlySet<string> = new Set(['sha1', 'sha256', 'sha384', 'sha512', 'md5', 'blake2b']);

/**
 * Reads `sha256:<hex>` (pip, poetry, Pipfile.lock, uv) or an algorithm and value given apart (pylock's
 * `hashes = { sha256 = "..." }`). Malformed hashes are dropped rather than reported as integrity we cannot check.
 */
export function parseArtifactHash(text: string, value?: string): Hash | undefined {
  let algorithm = text;
  let hex = value;
  if (hex === undefined) {
    const colon = text.indexOf(':');
    if (colon < 0) return undefined;
    algorithm = text.slice(0, colon);
    hex = text.slice(colon + 1);
  }
  algorithm = algorithm.trim().toLowerCase();
  hex = hex.trim().toLowerCase();
  if (!ALGORITHMS.has(algorithm) || !/^[0-9a-f]+$/.test(hex)) return undefined;
  return { algorithm: algorithm as Hash['algorithm'], value: hex };
}

/** Adds hashes to a list once each, keeping the order they were found in. */
export function addHashes(into: Hash[], hashes: Iterable<Hash | undefined>): Hash[] {
  for (const h of hashes) {
    if (h && !into.some((x) => x.algorithm === h.algorithm && x.value === h.value)) into.push(h);
  }
  return into;
}

/** The hashes of a package's `files` array of tables (`{ file, hash = "sha256:..." }`), as poetry and pdm write it. */
export function artifactFileHashes(files: unknown): Hash[] {
  return addHashes(
    [],
    tomlTables(files).map((f) => {
      const hash = tomlString(f.hash);
      return hash === undefined ? undefined : parseArtifactHash(hash);
    }),
  );
}
