import { isRegistryBacked } from '../../model/registry-backed.js';
import type { RuleModule } from './rule.js';
import { registryMetadata } from './registry-data.js';

/** Deprecated (npm) or yanked (PyPI, crates.io) versions. */
export const deprecatedRule: RuleModule<'deprecated'> = {
  id: 'deprecated',
  description: 'Deprecated or yanked versions.',
  data: 'registry',
  defaults: { action: 'warn' },
  evaluate({ pkg, enrichment }) {
    if (!isRegistryBacked(pkg)) return { findings: [] };
    const r = registryMetadata(pkg, enrichment);
    if ('notEvaluated' in r) return r;
    const d = r.meta.deprecated;
    if (!d) return { findings: [] };
    return {
      findings: [
        {
          severity: 'low',
          message: typeof d === 'string' && d.trim() ? `deprecated: ${d.trim()}` : 'deprecated or yanked by its maintainers',
          remedy: 'move to a maintained version or package',
        },
      ],
    };
  },
};
