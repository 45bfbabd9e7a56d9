import type { Finding } from '@lockwarden/core';
import type { GitHubClient } from './github-client.js';
import { MAX_COMMENT_LENGTH } from './sticky-comment.js';
import { isAuthoredBy, type TokenIdentity } from './token-identity.js';

/** Marks the one tracking issue that scheduled audits keep up to date. */
export const AUDIT_MARKER = '<!-- lockwarden:audit-issue -->';
const FINGERPRINTS = /<!-- lockwarden:fingerprints (\[[^\n]*?\]) -->/;

export interface RepoRef {
  owner: string;
  repo: string;
}

export type AuditOutcome =
  | { outcome: 'created' | 'updated'; url: string; newFindings: Finding[] }
  | { outcome: 'closed'; url: string }
  | { outcome: 'none' };

/** Identifies a finding across runs: the same rule on the same package version for the same advisories. */
export function fingerprint(f: Finding): string {
  return [f.rule, f.ecosystem, f.name, f.version, ...(f.advisories ?? [])].join('|');
}

function fit(text: string): string {
  return text.length <= MAX_COMMENT_LENGTH ? text : `${text.slice(0, MAX_COMMENT_LENGTH - 200)}\n\n…truncated: see the job summary for the full report.\n`;
}

/**
 * Opens, updates or closes the tracking issue. The issue body holds the current report and the fingerprints
 * of its findings; a comment lists what is new since the last run, so watchers are notified of changes only.
 * Only an issue the token's own identity opened is the tracking issue: one that merely quotes the marker is not
 * edited, closed or trusted for its fingerprints.
 */
export async function syncAuditIssue(
  client: GitHubClient,
  repo: RepoRef,
  findings: readonly Finding[],
  render: { body: (findings: readonly Finding[]) => string; newSince: (findings: readonly Finding[]) => string; clean: string },
  me: TokenIdentity,
): Promise<AuditOutcome> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repo, state: 'open', per_page: 100 });
  const existing = issues.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(AUDIT_MARKER) && isAuthoredBy(i.user, me));
  if (findings.length === 0) {
    if (!existing) return { outcome: 'none' };
    await client.rest.issues.createComment({ ...repo, issue_number: existing.number, body: render.clean });
    const closed = await client.rest.issues.update({ ...repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
    return { outcome: 'closed', url: closed.data.html_url };
  }
  const prints = findings.map(fingerprint);
  const body = fit(`${AUDIT_MARKER}\n<!-- lockwarden:fingerprints ${JSON.stringify(prints)} -->\n${render.body(findings)}`);
  if (!existing) {
    const created = await client.rest.issues.create({ ...repo, title: `lockwarden audit: ${findings.length} finding(s) on the default branch`, body });
    return { outcome: 'created', url: created.data.html_url, newFindings: [...findings] };
  }
  const previous = new Set<string>(parsePrints(existing.body ?? ''));
  const fresh = findings.filter((f) => !previous.has(fingerprint(f)));
  const updated = await client.rest.issues.update({
    ...repo,
    issue_number: existing.number,
    title: `lockwarden audit: ${findings.length} finding(s) on the default branch`,
    body,
  });
  if (fresh.length > 0) {
    await client.rest.issues.createComment({ ...repo, issue_number: existing.number, body: fit(render.newSince(fresh)) });
  }
  return { outcome: 'updated', url: updated.data.html_url, newFindings: fresh };
}

function parsePrints(body: string): string[] {
  const match = FINGERPRINTS.exec(body);
  if (!match?.[1]) return [];
  try {
    const value: unknown = JSON.parse(match[1]);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
