import { VERSION_PATTERN } from '@renovatebot/pep440/lib/version.js';
import { LockwardenError } from '../../errors.js';

/**
 * The PEP 440 grammar is the one `packaging` uses, taken from @renovatebot/pep440 rather than retyped. Its own
 * `compare` is not used: it crashes on strings that are not PEP 440, and turns release numbers into floats, so
 * `1.9007199254740993` and `1.9007199254740992` would compare equal. Numbers stay digit strings here.
 */
const PEP440 = new RegExp(`^\\s*${VERSION_PATTERN}\\s*$`, 'i');

/** Versions longer than this are not versions; refusing them keeps hostile input cheap. */
const MAX_VERSION_LENGTH = 1024;

const PRE_LETTERS: Record<string, string> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };

/** A parsed PEP 440 version; numbers are digit strings without leading zeros. */
export interface Pep440Version {
  epoch: string;
  release: string[];
  pre?: { letter: 'a' | 'b' | 'rc'; number: string };
  post?: string;
  dev?: string;
  local?: string[];
}

/** Parses a PEP 440 version (case-insensitive, surrounding whitespace allowed); `undefined` when it is not one. */
export function parsePep440(version: string): Pep440Version | undefined {
  if (version.length > MAX_VERSION_LENGTH) return undefined;
  const groups = PEP440.exec(version)?.groups;
  if (!groups || groups.release === undefined) return undefined;
  const parsed: Pep440Version = {
    epoch: digits(groups.epoch ?? '0'),
    release: groups.release.split('.').map(digits),
  };
  if (groups.pre_l !== undefined) {
    parsed.pre = {
      letter: (PRE_LETTERS[groups.pre_l.toLowerCase()] ?? 'rc') as 'a' | 'b' | 'rc',
      number: digits(groups.pre_n ?? '0'),
    };
  }
  const post = groups.post_n1 ?? groups.post_n2 ?? (groups.post_l !== undefined ? '0' : undefined);
  if (post !== undefined) parsed.post = digits(post);
  if (groups.dev_l !== undefined) parsed.dev = digits(groups.dev_n ?? '0');
  if (groups.local !== undefined) parsed.local = groups.local.toLowerCase().split(/[-_.]/);
  return parsed;
}

/**
 * Orders two PyPI versions as pip does. PEP 440 versions follow `packaging.version.Version`; anything else is a
 * pre-PEP 440 "legacy" version (pip < 24 accepted them and PyPI still serves them): those sort before every PEP 440
 * version and among themselves by setuptools' old `LegacyVersion` key.
 */
export function comparePypiVersions(a: string, b: string): -1 | 0 | 1 {
  if (a.trim() === '' || b.trim() === '') throw new LockwardenError('INVALID_VERSION', 'empty PyPI version');
  const va = parsePep440(a);
  const vb = parsePep440(b);
  if (va && vb) return comparePep440(va, vb);
  if (va) return 1;
  if (vb) return -1;
  return compareTuples(legacyKey(a), legacyKey(b));
}

function digits(text: string): string {
  const trimmed = text.replace(/^0+/, '');
  return trimmed === '' ? '0' : trimmed;
}

/** Compares two digit strings without leading zeros numerically, at any length. */
function compareDigits(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareRelease(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  // Trailing zeros do not count: 1.0 == 1.0.0.
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
}

/** The rank of the pre-release part, as packaging's `_cmpkey` builds it. */
function preRank(v: Pep440Version): [number, string] {
  // A bare dev release (1.0.dev0) sorts before every pre-release of the same release.
  if (!v.pre && v.post === undefined && v.dev !== undefined) return [-1, '0'];
  if (!v.pre) return [3, '0'];
  return [v.pre.letter === 'a' ? 0 : v.pre.letter === 'b' ? 1 : 2, v.pre.number];
}

function compareLocal(a: readonly string[] | undefined, b: readonly string[] | undefined): -1 | 0 | 1 {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const xNum = /^[0-9]+$/.test(x);
    const yNum = /^[0-9]+$/.test(y);
    // Alphanumeric segments sort before numeric ones; numbers compare as numbers, the rest as strings.
    if (xNum !== yNum) return xNum ? 1 : -1;
    const c = xNum ? compareDigits(digits(x), digits(y)) : x === y ? 0 : x < y ? -1 : 1;
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function comparePep440(a: Pep440Version, b: Pep440Version): -1 | 0 | 1 {
  let c = compareDigits(a.epoch, b.epoch);
  if (c !== 0) return c;
  c = compareRelease(a.release, b.release);
  if (c !== 0) return c;
  const [ra, na] = preRank(a);
  const [rb, nb] = preRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  c = compareDigits(na, nb);
  if (c !== 0) return c;
  // No post release sorts before any post release.
  if (a.post !== b.post) {
    if (a.post === undefined) return -1;
    if (b.post === undefined) return 1;
    c = compareDigits(a.post, b.post);
    if (c !== 0) return c;
  }
  // No dev release sorts after any dev release.
  if (a.dev !== b.dev) {
    if (a.dev === undefined) return 1;
    if (b.dev === undefined) return -1;
    c = compareDigits(a.dev, b.dev);
    if (c !== 0) return c;
  }
  return compareLocal(a.local, b.local);
}

const LEGACY_PART = /(\d+|[a-z]+|\.|-)/;
const LEGACY_REPLACEMENTS: Record<string, string> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

/** setuptools' `_legacy_cmpkey` (packaging < 22): numbers zero-padded, words prefixed with `*`. */
function legacyKey(version: string): string[] {
  if (version.length > MAX_VERSION_LENGTH) {
    throw new LockwardenError('INVALID_VERSION', `PyPI version is longer than ${MAX_VERSION_LENGTH} characters`);
  }
  const parts: string[] = [];
  const pieces = version.toLowerCase().split(LEGACY_PART);
  pieces.push('final');
  for (const piece of pieces) {
    const part = LEGACY_REPLACEMENTS[piece] ?? piece;
    if (part === '' || part === '.') continue;
    const keyed = /^[0-9]/.test(part) ? part.padStart(8, '0') : `*${part}`;
    if (keyed.startsWith('*')) {
      if (keyed < '*final') {
        while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      }
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(keyed);
  }
  return parts;
}

function compareTuples(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
