import type { RuleModule } from './rule.js';
import { registryMetadata } from './registry-data.js';

/**
 * Names imitating a popular package. Declared here with its options; the look-alike detector and its popularity
 * snapshot belong to the registry-intelligence module, which fills in `evaluate` without touching the engine.
 */
export const typosquatRule: RuleModule<'typosquat'> = {
  id: 'typosquat',
  description: 'New names that imitate a popular package.',
  data: 'registry',
  defaults: { action: 'quarantine', ignore: [] },
  evaluate({ pkg, enrichment }) {
    const r = registryMetadata(pkg, enrichment);
    if ('notEvaluated' in r) return r;
    return { notEvaluated: 'the typosquat detector is not part of this build' };
  },
};
