import type { ServerResponse } from 'node:http';
import { sendJson, startTestServer, type RecordedRequest, type TestServer } from './http-server.js';

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type: 'User' | 'Bot' };
}

/** Who a token authenticates as. An installation token (GITHUB_TOKEN, `ghs_…`) gets 403 from `GET /user`, as on GitHub. */
export interface FakeIdentity {
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  html_url: string;
  comments: FakeComment[];
  labels: string[];
  user: { login: string; type: 'User' | 'Bot' };
  pull_request?: object;
}

export interface GitHubFake extends TestServer {
  owner: string;
  repo: string;
  issues: Map<number, FakeIssue>;
  /** Requests the fake rejected as malformed (a test expects none). */
  rejected: string[];
  /** Answer writes to comments with 403, as GitHub does for a fork PR's read-only token. */
  readOnly: boolean;
  /** Answer this many of the next requests with 502. */
  failNext: number;
  /** Answer GraphQL `viewer` queries with 403, as for a token that may not use them. */
  graphqlForbidden: boolean;
  /** Who a token authenticates as (see `identityOf`). */
  identities: Map<string, FakeIdentity>;
}

/** `GITHUB_TOKEN` authenticates as the Actions app's bot user. */
export const ACTIONS_BOT: FakeIdentity = { login: 'github-actions[bot]', type: 'Bot' };

const MAX_BODY = 65_536;

/**
 * A local server speaking the GitHub REST shapes the Action uses (issue comments list/create/update, labels, issues
 * for audit mode). It keeps state, so a second run sees the first run's comment, records every request, and rejects
 * malformed ones (no token, wrong content type, a body over GitHub's limit) with 422 the way the API does.
 */
export async function startGitHubFake(
  options: { owner?: string; repo?: string; pulls?: Array<{ number: number; labels?: string[] }>; identities?: Record<string, FakeIdentity> } = {},
): Promise<GitHubFake> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'app';
  const issues = new Map<number, FakeIssue>();
  let nextCommentId = 1000;
  let nextIssue = 100;
  for (const p of options.pulls ?? []) {
    issues.set(p.number, {
      number: p.number,
      title: `PR ${p.number}`,
      body: '',
      state: 'open',
      html_url: `https://github.example/${owner}/${repo}/pull/${p.number}`,
      comments: [],
      labels: p.labels ?? [],
      user: { login: 'contributor', type: 'User' },
      pull_request: {},
    });
  }
  const identities = new Map<string, FakeIdentity>(Object.entries(options.identities ?? {}));
  const fake = { owner, repo, issues, rejected: [] as string[], readOnly: false, failNext: 0, graphqlForbidden: false, identities } as GitHubFake;
  // An unknown `ghs_` token is an installation token of the Actions app; anything else is a user's PAT.
  const identityOf = (token: string): FakeIdentity => identities.get(token) ?? (token.startsWith('ghs_') ? ACTIONS_BOT : { login: 'octocat', type: 'User' });

  const reject = (res: ServerResponse, req: RecordedRequest, why: string) => {
    fake.rejected.push(`${req.method} ${req.url}: ${why}`);
    sendJson(res, 422, { message: why, documentation_url: 'https://docs.github.com/rest' });
  };
  const bodyOf = (req: RecordedRequest, res: ServerResponse): Record<string, unknown> | undefined => {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      reject(res, req, 'content-type must be application/json');
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
      return parsed as Record<string, unknown>;
    } catch {
      reject(res, req, 'Problems parsing JSON');
      return undefined;
    }
  };
  const page = <T>(req: RecordedRequest, res: ServerResponse, items: T[]) => {
    const url = new URL(req.url, 'http://x');
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const n = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((n - 1) * perPage, n * perPage);
    const headers: Record<string, string> = {};
    if (n * perPage < items.length) {
      url.searchParams.set('page', String(n + 1));
      headers.link = `<${server.url}${url.pathname}${url.search}>; rel="next"`;
    }
    sendJson(res, 200, slice, headers);
  };

  const server = await startTestServer((req, res) => {
    if (fake.failNext > 0) {
      fake.failNext--;
      sendJson(res, 502, { message: 'Server Error' });
      return;
    }
    const auth = String(req.headers.authorization ?? '');
    if (!/^(token|Bearer) \S+$/.test(auth)) {
      sendJson(res, 401, { message: 'Requires authentication' });
      return;
    }
    const path = new URL(req.url, 'http://x').pathname;
    const token = auth.replace(/^\S+ /, '');
    const me = identityOf(token);
    if (path === '/user' && req.method === 'GET') {
      if (me.type === 'Bot') return sendJson(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' });
      return sendJson(res, 200, { login: me.login, id: 1, type: me.type });
    }
    if (path === '/graphql' && req.method === 'POST') {
      if (fake.graphqlForbidden) return sendJson(res, 403, { message: 'Resource not accessible by integration' });
      const body = bodyOf(req, res);
      if (!body) return;
      if (typeof body.query !== 'string' || !/\bviewer\b/.test(body.query)) return reject(res, req, 'only viewer queries are faked');
      return sendJson(res, 200, { data: { viewer: { login: me.login, __typename: me.type } } });
    }
    const prefix = `/repos/${owner}/${repo}`;
    if (!path.startsWith(prefix)) return sendJson(res, 404, { message: 'Not Found' });
    const rest = path.slice(prefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return sendJson(res, 404, { message: 'Not Found' });
      if (req.method === 'GET') return page(req, res, issue.comments);
      if (req.method === 'POST') {
        if (fake.readOnly) return sendJson(res, 403, { message: 'Resource not accessible by integration' });
        const body = bodyOf(req, res);
        if (!body) return;
        if (typeof body.body !== 'string' || body.body.length === 0) return reject(res, req, 'body is missing');
        if (body.body.length > MAX_BODY) return reject(res, req, 'Body is too long (maximum is 65536 characters)');
        const comment: FakeComment = {
          id: nextCommentId++,
          body: body.body,
          html_url: `${issue.html_url}#issuecomment-${nextCommentId}`,
          user: { login: me.login, type: me.type },
        };
        issue.comments.push(comment);
        return sendJson(res, 201, comment);
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && req.method === 'PATCH') {
      if (fake.readOnly) return sendJson(res, 403, { message: 'Resource not accessible by integration' });
      const comment = [...issues.values()].flatMap((i) => i.comments).find((c) => c.id === Number(m?.[1]));
      if (!comment) return sendJson(res, 404, { message: 'Not Found' });
      const body = bodyOf(req, res);
      if (!body) return;
      if (typeof body.body !== 'string') return reject(res, req, 'body is missing');
      if (body.body.length > MAX_BODY) return reject(res, req, 'Body is too long (maximum is 65536 characters)');
      comment.body = body.body;
      return sendJson(res, 200, comment);
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest)) && req.method === 'GET') {
      const issue = issues.get(Number(m[1]));
      if (!issue) return sendJson(res, 404, { message: 'Not Found' });
      return page(req, res, issue.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed' })));
    }
    if (rest === '/issues' && req.method === 'GET') {
      const state = new URL(req.url, 'http://x').searchParams.get('state') ?? 'open';
      return page(req, res, [...issues.values()].filter((i) => state === 'all' || i.state === state).map(issueJson));
    }
    if (rest === '/issues' && req.method === 'POST') {
      const body = bodyOf(req, res);
      if (!body) return;
      if (typeof body.title !== 'string' || body.title === '') return reject(res, req, 'title is missing');
      if (typeof body.body === 'string' && body.body.length > MAX_BODY) return reject(res, req, 'Body is too long');
      const number = nextIssue++;
      const issue: FakeIssue = {
        number,
        title: body.title,
        body: typeof body.body === 'string' ? body.body : '',
        state: 'open',
        html_url: `https://github.example/${owner}/${repo}/issues/${number}`,
        comments: [],
        labels: [],
        user: { login: me.login, type: me.type },
      };
      issues.set(number, issue);
      return sendJson(res, 201, issueJson(issue));
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) && req.method === 'PATCH') {
      const issue = issues.get(Number(m[1]));
      if (!issue) return sendJson(res, 404, { message: 'Not Found' });
      const body = bodyOf(req, res);
      if (!body) return;
      if (typeof body.body === 'string') {
        if (body.body.length > MAX_BODY) return reject(res, req, 'Body is too long');
        issue.body = body.body;
      }
      if (typeof body.title === 'string') issue.title = body.title;
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      return sendJson(res, 200, issueJson(issue));
    }
    return sendJson(res, 404, { message: 'Not Found' });
  });
  Object.assign(fake, server);
  return fake;
}

function issueJson(i: FakeIssue): object {
  return { number: i.number, title: i.title, body: i.body, state: i.state, html_url: i.html_url, user: i.user, ...(i.pull_request ? { pull_request: i.pull_request } : {}) };
}
