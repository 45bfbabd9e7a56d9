import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { mayBeHubConfig, mayLoadFromHubInJs, mayLoadFromHubInPython } from './triggers.js';

/**
 * Hugging Face Hub models and datasets loaded from Python, JavaScript and configuration files. Revisions are commit
 * ids, branches or tags, with no order between them; a commit sorts after a moving ref so pinning reads as an
 * upgrade in a diff.
 */
export const huggingfacePlugin: EcosystemPlugin = {
  ecosystem: 'Hugging Face',
  purlType: 'huggingface',
  lockfiles: [
    lockfileFormat(
      { id: '*.py', ecosystem: 'Hugging Face', fileNames: ['*.py'], scanner: true, mayMatch: mayLoadFromHubInPython },
      async () => (await import('./python-source.js')).pythonSourceParser,
    ),
    lockfileFormat(
      { id: '*.js', ecosystem: 'Hugging Face', fileNames: ['*.js', '*.mjs', '*.cjs'], scanner: true, mayMatch: mayLoadFromHubInJs },
      async () => (await import('./js-source.js')).jsSourceParser,
    ),
    lockfileFormat(
      { id: 'model-config', ecosystem: 'Hugging Face', fileNames: ['*.yaml', '*.yml', '*.json'], scanner: true, mayMatch: mayBeHubConfig },
      async () => (await import('./config-keys.js')).configKeysParser,
    ),
  ],
  advisories: false,
  compareVersions: compareRevisions,
  // Hub ids are case-insensitive for lookup but keep their case in URLs; compare them case-insensitively.
  normalizeName: (name) => name.toLowerCase(),
};

function compareRevisions(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const pa = /^[0-9a-f]{40}$/i.test(a);
  const pb = /^[0-9a-f]{40}$/i.test(b);
  if (pa !== pb) return pa ? 1 : -1;
  return a < b ? -1 : 1;
}
