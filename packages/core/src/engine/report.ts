import type { Decision } from '../policy/evaluate.js';
import type { LoadedPolicy } from '../policy/load-policy.js';
import type { ReportInput } from '../report/report-input.js';
import type { CheckOptions } from './check-types.js';

/**
 * The report step: what every reporter renders, with the context (policy layers, what was compared) a reader
 * needs. Rendering itself is the adapter's choice of format (`renderReport`).
 */
export function reportStep(options: CheckOptions, decision: Decision, policy: LoadedPolicy): ReportInput {
  const mode = options.mode ?? 'pr';
  return {
    decision,
    policySources: policy.policy.sources,
    ...(mode === 'pr' ? { base: options.base ?? options.baseDir ?? '', head: options.head ?? options.headDir ?? 'work tree' } : {}),
  };
}
