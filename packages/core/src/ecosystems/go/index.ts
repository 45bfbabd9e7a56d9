import { lockfileFormat, manifestFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareGoVersions } from './version.js';

export { goPurl } from './purl.js';
export { canonicalGoVersion } from './version.js';

/** Go modules: go.mod (with go.sum for go ≤ 1.16), SemVer order, `pkg:golang` purls. */
export const goPlugin: EcosystemPlugin = {
  ecosystem: 'Go',
  purlType: 'golang',
  lockfiles: [
    lockfileFormat(
      { id: 'go.mod', ecosystem: 'Go', fileNames: ['go.mod'], conformance: ['golang/gomod'] },
      async () => (await import('./go-mod.js')).goModParser,
    ),
  ],
  manifests: [
    manifestFormat(
      { id: 'go.mod', ecosystem: 'Go', fileNames: ['go.mod'] },
      async () => (await import('./go-mod-manifest.js')).goModManifestParser,
    ),
  ],
  compareVersions: compareGoVersions,
  // Module paths are case-sensitive (the proxy escapes capitals as !x); keep them exactly as written.
  normalizeName: (name) => name,
};
