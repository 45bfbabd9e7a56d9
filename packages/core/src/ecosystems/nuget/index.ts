import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareNuGetVersions } from './version.js';

/** nuget.org: package ids are case-insensitive, versions are SemVer 2.0 with an optional fourth number. */
export const nugetPlugin: EcosystemPlugin = {
  ecosystem: 'NuGet',
  purlType: 'nuget',
  lockfiles: [
    lockfileFormat(
      { id: 'packages.lock.json', ecosystem: 'NuGet', fileNames: ['packages.lock.json', 'packages.*.lock.json'], conformance: ['dotnet/packageslockjson'] },
      async () => (await import('./packages-lock-json.js')).packagesLockJsonParser,
    ),
  ],
  compareVersions: compareNuGetVersions,
  normalizeName: (name) => name.toLowerCase(),
};
