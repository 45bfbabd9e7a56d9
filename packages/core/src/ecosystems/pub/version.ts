import { LockwardenError } from '../../errors.js';

/** A SemVer 2.0 version read leniently, build metadata kept (Pub orders by it): a `v` prefix, missing minor/patch and numbers of any size are accepted. */
export interface SemverLike {
  /** major, minor, patch as digit strings without leading zeros (compared by length, then text). */
  core: [string, string, string];
  prerelease: string[];
  build: string[];
}

const MAX_VERSION_LENGTH = 1024;
const CORE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/;

function digits(text: string | undefined): string {
  const stripped = (text ?? '0').replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/**
 * Parses a SemVer-style version. Beyond the spec, and like the version tools of Hex, Pub and SwiftPM
 * accept in practice: `v1.2.3`, `1.2` (= 1.2.0), arbitrarily large numbers, and anything after
 * `major.minor.patch` that is not `-pre`/`+build` (e.g. a fourth `.4` component) is read as build
 * metadata, or as a prerelease when it starts with a letter (`1.2.3beta` sorts before `1.2.3`).
 * Throws INVALID_VERSION when the string does not start with a number.
 */
export function parseSemverLike(version: string, ecosystem: string): SemverLike {
  if (version.length > MAX_VERSION_LENGTH) {
    throw new LockwardenError('INVALID_VERSION', `${ecosystem} version longer than ${MAX_VERSION_LENGTH} characters`);
  }
  const m = CORE.exec(version);
  if (!m) throw new LockwardenError('INVALID_VERSION', `invalid ${ecosystem} version "${version}"`);
  const core: [string, string, string] = [digits(m[1]), digits(m[2]), digits(m[3])];
  let rest = version.slice(m[0].length);
  let prerelease = '';
  let build = '';
  if (rest.startsWith('.')) {
    build = rest.slice(1);
    rest = '';
  }
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    build = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
  }
  if (rest !== '') prerelease = rest.startsWith('-') ? rest.slice(1) : rest;
  return {
    core,
    prerelease: prerelease === '' ? [] : prerelease.split('.'),
    build: build === '' ? [] : build.split('.'),
  };
}

/** Compares two digit strings without leading zeros as numbers of any size. */
export function compareDigitStrings(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMERIC = /^\d+$/;

/** SemVer 2.0 identifier-list order: numeric < alphanumeric, numbers by value, text by ASCII, shorter first. */
export function compareIdentifiers(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xNum = NUMERIC.test(x);
    const yNum = NUMERIC.test(y);
    if (xNum && yNum) {
      const c = compareDigitStrings(digits(x), digits(y));
      if (c !== 0) return c;
    } else if (xNum !== yNum) {
      return xNum ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** SemVer 2.0 precedence of two parsed versions; build metadata is ignored. */
export function compareSemverLike(a: SemverLike, b: SemverLike): -1 | 0 | 1 {
  for (let i = 0; i < 3; i++) {
    const c = compareDigitStrings(a.core[i] as string, b.core[i] as string);
    if (c !== 0) return c;
  }
  // A release sorts after all of its prereleases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  return compareIdentifiers(a.prerelease, b.prerelease);
}

/**
 * Pub orders versions as Dart's pub_semver does: SemVer 2.0 precedence, and then, unlike SemVer, build
 * metadata counts too: a version without a build sorts before the same version with one
 * (`1.2.3 < 1.2.3+1`), and builds compare like prerelease identifiers (`1.2.3+1 < 1.2.3+a`).
 */
export function comparePubVersions(a: string, b: string): -1 | 0 | 1 {
  const va = parseSemverLike(a, 'Pub');
  const vb = parseSemverLike(b, 'Pub');
  const precedence = compareSemverLike(va, vb);
  if (precedence !== 0) return precedence;
  if (va.build.length === 0 || vb.build.length === 0) {
    return va.build.length === vb.build.length ? 0 : va.build.length === 0 ? -1 : 1;
  }
  return compareIdentifiers(va.build, vb.build);
}
