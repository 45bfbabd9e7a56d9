import { LockwardenError } from '../../errors.js';

type Segment = bigint | string;

// Gem::Version::ANCHORED_VERSION_PATTERN, relaxed to let letters follow the first number directly (`1beta`,
// which older gems and the version corpus use; it reads as segments 1, "beta" like any other).
const GEM_VERSION = /^\s*([0-9][0-9a-zA-Z]*(?:\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)?\s*$/;

const cache = new Map<string, Segment[]>();

/**
 * Gem::Version's order (RubyGems `<=>`): segments are runs of digits or letters; a `-` starts a pre-release
 * (`1.0-rc1` is `1.0.pre.rc1`); trailing zeros of the release and of the pre-release part are dropped; a
 * letter segment sorts before any number, so any version with letters is a pre-release of its numbers.
 * Numbers are BigInts: RubyGems compares them exactly at any size.
 */
export function compareGemVersions(a: string, b: string): -1 | 0 | 1 {
  const x = canonicalSegments(a);
  const y = canonicalSegments(b);
  const limit = Math.max(x.length, y.length);
  for (let i = 0; i < limit; i++) {
    const l = x[i] ?? 0n;
    const r = y[i] ?? 0n;
    if (l === r) continue;
    const ls = typeof l === 'string';
    const rs = typeof r === 'string';
    if (ls && !rs) return -1;
    if (!ls && rs) return 1;
    return l < r ? -1 : 1;
  }
  return 0;
}

/** True when `version` is a version RubyGems accepts (`Gem::Version.correct?`, with the relaxation above). */
export function isGemVersion(version: string): boolean {
  return GEM_VERSION.test(version);
}

function canonicalSegments(version: string): Segment[] {
  const hit = cache.get(version);
  if (hit) return hit;
  if (!GEM_VERSION.test(version)) throw new LockwardenError('INVALID_VERSION', `invalid RubyGems version "${version}"`);
  const text = version.trim() === '' ? '0' : version.trim().replace(/-/g, '.pre.');
  const segments: Segment[] = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => (/^\d/.test(s) ? BigInt(s) : s));
  const firstString = segments.findIndex((s) => typeof s === 'string');
  const release = firstString < 0 ? segments : segments.slice(0, firstString);
  const pre = firstString < 0 ? [] : segments.slice(firstString);
  const canonical = [...dropTrailingZeros(release), ...dropTrailingZeros(pre)];
  if (cache.size > 50_000) cache.clear();
  cache.set(version, canonical);
  return canonical;
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end--;
  return segments.slice(0, end);
}
