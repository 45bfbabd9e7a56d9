import { judgeProvenance } from './provenance-judgement.js';
import type { RuleModule } from './rule.js';

/** Publishing-trust downgrades (npm provenance, trusted publishing); the comparison belongs to the registry module. */
export const provenanceRule: RuleModule<'provenance'> = {
  id: 'provenance',
  description: 'Versions with weaker publishing evidence than an earlier version.',
  data: 'registry',
  defaults: { action: 'block', 'repository-change': 'warn' },
  evaluate: judgeProvenance,
};
