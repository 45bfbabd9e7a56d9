import type { EcosystemPlugin } from '../types.js';
import { composerJsonParser } from './composer-json.js';
import { composerLockParser } from './composer-lock.js';
import { comparePackagistVersions } from './version.js';

export { isPlatformPackage } from './platform-packages.js';
export { composerPurl } from './purl.js';

/** PHP packages: composer.lock and composer.json, version_compare order, `pkg:composer` purls. */
export const packagistPlugin: EcosystemPlugin = {
  ecosystem: 'Packagist',
  purlType: 'composer',
  parsers: [composerLockParser],
  manifests: [composerJsonParser],
  compareVersions: comparePackagistVersions,
  // Composer and Packagist treat names case-insensitively and store them lowercase.
  normalizeName: (name) => name.toLowerCase(),
};
