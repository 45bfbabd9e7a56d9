import type { Hash } from '../../model/package.js';

const SRI_ALGORITHMS: Readonly<Record<string, Hash['algorithm']>> = {
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  md5: 'md5',
};

/** Scratch space for decoding: one buffer reused, instead of a Buffer per package (sha512 is 64 bytes). */
const scratch = Buffer.alloc(256);

function toHex(base64: string): string {
  if (base64.length > 340) return Buffer.from(base64, 'base64').toString('hex');
  const length = scratch.write(base64, 'base64');
  return scratch.toString('hex', 0, length);
}

/**
 * Decodes a Subresource Integrity string (`sha512-<base64> sha1-<base64>`, as npm, yarn v1, pnpm and bun
 * write it) into hashes with lowercase hex values. Unknown algorithms and malformed parts are skipped:
 * an integrity we cannot read is no reason to reject the lockfile.
 */
export function decodeIntegrity(sri: unknown): Hash[] {
  if (typeof sri !== 'string' || sri === '') return [];
  const out: Hash[] = [];
  // Almost every entry holds a single hash, so the common case avoids a split.
  const parts = sri.includes(' ') || sri.includes('\t') || sri.includes('\n') ? sri.split(/\s+/) : [sri];
  for (const part of parts) {
    const dash = part.indexOf('-');
    if (dash <= 0) continue;
    const algorithm = SRI_ALGORITHMS[part.slice(0, dash).toLowerCase()];
    if (algorithm === undefined) continue;
    // SRI options (`?foo`) follow the digest; they carry no hash material.
    const question = part.indexOf('?', dash);
    const digest = part.slice(dash + 1, question < 0 ? undefined : question);
    const hex = toHex(digest);
    if (hex !== '') out.push({ algorithm, value: hex });
  }
  return out;
}

/**
 * Reads a yarn berry `checksum` (hex sha512, since cache format 10 prefixed with `<cacheKey>/`).
 */
export function decodeYarnChecksum(checksum: unknown): Hash[] {
  if (typeof checksum !== 'string' || checksum === '') return [];
  const slash = checksum.lastIndexOf('/');
  const hex = (slash < 0 ? checksum : checksum.slice(slash + 1)).toLowerCase();
  return /^[0-9a-f]{128}$/.test(hex) ? [{ algorithm: 'sha512', value: hex }] : [];
}
