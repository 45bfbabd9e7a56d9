import type { GitHubClient } from './github-client.js';
import { httpStatus } from './github-client.js';
import { isAuthoredBy, type TokenIdentity } from './token-identity.js';

/** Hidden marker that identifies lockwarden's comment on a PR, so each run edits the same one. */
export const STICKY_MARKER = '<!-- lockwarden:sticky-comment -->';

/** GitHub rejects comment bodies longer than this. */
export const MAX_COMMENT_LENGTH = 65_536;

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export type CommentOutcome =
  | { outcome: 'created' | 'updated' | 'unchanged'; url: string }
  | { outcome: 'skipped' }
  | { outcome: 'forbidden'; status: number };

/** Puts the marker first and keeps the body under GitHub's limit (the caller summarises; this is the last guard). */
export function stickyBody(markdown: string, overflowNote: string): string {
  const body = `${STICKY_MARKER}\n${markdown}`;
  if (body.length <= MAX_COMMENT_LENGTH) return body;
  const note = `\n\n${overflowNote}\n`;
  return body.slice(0, MAX_COMMENT_LENGTH - note.length) + note;
}

/**
 * Creates or edits the one lockwarden comment on a PR. Only a comment the token's own identity wrote is ours:
 * anyone can paste the marker into theirs, and editing it would overwrite their words with ours. With `createIfMissing: false` an existing comment is
 * still edited (so a PR that became clean does not keep a stale red comment), but no new one is made.
 * A 403/404 (the read-only token of a fork PR) is returned as `forbidden`, not thrown: the caller degrades
 * to the job summary.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  issue: IssueRef,
  body: string,
  options: { createIfMissing: boolean; me: TokenIdentity },
): Promise<CommentOutcome> {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.number,
      per_page: 100,
    });
    const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(STICKY_MARKER) && isAuthoredBy(c.user, options.me));
    if (existing) {
      if (existing.body === body) return { outcome: 'unchanged', url: existing.html_url };
      const updated = await client.rest.issues.updateComment({
        owner: issue.owner,
        repo: issue.repo,
        comment_id: existing.id,
        body,
      });
      return { outcome: 'updated', url: updated.data.html_url };
    }
    if (!options.createIfMissing) return { outcome: 'skipped' };
    const created = await client.rest.issues.createComment({
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.number,
      body,
    });
    return { outcome: 'created', url: created.data.html_url };
  } catch (err) {
    const status = httpStatus(err);
    if (status === 403 || status === 404) return { outcome: 'forbidden', status };
    throw err;
  }
}

/** The PR's current labels; falls back to the event's when the token cannot read them. */
export async function currentLabels(client: GitHubClient, issue: IssueRef, fromEvent: string[]): Promise<string[]> {
  try {
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.number,
      per_page: 100,
    });
    return labels.map((l) => l.name);
  } catch (err) {
    const status = httpStatus(err);
    if (status === 403 || status === 404) return fromEvent;
    throw err;
  }
}
