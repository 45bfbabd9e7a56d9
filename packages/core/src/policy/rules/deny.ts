import type { RuleModule } from './rule.js';
import { compilePatterns, firstMatch } from './pattern-list.js';

/** Packages the organisation never wants, by purl pattern with optional version range. */
export const denyRule: RuleModule<'deny'> = {
  id: 'deny',
  description: 'Packages on the deny list (purl patterns with optional version ranges).',
  data: 'lockfile',
  defaults: { action: 'block', packages: [] },
  evaluate({ pkg, options }) {
    // A version that cannot be compared counts as matching: a deny list fails closed.
    const hit = firstMatch(compilePatterns(options.packages), pkg, true);
    if (!hit) return { findings: [] };
    return {
      findings: [
        {
          severity: 'high',
          message: `on the deny list (${hit.pattern.source})${hit.uncertain ? '; the version could not be compared, so it counts as matching' : ''}`,
          remedy: 'remove it or use an approved alternative',
          evidence: { pattern: hit.pattern.source },
        },
      ],
    };
  },
};
