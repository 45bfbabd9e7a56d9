import { lockfileFormat, manifestFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { comparePackagistVersions } from './version.js';

export { isPlatformPackage } from './platform-packages.js';
export { composerPurl } from './purl.js';

/** PHP packages: composer.lock and composer.json, version_compare order, `pkg:composer` purls. */
export const packagistPlugin: EcosystemPlugin = {
  ecosystem: 'Packagist',
  purlType: 'composer',
  lockfiles: [
    lockfileFormat(
      { id: 'composer.lock', ecosystem: 'Packagist', fileNames: ['composer.lock'], conformance: ['php/composerlock'] },
      async () => (await import('./composer-lock.js')).composerLockParser,
    ),
  ],
  manifests: [
    manifestFormat(
      { id: 'composer.json', ecosystem: 'Packagist', fileNames: ['composer.json'] },
      async () => (await import('./composer-json.js')).composerJsonParser,
    ),
  ],
  compareVersions: comparePackagistVersions,
  // Composer and Packagist treat names case-insensitively and store them lowercase.
  normalizeName: (name) => name.toLowerCase(),
};
