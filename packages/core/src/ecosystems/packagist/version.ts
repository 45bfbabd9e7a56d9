import { LockwardenError } from '../../errors.js';

type Token = { digits: true; value: bigint } | { digits: false; value: string };

// php-src's compare_special_version_forms, matched by prefix in this order; anything else ranks below `dev`.
const SPECIAL_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
/** A number, where it meets a name, ranks as the special form `#`. */
const NUMBER: Token = { digits: false, value: '#' };

const cache = new Map<string, Token[]>();

/**
 * Packagist order: PHP's `version_compare` (which Composer's Comparator uses) after Composer's removal of a
 * leading `v`. The version is cut at `.`, `-`, `_`, `+` and at every change between digits and letters; numbers
 * compare numerically (exactly, at any size); names rank dev < alpha = a < beta = b < RC = rc < # < pl = p, an
 * unknown name below dev; a number meeting a name ranks as `#`. When one version runs out, a following number
 * makes the longer one greater, a following name is compared with `#` (so `1.0 > 1.0-beta`, `1.0 < 1.0pl1`).
 * `#` itself is kept as a segment (the weight of a number) rather than dropped as PHP's separator, so
 * `1.2.3.# = 1.2.3.1`, as the version corpus expects.
 */
export function comparePackagistVersions(a: string, b: string): -1 | 0 | 1 {
  return compareTokens(tokens(a), tokens(b));
}

function compareTokens(a: readonly Token[], b: readonly Token[]): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareToken(a[i] as Token, b[i] as Token);
    if (c !== 0) return c;
  }
  if (a.length > n) return (a[n] as Token).digits ? 1 : compareTokens(a.slice(n), [NUMBER]);
  if (b.length > n) return (b[n] as Token).digits ? -1 : compareTokens([NUMBER], b.slice(n));
  return 0;
}

function compareToken(x: Token, y: Token): -1 | 0 | 1 {
  if (x.digits && y.digits) return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  const wx = x.digits ? 4 : weight(x.value);
  const wy = y.digits ? 4 : weight(y.value);
  return wx < wy ? -1 : wx > wy ? 1 : 0;
}

function weight(form: string): number {
  for (const [prefix, rank] of SPECIAL_FORMS) if (form.startsWith(prefix)) return rank;
  return -1;
}

function tokens(version: string): Token[] {
  const hit = cache.get(version);
  if (hit) return hit;
  if (version.trim() === '' || [...version].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new LockwardenError('INVALID_VERSION', `invalid Packagist version "${version}"`);
  }
  const text = /^[vV]/.test(version) ? version.slice(1) : version;
  const out: Token[] = [];
  const re = /[0-9]+|[A-Za-z]+|#/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    out.push(/^[0-9]/.test(t) ? { digits: true, value: BigInt(t) } : { digits: false, value: t });
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(version, out);
  return out;
}
