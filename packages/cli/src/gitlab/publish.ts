import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isLockwardenError } from '@lockwarden/core/errors';
import { readRootProject } from '@lockwarden/core/sbom';
import { mapStrings, redactDeep, redactSecrets } from '@lockwarden/core/log';
import { plainText, renderMarkdownReport } from '@lockwarden/core/report';
import type { CheckResult } from '@lockwarden/core/engine';
import type { CommandContext } from '../context.js';
import { VERSION } from '../version.js';
import { renderCodeQualityReport } from './code-quality.js';
import { renderDependencyScanningReport } from './dependency-scanning.js';
import { renderGitLabSbom } from './gitlab-sbom.js';
import type { GitLabFlags } from './inputs.js';
import { renderJunitReport } from './junit.js';
import { MergeRequestNotesClient, STICKY_NOTE_MARKER, stickyNoteBody, upsertStickyNote } from './merge-request-notes.js';
import { notice, type GitLabRun } from './pipeline.js';
import { GITLAB_NOTE_MAX_LENGTH } from './report-files.js';

function writeReport(projectDir: string, file: string, text: string): string {
  const path = resolve(projectDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, redactSecrets(text));
  return path;
}

/**
 * Writes the GitLab report files and the sticky merge request note. The note is a courtesy: without a token, or
 * when the GitLab API refuses or is down, the job logs why and the verdict alone decides the exit code.
 */
export async function publishGitLab(
  result: CheckResult,
  flags: GitLabFlags,
  run: GitLabRun,
  times: { startTime: Date; endTime: Date },
  ctx: CommandContext,
): Promise<void> {
  // Every untrusted string is redacted, capped and its invisible characters shown before rendering: XML and JSON
  // escaping would hide a credentialed URL from the pass in writeReport, and GitLab shows these texts in the MR.
  const decision = mapStrings(result.decision, (s) => plainText(s));
  const written = [
    writeReport(run.projectDir, flags.codeQualityReport, renderCodeQualityReport(decision)),
    writeReport(
      run.projectDir,
      flags.dependencyScanningReport,
      renderDependencyScanningReport(decision, { toolVersion: VERSION, ...times }),
    ),
    writeReport(run.projectDir, flags.junitReport, renderJunitReport(decision)),
  ];
  if (flags.gitlabSbom === 'true') {
    const root = await readRootProject((rel) => {
      const path = resolve(ctx.io.cwd, rel);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    });
    const sbom = renderGitLabSbom(result.inventories, { toolVersion: VERSION, root, sourceDateEpoch: ctx.io.env.SOURCE_DATE_EPOCH });
    written.push(writeReport(run.projectDir, flags.sbomReport, sbom));
  }
  notice(ctx, `wrote ${written.length} GitLab reports: ${written.join(', ')}`);
  await postNote(result, flags, ctx);
}

async function postNote(result: CheckResult, flags: GitLabFlags, ctx: CommandContext): Promise<void> {
  const env = ctx.io.env;
  if (flags.gitlabComment === 'never' || !env.CI_MERGE_REQUEST_IID) return;
  const token = env.LOCKWARDEN_GITLAB_TOKEN;
  if (!token) {
    notice(
      ctx,
      'LOCKWARDEN_GITLAB_TOKEN is not set: no merge request note (CI_JOB_TOKEN cannot write notes; use a project access token with api scope, see docs/gitlab.md)',
    );
    return;
  }
  if (!env.CI_API_V4_URL || !env.CI_PROJECT_ID) {
    notice(ctx, 'CI_API_V4_URL or CI_PROJECT_ID is not set: no merge request note');
    return;
  }
  const markdown = renderMarkdownReport(
    redactDeep({ ...result.report, toolVersion: VERSION }),
    { maxLength: GITLAB_NOTE_MAX_LENGTH - STICKY_NOTE_MARKER.length - 1 },
  );
  const body = stickyNoteBody(markdown, 'The report was cut to fit GitLab’s note size limit; the job’s artifacts hold all of it.');
  const client = new MergeRequestNotesClient(
    { apiUrl: env.CI_API_V4_URL, projectId: env.CI_PROJECT_ID, mergeRequestIid: env.CI_MERGE_REQUEST_IID },
    { token, logger: ctx.logger },
  );
  try {
    const outcome = await upsertStickyNote(client, body, {
      createIfMissing: flags.gitlabComment === 'always' || result.decision.verdict !== 'pass',
    });
    notice(ctx, outcome.outcome === 'skipped' ? 'merge request note not needed (check passed)' : `merge request note ${outcome.outcome} (id ${outcome.noteId})`);
  } catch (err) {
    if (!isLockwardenError(err)) throw err;
    ctx.logger.warn(`could not write the merge request note: ${err.message}`);
  }
}
