import type { EcosystemPlugin } from '../types.js';
import { configKeysParser } from './config-keys.js';
import { jsSourceParser } from './js-source.js';
import { pythonSourceParser } from './python-source.js';

/**
 * Hugging Face Hub models and datasets loaded from Python, JavaScript and configuration files. Revisions are commit
 * ids, branches or tags, with no order between them; a commit sorts after a moving ref so pinning reads as an
 * upgrade in a diff.
 */
export const huggingfacePlugin: EcosystemPlugin = {
  ecosystem: 'Hugging Face',
  purlType: 'huggingface',
  parsers: [pythonSourceParser, jsSourceParser, configKeysParser],
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
