import { LockwardenError } from '../../errors.js';
// NuGet's prerelease labels order like SemVer identifiers (after lowercasing); the helpers live with Pub's order.
import { compareDigitStrings, compareIdentifiers } from '../pub/version.js';

const MAX_VERSION_LENGTH = 1024;
const NUGET_VERSION = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]*)?$/;

interface NuGetVersion {
  numbers: [string, string, string, string];
  prerelease: string[];
}

function digits(text: string | undefined): string {
  const stripped = (text ?? '0').replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/**
 * Parses a NuGet version (https://learn.microsoft.com/nuget/concepts/package-versioning): up to four numeric
 * parts (missing ones are 0), a SemVer 2.0 prerelease, and build metadata, which does not affect order.
 */
export function parseNuGetVersion(version: string): NuGetVersion {
  const m = version.length <= MAX_VERSION_LENGTH ? NUGET_VERSION.exec(version.trim()) : null;
  if (!m) throw new LockwardenError('INVALID_VERSION', `invalid NuGet version "${version.slice(0, 100)}"`);
  return {
    numbers: [digits(m[1]), digits(m[2]), digits(m[3]), digits(m[4])],
    // NuGet compares prerelease labels case-insensitively.
    prerelease: m[5] ? m[5].toLowerCase().split('.') : [],
  };
}

/** Orders two NuGet versions as NuGet's VersionComparer does (1.0 = 1.0.0.0, 1.0.0-BETA = 1.0.0-beta). */
export function compareNuGetVersions(a: string, b: string): -1 | 0 | 1 {
  const va = parseNuGetVersion(a);
  const vb = parseNuGetVersion(b);
  for (let i = 0; i < 4; i++) {
    const c = compareDigitStrings(va.numbers[i] as string, vb.numbers[i] as string);
    if (c !== 0) return c;
  }
  if (va.prerelease.length === 0 || vb.prerelease.length === 0) {
    return va.prerelease.length === vb.prerelease.length ? 0 : va.prerelease.length === 0 ? 1 : -1;
  }
  return compareIdentifiers(va.prerelease, vb.prerelease);
}
