import type { Enrichment } from '../policy/enrichment.js';
import { evaluate, type Decision } from '../policy/evaluate.js';
import type { Policy } from '../policy/types.js';
import type { Discovered } from './discover.js';
import type { Judged } from './diff.js';

/** What the evaluate step needs beyond the data: the policy and the run's switches. */
export interface EvaluateStepInput {
  mode: 'pr' | 'audit';
  found: Discovered;
  judged: Judged;
  enrichment: Enrichment;
  policy: Policy;
  now: Date;
  approveQuarantine: boolean;
}

/** The evaluate step: the policy's rules over the changes (PR) or the inventories (audit), pure. */
export function evaluateStep(input: EvaluateStepInput): Decision {
  const decision = evaluate({
    mode: input.mode,
    ...(input.mode === 'pr' ? { changes: input.judged.changes } : { inventories: input.found.head }),
    enrichment: input.enrichment,
    policy: input.policy,
    now: input.now,
    approveQuarantine: input.approveQuarantine,
  });
  const removed = input.found.base?.reduce((n, inv) => n + inv.packages.length, 0) ?? 0;
  if (input.found.base && input.found.base.length > 0 && input.found.head.length === 0) {
    decision.warnings.push(`the head removes every lockfile (${input.found.base.length} lockfile(s), ${removed} packages in the base)`);
  }
  if (input.enrichment.skipped?.advisories) {
    decision.warnings.unshift(`advisories not checked: ${input.enrichment.skipped.advisories}`);
  }
  return decision;
}
