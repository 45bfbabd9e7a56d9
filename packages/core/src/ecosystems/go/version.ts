import { compareSemver } from '../semver-order.js';

/**
 * Go orders module versions by SemVer 2.0 (golang.org/x/mod/semver): `+incompatible` is build metadata and
 * does not affect order, and pseudo-versions (`v0.0.0-20210630005230-0f9fa26af87c`) are pre-releases whose
 * timestamp sorts them. Accepts versions with or without the `v` (lockwarden stores them without).
 */
export function compareGoVersions(a: string, b: string): -1 | 0 | 1 {
  return compareSemver(a, b, 'Go');
}

// golang.org/x/mod/semver syntax: shorthands (v1, v1.2) only without pre-release or build; no leading zeros.
const NUM = '(?:0|[1-9]\\d*)';
const IDENT = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const GO_SEMVER = new RegExp(
  `^v(${NUM})(?:\\.(${NUM})(?:\\.(${NUM})(-${IDENT}(?:\\.${IDENT})*)?(\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?$`,
);

/**
 * The canonical form of a go.mod version (`v1.2` → `v1.2.0`; build metadata other than `+incompatible` dropped),
 * as golang.org/x/mod/module.CanonicalVersion gives it; `undefined` when it is not a valid Go module version.
 */
export function canonicalGoVersion(version: string): string | undefined {
  const m = GO_SEMVER.exec(version);
  if (!m) return undefined;
  const [, major, minor = '0', patch = '0', pre = '', build = ''] = m;
  const canonical = `v${major}.${minor}.${patch}${pre}`;
  if (build === '+incompatible') {
    // +incompatible marks a v2+ module without a /vN path; it is meaningless (and rejected) below v2.
    return Number(major) >= 2 ? `${canonical}+incompatible` : undefined;
  }
  return canonical;
}
