import { LockwardenError } from '../errors.js';
import { silentLogger } from '../log/logger.js';
import type { CheckDeps, CheckOptions, CheckResult } from './check-types.js';
import { diffStep } from './diff.js';
import { discover } from './discover.js';
import { enrich } from './enrich.js';
import { evaluateStep } from './evaluate.js';
import { loadRunPolicy } from './load-run-policy.js';
import { reportStep } from './report.js';

/**
 * `lockwarden check`, for every front end: load the policy, read the lockfiles at base and head (discover), diff
 * them, fetch advisories and registry data for the packages to judge (enrich), evaluate, and return the decision
 * with what a report needs. Source outages become `failures` (verdict `error` unless the policy is fail-open);
 * bad input throws.
 */
export async function runCheck(options: CheckOptions, deps: CheckDeps = {}): Promise<CheckResult> {
  const logger = deps.logger ?? silentLogger;
  const mode = options.mode ?? 'pr';
  if (mode === 'pr' && !options.base && !options.baseDir && !options.baseSbom) {
    throw new LockwardenError('USAGE_ERROR', 'a PR check needs a base ref (--base) or folder (--base-dir)');
  }
  const policy = await loadRunPolicy(options);
  for (const w of policy.warnings) logger.warn(w);
  logger.info(`policy: ${policy.policy.sources.join(' -> ')}`);

  const found = await discover(options, logger, policy.policy.exclude);
  const judged = await diffStep(options, found, logger);
  const enrichment = await enrich(judged.packages, policy.policy, {
    ...(deps.advisories ? { advisories: deps.advisories } : {}),
    ...(deps.registry ? { registry: deps.registry } : {}),
    ...(options.offline ? { offline: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const decision = evaluateStep({
    mode,
    found,
    judged,
    enrichment,
    policy: policy.policy,
    now: options.now ?? new Date(),
    approveQuarantine: options.approveQuarantine ?? false,
  });
  return { decision, policy, changes: judged.changes, inventories: found.head, report: reportStep(options, decision, policy) };
}
