import { Option, type Command } from 'commander';
import { GITLAB_REPORT_FILES, type GitLabReportType } from './report-files.js';

/** When the sticky merge request note is written; the template's `comment` input takes the same words. */
export const GITLAB_COMMENT_WHEN = ['always', 'on-failure', 'never'] as const;
export type GitLabCommentWhen = (typeof GITLAB_COMMENT_WHEN)[number];

/** The flag that overrides each report file's path; the template's `artifacts:reports` read the defaults. */
export const GITLAB_REPORT_FLAGS: Record<GitLabReportType, string> = {
  codequality: '--code-quality-report',
  dependency_scanning: '--dependency-scanning-report',
  cyclonedx: '--sbom-report',
  junit: '--junit-report',
};

/** The flags `--gitlab` adds to `lockwarden check`, as commander hands them over. */
export interface GitLabFlags {
  gitlab?: boolean;
  gitlabComment: GitLabCommentWhen;
  gitlabSbom: 'true' | 'false';
  codeQualityReport: string;
  dependencyScanningReport: string;
  sbomReport: string;
  junitReport: string;
}

/**
 * Adds the GitLab CI options to the check command. Report paths default to the fixed names GitLab's
 * `artifacts:reports` read (relative to `CI_PROJECT_DIR`); the template derives its paths from the same table.
 */
export function addGitLabOptions(command: Command): Command {
  return command
    .option('--gitlab', 'GitLab CI mode: base from the merge request, sticky MR note, GitLab report files in CI_PROJECT_DIR')
    .addOption(
      new Option('--gitlab-comment <when>', 'with --gitlab: when to write the sticky merge request note')
        .choices([...GITLAB_COMMENT_WHEN])
        .default('always'),
    )
    .addOption(new Option('--gitlab-sbom <bool>', 'with --gitlab: write the CycloneDX SBOM report').choices(['true', 'false']).default('true'))
    .option(`${GITLAB_REPORT_FLAGS.codequality} <file>`, 'with --gitlab: Code Climate JSON (codequality report)', GITLAB_REPORT_FILES.codequality)
    .option(
      `${GITLAB_REPORT_FLAGS.dependency_scanning} <file>`,
      'with --gitlab: GitLab security report (dependency_scanning report)',
      GITLAB_REPORT_FILES.dependency_scanning,
    )
    .option(`${GITLAB_REPORT_FLAGS.cyclonedx} <file>`, 'with --gitlab: CycloneDX 1.6 SBOM (cyclonedx report)', GITLAB_REPORT_FILES.cyclonedx)
    .option(`${GITLAB_REPORT_FLAGS.junit} <file>`, 'with --gitlab: JUnit XML (junit report)', GITLAB_REPORT_FILES.junit);
}
