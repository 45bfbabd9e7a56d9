import type { Finding } from '../findings/finding.js';
import type { Decision } from '../policy/evaluate.js';

/** What every reporter renders: the decision plus the context a reader needs to trust it. */
export interface ReportInput {
  decision: Decision;
  /** Policy layers applied, in order (`lockwarden:baseline`, `.github/lockwarden.yml`). */
  policySources?: string[];
  /** What was compared, for the heading: git refs or folders. */
  base?: string;
  head?: string;
  /** lockwarden's version, for SARIF's tool.driver and the JSON. */
  toolVersion?: string;
}

/** Counts by action of the findings still in force. */
export interface FindingCounts {
  block: number;
  quarantine: number;
  warn: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { block: 0, quarantine: 0, warn: 0, info: 0 };
  for (const f of findings) if (f.action !== 'off') counts[f.action]++;
  return counts;
}

/**
 * One line saying what the verdict is and why, shared by the table and markdown reporters. Only counts and our own
 * words: safe to print unescaped. The reasons for an `error` verdict are in `decision.errors`.
 */
export function verdictSentence(decision: Decision): string {
  const c = countFindings(decision.findings);
  const parts = [
    c.block ? `${c.block} blocking` : undefined,
    c.quarantine ? `${c.quarantine} quarantined` : undefined,
    c.warn ? `${c.warn} warning${c.warn === 1 ? '' : 's'}` : undefined,
    c.info ? `${c.info} note${c.info === 1 ? '' : 's'}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const judged = `${decision.packagesJudged} package${decision.packagesJudged === 1 ? '' : 's'} judged`;
  if (decision.verdict === 'error') return `could not evaluate (${judged})`;
  if (decision.verdict === 'fail') return `failed: ${parts.join(', ')} (${judged})`;
  return `passed${parts.length ? ` with ${parts.join(', ')}` : ''} (${judged})`;
}

/** `name@version` with the version left out when the lockfile pins none. */
export function packageLabel(f: Pick<Finding, 'name' | 'version'>): string {
  return f.version ? `${f.name}@${f.version}` : f.name;
}
