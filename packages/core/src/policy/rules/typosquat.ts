import { judgeTyposquat } from './typosquat-judgement.js';
import type { RuleModule } from './rule.js';

/**
 * Names imitating a popular package. The look-alike detector and its bundled popularity snapshot belong to the
 * typosquat module; no registry is needed, so the rule runs offline too.
 */
export const typosquatRule: RuleModule<'typosquat'> = {
  id: 'typosquat',
  description: 'New names that imitate a popular package.',
  data: 'lockfile',
  defaults: { action: 'quarantine', ignore: [] },
  evaluate: judgeTyposquat,
};
