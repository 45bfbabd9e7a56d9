import { compareSemver } from '../semver-order.js';

/**
 * Go orders module versions by SemVer 2.0 (golang.org/x/mod/semver): `+incompatible` is build metadata and
 * does not affect order, and pseudo-versions (`v0.0.0-20210630005230-0f9fa26af87c`) are pre-releases whose
 * timestamp sorts them. Accepts versions with or without the `v` (lockwarden stores them without).
 */
export function compareGoVersions(a: string, b: string): -1 | 0 | 1 {
  return compareSemver(goReleaseAsSemver(a), goReleaseAsSemver(b), 'Go');
}

/**
 * Go toolchain releases (the `stdlib` package's versions, from `go`/`toolchain` directives) are written
 * `1.21rc2` / `go1.21.0`; as SemVer they are `1.21.0-rc.2` / `1.21.0`, the form OSV uses for `stdlib`.
 */
function goReleaseAsSemver(version: string): string {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?$/.exec(version);
  if (!m || (m[4] === undefined && !version.startsWith('go'))) return version;
  const [, major, minor, patch = '0', pre, n] = m;
  return `${major}.${minor}.${patch}${pre ? `-${pre}.${n}` : ''}`;
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
