import type { Ecosystem } from '../model/ecosystem.js';

export const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule's finding does to the verdict. `quarantine` fails unless approved (exception or PR label). */
export const ACTIONS = ['block', 'quarantine', 'warn', 'info', 'off'] as const;
export type Action = (typeof ACTIONS)[number];

/** One rule's judgement about one package: a value, never an exception. */
export interface Finding {
  /** Rule id: `vulnerability`, `malware`, `license`, `source`, `deny`, `nonexistent`, `typosquat`, ... */
  rule: string;
  action: Action;
  severity: Severity;
  ecosystem: Ecosystem;
  name: string;
  version: string;
  purl?: string;
  /** One sentence a reviewer can act on. Untrusted parts are raw here; reporters escape them. */
  message: string;
  /** Advisory ids (all aliases of one grouped advisory), for `vulnerability` and `malware`. */
  advisories?: string[];
  /** Lowest fixed version above the installed one. */
  fixed?: string;
  /** What to do instead: a fixed version, an allowed alternative, "did you mean X". */
  remedy?: string;
  /** Facts behind the finding (scores, dates, targets) for JSON/SARIF consumers. */
  evidence?: Record<string, unknown>;
  /** Where the package sits. */
  location?: { file: string; line?: number };
}

/** Orders severities from most to least severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
