import type { RuleModule } from './rule.js';
import { compilePatterns, firstMatch } from './pattern-list.js';

/** Allow-list mode: only packages matching a pattern may be used (vetted-packages programmes, AI guardrails). */
export const allowRule: RuleModule<'allow'> = {
  id: 'allow',
  description: 'Allow-list: packages that match none of the patterns.',
  data: 'lockfile',
  defaults: { action: 'off', packages: [], 'direct-only': false },
  evaluate({ pkg, options }) {
    if (options['direct-only'] && !pkg.direct) return { findings: [] };
    // An uncomparable version does not match: an allow-list fails closed too.
    if (firstMatch(compilePatterns(options.packages), pkg, false)) return { findings: [] };
    return {
      findings: [
        {
          severity: 'moderate',
          message: 'not on the allow-list of vetted packages',
          remedy: 'use a vetted package, or ask for this one to be added to the allow-list',
        },
      ],
    };
  },
};
