import type { EcosystemPlugin } from '../types.js';
import { gemfileLockParser } from './gemfile-lock.js';
import { gemfileParser } from './gemfile.js';
import { compareGemVersions } from './version.js';

export { gemPurl } from './purl.js';

/** Ruby gems: Gemfile.lock / gems.locked and Gemfile / gems.rb, Gem::Version order, `pkg:gem` purls. */
export const rubygemsPlugin: EcosystemPlugin = {
  ecosystem: 'RubyGems',
  purlType: 'gem',
  parsers: [gemfileLockParser],
  manifests: [gemfileParser],
  compareVersions: compareGemVersions,
  // Gem names are case-sensitive on rubygems.org (`Rack` and `rack` could differ); keep them as written.
  normalizeName: (name) => name,
};
