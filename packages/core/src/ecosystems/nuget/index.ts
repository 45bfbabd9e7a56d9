import type { EcosystemPlugin } from '../types.js';
import { packagesLockJsonParser } from './packages-lock-json.js';
import { compareNuGetVersions } from './version.js';

/** nuget.org: package ids are case-insensitive, versions are SemVer 2.0 with an optional fourth number. */
export const nugetPlugin: EcosystemPlugin = {
  ecosystem: 'NuGet',
  purlType: 'nuget',
  parsers: [packagesLockJsonParser],
  compareVersions: compareNuGetVersions,
  normalizeName: (name) => name.toLowerCase(),
};
