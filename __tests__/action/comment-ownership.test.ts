import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '@lockwarden/core';
import { createGitHubClient } from '../../src/github-client.js';
import { AUDIT_MARKER, syncAuditIssue } from '../../src/audit-issue.js';
import { STICKY_MARKER, upsertStickyComment } from '../../src/sticky-comment.js';
import { isAuthoredBy, resolveTokenIdentity } from '../../src/token-identity.js';
import { startGitHubFake, type GitHubFake } from '../helpers/github-server.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fake(identities: Parameters<typeof startGitHubFake>[0] = {}): Promise<GitHubFake> {
  const gh = await startGitHubFake({ pulls: [{ number: 7 }], ...identities });
  cleanups.push(() => gh.close());
  apiUrl = gh.url;
  return gh;
}

let apiUrl = '';
const client = (token: string) => createGitHubClient(token, () => undefined, apiUrl);

const finding: Finding = {
  rule: 'vulnerability',
  severity: 'high',
  action: 'block',
  ecosystem: 'npm',
  name: 'lodash',
  version: '4.17.20',
  message: 'known vulnerability',
  advisories: ['GHSA-35jh-r3h4-6jhm'],
} as Finding;

describe('the identity of the Action token', () => {
  it('is the user of a personal access token, the bot of an app installation token, and github-actions for GITHUB_TOKEN', async () => {
    const gh = await fake({ identities: { ghp_pat: { login: 'Release-Bot', type: 'User' }, ghs_app: { login: 'acme-lockwarden[bot]', type: 'Bot' } } });
    expect(await resolveTokenIdentity(client('ghp_pat'))).toEqual({ login: 'release-bot', bot: false });
    expect(await resolveTokenIdentity(client('ghs_app'))).toEqual({ login: 'acme-lockwarden', bot: true });
    // Where the installation token may not ask GraphQL either, it is GITHUB_TOKEN's.
    gh.graphqlForbidden = true;
    expect(await resolveTokenIdentity(client('ghs_actions'))).toEqual({ login: 'github-actions', bot: true });
  });

  it('tells a bot from a user of the same name', () => {
    const me = { login: 'github-actions', bot: true };
    expect(isAuthoredBy({ login: 'github-actions[bot]', type: 'Bot' }, me)).toBe(true);
    expect(isAuthoredBy({ login: 'GitHub-Actions', type: 'User' }, me)).toBe(false);
    expect(isAuthoredBy(null, me)).toBe(false);
  });
});

describe('the sticky comment', () => {
  it("leaves a marker in someone else's comment alone and writes its own", async () => {
    const gh = await fake();
    const foreign = { id: 1, body: `${STICKY_MARKER}\nI pasted your marker`, html_url: 'https://github.example/c/1', user: { login: 'mallory', type: 'User' as const } };
    gh.issues.get(7)?.comments.push(foreign);
    const gha = client('ghs_test');
    const me = await resolveTokenIdentity(gha);
    const issue = { owner: 'acme', repo: 'app', number: 7 };

    const first = await upsertStickyComment(gha, issue, `${STICKY_MARKER}\nreport 1`, { createIfMissing: true, me });
    expect(first.outcome).toBe('created');
    const second = await upsertStickyComment(gha, issue, `${STICKY_MARKER}\nreport 2`, { createIfMissing: true, me });
    expect(second.outcome).toBe('updated');

    const comments = gh.issues.get(7)?.comments ?? [];
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${STICKY_MARKER}\nI pasted your marker`],
      ['github-actions[bot]', `${STICKY_MARKER}\nreport 2`],
    ]);
    expect(gh.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual([`/repos/acme/app/issues/comments/${comments[1]?.id}`]);
  });

  it('does not edit the Actions bot comment when the token is a PAT of someone else', async () => {
    const gh = await fake();
    gh.issues.get(7)?.comments.push({ id: 1, body: `${STICKY_MARKER}\nold`, html_url: 'https://github.example/c/1', user: { login: 'github-actions[bot]', type: 'Bot' } });
    const pat = client('ghp_someone');
    const outcome = await upsertStickyComment(pat, { owner: 'acme', repo: 'app', number: 7 }, `${STICKY_MARKER}\nnew`, { createIfMissing: false, me: await resolveTokenIdentity(pat) });
    expect(outcome).toEqual({ outcome: 'skipped' });
    expect(gh.issues.get(7)?.comments[0]?.body).toBe(`${STICKY_MARKER}\nold`);
  });
});

describe('the audit tracking issue', () => {
  const render = { body: () => 'report', newSince: () => 'new', clean: 'clean' };

  it("is never someone else's issue that quotes the marker", async () => {
    const gh = await fake();
    gh.issues.set(50, {
      number: 50,
      title: 'bait',
      body: `${AUDIT_MARKER}\n<!-- lockwarden:fingerprints ["x"] -->\nmine`,
      state: 'open',
      html_url: 'https://github.example/acme/app/issues/50',
      comments: [],
      labels: [],
      user: { login: 'mallory', type: 'User' },
    });
    const gha = client('ghs_test');
    const me = await resolveTokenIdentity(gha);
    const opened = await syncAuditIssue(gha, { owner: 'acme', repo: 'app' }, [finding], render, me);
    expect(opened.outcome).toBe('created');
    const clean = await syncAuditIssue(gha, { owner: 'acme', repo: 'app' }, [], render, me);
    expect(clean.outcome).toBe('closed');

    const bait = gh.issues.get(50);
    expect([bait?.state, bait?.title, bait?.body, bait?.comments.length]).toEqual(['open', 'bait', `${AUDIT_MARKER}\n<!-- lockwarden:fingerprints ["x"] -->\nmine`, 0]);
    const ours = [...gh.issues.values()].filter((i) => i.user.login === 'github-actions[bot]');
    expect(ours.map((i) => i.state)).toEqual(['closed']);
  });
});
