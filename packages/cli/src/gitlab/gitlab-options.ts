import { Option, type Command } from 'commander';
import { GITLAB_REPORT_FILES } from '@lockwarden/core';

/** When the sticky merge request note is written; the template's `comment` input takes the same words. */
export const GITLAB_COMMENT_WHEN = ['always', 'on-failure', 'never'] as const;
export type GitLabCommentWhen = (typeof GITLAB_COMMENT_WHEN)[number];

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
    .option('--code-quality-report <file>', 'with --gitlab: Code Climate JSON for artifacts:reports:codequality', GITLAB_REPORT_FILES.codequality)
    .option(
      '--dependency-scanning-report <file>',
      'with --gitlab: security report for artifacts:reports:dependency_scanning',
      GITLAB_REPORT_FILES.dependency_scanning,
    )
    .option('--sbom-report <file>', 'with --gitlab: CycloneDX 1.6 SBOM for artifacts:reports:cyclonedx', GITLAB_REPORT_FILES.cyclonedx)
    .option('--junit-report <file>', 'with --gitlab: JUnit XML for artifacts:reports:junit', GITLAB_REPORT_FILES.junit);
}
