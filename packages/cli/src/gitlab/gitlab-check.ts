import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  GITLAB_NOTE_MAX_LENGTH,
  MergeRequestNotesClient,
  STICKY_NOTE_MARKER,
  isLockwardenError,
  readRootProject,
  renderCodeQualityReport,
  renderDependencyScanningReport,
  renderGitLabSbom,
  renderJunitReport,
  renderMarkdownReport,
  stickyNoteBody,
  upsertStickyNote,
  type CheckResult,
} from '@lockwarden/core';
import type { CommandContext } from '../context.js';
import { usageError } from '../options.js';
import { VERSION } from '../version.js';
import { ensureCommit } from '@lockwarden/core';
import type { GitLabFlags } from './gitlab-options.js';

/** What GitLab's predefined variables decide about a check run. */
export interface GitLabRun {
  mode: 'pr' | 'audit';
  base?: string;
  /** `CI_PROJECT_DIR` (else the working directory): where the report files go. */
  projectDir: string;
}

const ZERO_SHA = /^0+$/;

/** Notices print in every GitLab run (not only with --verbose): they are what a reader of the job log needs. */
function notice(ctx: CommandContext, message: string): void {
  ctx.io.stderr(`lockwarden: ${message}\n`);
}

/**
 * Decides mode and base from GitLab's variables. Merge request pipelines compare with
 * `CI_MERGE_REQUEST_DIFF_BASE_SHA` (the merge base GitLab shows the diff against); branch pipelines with
 * `CI_COMMIT_BEFORE_SHA`; when neither exists (a new branch, a manual run) everything is judged (audit).
 * An explicit `--base` (or `--base-dir`, `--base-sbom`) wins. The base commit is fetched when the clone is too shallow to have it.
 */
export function resolveGitLabRun(
  options: { mode: 'pr' | 'audit'; base?: string | undefined; baseOutsideGit?: boolean },
  ctx: CommandContext,
): GitLabRun {
  const env = ctx.io.env;
  const projectDir = env.CI_PROJECT_DIR || ctx.io.cwd;
  if (options.mode === 'audit') return { mode: 'audit', projectDir };
  // The base comes from a folder or an SBOM (--base-dir, --base-sbom): no git base to find or fetch.
  if (options.baseOutsideGit && !options.base) return { mode: 'pr', projectDir };
  let base = options.base;
  let from = '--base';
  if (!base && env.CI_MERGE_REQUEST_IID) {
    base = env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
    from = 'CI_MERGE_REQUEST_DIFF_BASE_SHA';
    if (!base) usageError('merge request pipeline without CI_MERGE_REQUEST_DIFF_BASE_SHA; pass --base');
  }
  if (!base && env.CI_COMMIT_BEFORE_SHA && !ZERO_SHA.test(env.CI_COMMIT_BEFORE_SHA)) {
    base = env.CI_COMMIT_BEFORE_SHA;
    from = 'CI_COMMIT_BEFORE_SHA';
  }
  if (!base) {
    notice(ctx, 'no merge request and no previous commit for this pipeline: judging every package (audit)');
    return { mode: 'audit', projectDir };
  }
  notice(ctx, `base ${base} (${from})`);
  if (/^[0-9a-f]{40}$/i.test(base)) ensureCommit(ctx.io.cwd, base, (m) => notice(ctx, m));
  return { mode: 'pr', base, projectDir };
}

function writeReport(projectDir: string, file: string, text: string): string {
  const path = resolve(projectDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
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
  const { decision } = result;
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
    const root = readRootProject((rel) => {
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
    { ...result.report, toolVersion: VERSION },
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
