import { createHash } from 'node:crypto';
import type { Action, Finding } from '@lockwarden/core/findings';
import type { Decision } from '@lockwarden/core/policy';
import { packageLabel } from '@lockwarden/core/report';

/** The five severities GitLab's Code Quality widget knows. */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One Code Climate issue, the fields GitLab documents for `artifacts:reports:codequality`. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/**
 * The action decides the severity, not the advisory's CVSS: a blocked finding is what fails the merge request,
 * so it must be the one a reviewer sees first. Critical advisories that block are `blocker`.
 */
function severityOf(f: Finding): CodeQualitySeverity {
  const byAction: Record<Exclude<Action, 'off'>, CodeQualitySeverity> = {
    block: f.severity === 'critical' ? 'blocker' : 'critical',
    quarantine: 'major',
    warn: 'minor',
    info: 'info',
  };
  return f.action === 'off' ? 'info' : byAction[f.action];
}

/**
 * A fingerprint that stays the same across pipelines while the finding is the same (rule, package, version,
 * lockfile, advisories), so GitLab can tell new issues from resolved ones between the source and target branch.
 */
export function findingFingerprint(f: Finding): string {
  const key = [f.rule, f.ecosystem, f.name, f.version, f.location?.file ?? '', ...(f.advisories ?? [])].join('\u0000');
  return createHash('md5').update(key).digest('hex');
}

/**
 * Code Climate JSON for GitLab's Code Quality widget (every tier): one issue per finding in force, located on the
 * lockfile line. Plain text, not markdown: GitLab renders `description` as text.
 */
export function renderCodeQualityReport(decision: Decision): string {
  const issues: CodeQualityIssue[] = decision.findings
    .filter((f) => f.action !== 'off')
    .map((f) => ({
      description: `lockwarden ${f.rule}: ${packageLabel(f)}: ${f.message}${f.remedy ? ` (${f.remedy})` : ''}`,
      check_name: `lockwarden/${f.rule}`,
      fingerprint: findingFingerprint(f),
      severity: severityOf(f),
      location: { path: f.location?.file ?? 'lockfile', lines: { begin: Math.max(1, f.location?.line ?? 1) } },
    }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
