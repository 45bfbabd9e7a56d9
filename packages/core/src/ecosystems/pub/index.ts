import type { EcosystemPlugin } from '../types.js';
import { pubspecLockParser } from './pubspec-lock.js';
import { comparePubVersions } from './version.js';

/** pub.dev (Dart and Flutter): names are lowercase identifiers, kept as written; pub_semver order. */
export const pubPlugin: EcosystemPlugin = {
  ecosystem: 'Pub',
  purlType: 'pub',
  parsers: [pubspecLockParser],
  compareVersions: comparePubVersions,
  normalizeName: (name) => name,
};
