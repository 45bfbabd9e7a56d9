import { isRegistryBacked } from '../../model/registry-backed.js';
import type { RuleModule } from './rule.js';
import { registryMetadata } from './registry-data.js';

/** Names or versions the registry does not have: hallucinated names that attackers pre-register. */
export const nonexistentRule: RuleModule<'nonexistent'> = {
  id: 'nonexistent',
  description: 'Names or versions the registry does not have.',
  data: 'registry',
  defaults: { action: 'block' },
  evaluate({ pkg, enrichment }) {
    if (!isRegistryBacked(pkg)) return { findings: [] };
    const r = registryMetadata(pkg, enrichment);
    if ('notEvaluated' in r) return r;
    if (!r.meta.exists) {
      return {
        findings: [
          {
            severity: 'critical',
            message: 'the registry has no package of this name',
            remedy: 'check the name: it may be a hallucinated or mistyped dependency',
          },
        ],
      };
    }
    if (r.meta.versionExists === false) {
      return {
        findings: [{ severity: 'high', message: 'the registry has no such version', remedy: 'pin a published version' }],
      };
    }
    return { findings: [] };
  },
};
