/**
 * The report files `lockwarden check --gitlab` writes into `CI_PROJECT_DIR`, keyed by the `artifacts:reports`
 * type GitLab reads each one as. The CLI's defaults and the template's `artifacts:reports` paths both derive from
 * this one table, so they cannot drift apart.
 */
export const GITLAB_REPORT_FILES = {
  codequality: 'gl-code-quality-report.json',
  dependency_scanning: 'gl-dependency-scanning-report.json',
  cyclonedx: 'gl-sbom-lockwarden.cdx.json',
  junit: 'lockwarden-junit.xml',
} as const;

export type GitLabReportType = keyof typeof GITLAB_REPORT_FILES;

/** GitLab rejects note bodies longer than this (Notes API: "Limited to 1,000,000 characters"). */
export const GITLAB_NOTE_MAX_LENGTH = 1_000_000;
