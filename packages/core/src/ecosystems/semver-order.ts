import { LockwardenError } from '../errors.js';

/**
 * SemVer 2.0 precedence, shared by the ecosystems that order by it (npm, crates.io, Go, Hex, SwiftURL).
 *
 * Lenient the way version data in the wild needs: a leading `v` is ignored; numbers of any size are compared
 * exactly (not as floats); missing minor/patch count as 0; components after the third belong to the build
 * part; build metadata never affects order (`1.2.3+a` = `1.2.3+b`). Pre-release identifiers follow §11:
 * numeric ones compare numerically and sort before alphanumeric ones, which compare in ASCII order.
 */
export function compareSemver(a: string, b: string, ecosystem = 'SemVer'): -1 | 0 | 1 {
  const pa = parseSemver(a, ecosystem);
  const pb = parseSemver(b, ecosystem);
  for (let i = 0; i < 3; i++) {
    const c = compareNumeric(pa.core[i] ?? '0', pb.core[i] ?? '0');
    if (c !== 0) return c;
  }
  return comparePrerelease(pa.pre, pb.pre);
}

interface ParsedSemver {
  core: string[];
  pre: string[];
}

const cache = new Map<string, ParsedSemver>();

function parseSemver(version: string, ecosystem: string): ParsedSemver {
  const hit = cache.get(version);
  if (hit) return hit;
  let rest = version.trim();
  if (rest.startsWith('v') || rest.startsWith('V')) rest = rest.slice(1);
  const plus = rest.indexOf('+');
  if (plus >= 0) rest = rest.slice(0, plus);
  const dash = rest.indexOf('-');
  const coreText = dash >= 0 ? rest.slice(0, dash) : rest;
  const preText = dash >= 0 ? rest.slice(dash + 1) : undefined;
  // Only the first three components order; the rest is build-like (`1.1.3.4.5` = `1.1.3.4.5`).
  const core = coreText.split('.').slice(0, 3);
  if (core.some((c) => !/^\d+$/.test(c))) {
    throw new LockwardenError('INVALID_VERSION', `invalid ${ecosystem} version "${version}"`);
  }
  const parsed = { core: core.map(stripZeros), pre: preText === undefined ? [] : preText.split('.') };
  if (cache.size > 50_000) cache.clear();
  cache.set(version, parsed);
  return parsed;
}

function stripZeros(digits: string): string {
  const s = digits.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/** Compares digit strings without leading zeros, of any length. */
function compareNumeric(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string[], b: string[]): -1 | 0 | 1 {
  // A version without pre-release identifiers has higher precedence than one with them.
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    let c: -1 | 0 | 1;
    if (xn && yn) c = compareNumeric(stripZeros(x), stripZeros(y));
    else if (xn) c = -1;
    else if (yn) c = 1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}
