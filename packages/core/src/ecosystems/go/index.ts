import type { EcosystemPlugin } from '../types.js';
import { goModParser } from './go-mod.js';
import { goModManifestParser } from './go-mod-manifest.js';
import { compareGoVersions } from './version.js';

export { goPurl } from './purl.js';
export { canonicalGoVersion } from './version.js';

/** Go modules: go.mod (with go.sum for go ≤ 1.16), SemVer order, `pkg:golang` purls. */
export const goPlugin: EcosystemPlugin = {
  ecosystem: 'Go',
  purlType: 'golang',
  parsers: [goModParser],
  manifests: [goModManifestParser],
  compareVersions: compareGoVersions,
  // Module paths are case-sensitive (the proxy escapes capitals as !x); keep them exactly as written.
  normalizeName: (name) => name,
};
