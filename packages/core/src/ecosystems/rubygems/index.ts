import { lockfileFormat, manifestFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareGemVersions } from './version.js';

export { gemPurl } from './purl.js';

/** Ruby gems: Gemfile.lock / gems.locked and Gemfile / gems.rb, Gem::Version order, `pkg:gem` purls. */
export const rubygemsPlugin: EcosystemPlugin = {
  ecosystem: 'RubyGems',
  purlType: 'gem',
  lockfiles: [
    lockfileFormat(
      { id: 'Gemfile.lock', ecosystem: 'RubyGems', fileNames: ['Gemfile.lock', 'gems.locked'], conformance: ['ruby/gemfilelock'] },
      async () => (await import('./gemfile-lock.js')).gemfileLockParser,
    ),
  ],
  manifests: [
    manifestFormat(
      { id: 'Gemfile', ecosystem: 'RubyGems', fileNames: ['Gemfile', 'gems.rb'] },
      async () => (await import('./gemfile.js')).gemfileParser,
    ),
  ],
  compareVersions: compareGemVersions,
  // Gem names are case-sensitive on rubygems.org (`Rack` and `rack` could differ); keep them as written.
  normalizeName: (name) => name,
};
