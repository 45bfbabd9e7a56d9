import { ensureCommit } from '@lockwarden/core/lockfiles';
import type { CommandContext } from '../context.js';
import { usageError } from '../options.js';

/** What GitLab's predefined variables decide about a check run. */
export interface GitLabRun {
  mode: 'pr' | 'audit';
  base?: string;
  /** `CI_PROJECT_DIR` (else the working directory): where the report files go. */
  projectDir: string;
}

const ZERO_SHA = /^0+$/;

/** Notices print in every GitLab run (not only with --verbose): they are what a reader of the job log needs. */
export function notice(ctx: CommandContext, message: string): void {
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
