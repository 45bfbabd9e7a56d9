import type { RuleModule } from './rule.js';
import { registryMetadata } from './registry-data.js';

/**
 * Publishing-trust downgrades (npm provenance, trusted publishing). Declared here with its options; the
 * attestation comparison belongs to the registry-intelligence module, which fills in `evaluate`.
 */
export const provenanceRule: RuleModule<'provenance'> = {
  id: 'provenance',
  description: 'Versions with weaker publishing evidence than an earlier version.',
  data: 'registry',
  defaults: { action: 'block', 'repository-change': 'warn' },
  evaluate({ pkg, enrichment }) {
    if (pkg.ecosystem !== 'npm') return { findings: [] };
    const r = registryMetadata(pkg, enrichment);
    if ('notEvaluated' in r) return r;
    return { notEvaluated: 'publishing evidence is not part of this build' };
  },
};
