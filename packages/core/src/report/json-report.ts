import type { ReportInput } from './report-input.js';
import { countFindings } from './report-input.js';
import { mapStrings } from '../log/redact.js';
import { capField } from './untrusted-text.js';

/** Version of the JSON report's shape; bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

/**
 * The machine-readable report: the decision as data, findings in the `Finding` shape. Strings are raw (JSON
 * escaping is the only escaping a consumer needs) but capped at FIELD_MAX_LENGTH, with the original length noted.
 */
export function renderJsonReport(input: ReportInput): string {
  const d = input.decision;
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'lockwarden', ...(input.toolVersion ? { version: input.toolVersion } : {}) },
    verdict: d.verdict,
    mode: d.mode,
    evaluatedAt: d.evaluatedAt,
    ...(input.base !== undefined ? { base: input.base } : {}),
    ...(input.head !== undefined ? { head: input.head } : {}),
    summary: { ...countFindings(d.findings), total: d.findings.length, packagesJudged: d.packagesJudged },
    findings: d.findings,
    exceptionsApplied: d.exceptionsApplied,
    exceptionsExpired: d.exceptionsExpired,
    quarantineApproved: d.quarantineApproved,
    notEvaluated: d.notEvaluated,
    warnings: d.warnings,
    errors: d.errors,
    data: d.data,
    policy: input.policySources ?? [],
  };
  return `${JSON.stringify(mapStrings(report, (s) => capField(s)), null, 2)}\n`;
}
