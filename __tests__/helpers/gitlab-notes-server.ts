import { sendJson, startTestServer, type TestServer } from './http-server.js';

/** A note as GitLab's Notes API returns it (the fields GitLab documents for merge request notes). */
export interface FakeNote {
  id: number;
  type: null;
  body: string;
  attachment: null;
  author: { id: number; username: string; name: string; state: string };
  created_at: string;
  updated_at: string;
  system: boolean;
  noteable_id: number;
  noteable_type: 'MergeRequest';
  project_id: number;
  noteable_iid: number;
  resolvable: boolean;
  confidential: boolean;
  internal: boolean;
}

export interface GitLabNotesServer extends TestServer {
  /** `CI_API_V4_URL` for this server. */
  apiUrl: string;
  /** Notes per merge request, keyed `projectId!iid`. */
  notes: Map<string, FakeNote[]>;
  /** Answers the next `times` requests with `method` with this status (and `Retry-After` when given). */
  inject(method: string, status: number, options?: { times?: number; retryAfter?: string }): void;
  addNote(projectId: string, iid: number, body: string, options?: { system?: boolean; username?: string }): FakeNote;
}

/** The user a token belongs to, as `GET /user` answers (a project access token's user is a bot). */
export interface FakeGitLabUser {
  id: number;
  username: string;
  name: string;
  bot: boolean;
}

const NOTES_PATH = /^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/;

/**
 * A local stand-in for GitLab's merge request Notes API: `GET .../notes` (sort, order_by, page, per_page),
 * `POST .../notes` and `PUT .../notes/:note_id` with a JSON or form `body`, a `PRIVATE-TOKEN` that must match
 * (401 otherwise, as GitLab answers), 1,000,000-character bodies at most (400 beyond), and injectable faults.
 * `GET /user` names the token's user (by default a project access token's bot), who authors the notes it posts.
 */
export async function startGitLabNotesServer(options: { token: string; user?: FakeGitLabUser }): Promise<GitLabNotesServer> {
  const me: FakeGitLabUser = options.user ?? { id: 99, username: 'project_42_bot', name: 'lockwarden bot', bot: true };
  const notes = new Map<string, FakeNote[]>();
  const faults: Array<{ method: string; status: number; retryAfter?: string }> = [];
  let nextId = 1000;
  let clock = Date.parse('2026-11-21T10:00:00Z');
  const stamp = () => new Date((clock += 1000)).toISOString();

  function addNote(projectId: string, iid: number, body: string, opts: { system?: boolean; username?: string } = {}): FakeNote {
    const at = stamp();
    const note: FakeNote = {
      id: nextId++,
      type: null,
      body,
      attachment: null,
      author:
        opts.username && opts.username !== me.username
          ? { id: 7, username: opts.username, name: opts.username, state: 'active' }
          : { id: me.id, username: me.username, name: me.name, state: 'active' },
      created_at: at,
      updated_at: at,
      system: opts.system ?? false,
      noteable_id: 5000 + iid,
      noteable_type: 'MergeRequest',
      project_id: Number(projectId) || 0,
      noteable_iid: iid,
      resolvable: false,
      confidential: false,
      internal: false,
    };
    const key = `${decodeURIComponent(projectId)}!${iid}`;
    notes.set(key, [...(notes.get(key) ?? []), note]);
    return note;
  }

  const server = await startTestServer((req, res) => {
    const url = new URL(req.url, 'http://gitlab.invalid');
    if (url.pathname === '/api/v4/user' && req.method === 'GET') {
      if (req.headers['private-token'] !== options.token) return sendJson(res, 401, { message: '401 Unauthorized' });
      return sendJson(res, 200, { ...me, state: 'active', locked: false, avatar_url: null, web_url: `${server.url}/${me.username}` });
    }
    const match = NOTES_PATH.exec(url.pathname);
    if (!match) return sendJson(res, 404, { message: '404 Not Found' });
    const fault = faults.findIndex((f) => f.method === req.method);
    if (fault >= 0) {
      const [f] = faults.splice(fault, 1);
      return sendJson(res, f?.status ?? 500, { message: `injected ${f?.status}` }, f?.retryAfter ? { 'retry-after': f.retryAfter } : {});
    }
    if (req.headers['private-token'] !== options.token) return sendJson(res, 401, { message: '401 Unauthorized' });
    const [, projectId = '', iidText = '', noteIdText] = match;
    const iid = Number(iidText);
    const key = `${decodeURIComponent(projectId)}!${iid}`;
    const list = notes.get(key) ?? [];
    const bodyOf = (): string | undefined => {
      if (req.headers['content-type']?.startsWith('application/json')) return (JSON.parse(req.body) as { body?: string }).body;
      return new URLSearchParams(req.body).get('body') ?? url.searchParams.get('body') ?? undefined;
    };

    if (req.method === 'GET' && !noteIdText) {
      const sort = url.searchParams.get('sort') ?? 'desc';
      const orderBy = url.searchParams.get('order_by') ?? 'created_at';
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 20));
      const page = Number(url.searchParams.get('page') ?? 1);
      const sorted = [...list].sort((a, b) => (orderBy === 'updated_at' ? a.updated_at.localeCompare(b.updated_at) : a.id - b.id));
      if (sort === 'desc') sorted.reverse();
      const slice = sorted.slice((page - 1) * perPage, page * perPage);
      const pages = Math.max(1, Math.ceil(sorted.length / perPage));
      return sendJson(res, 200, slice, {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-total': String(sorted.length),
        'x-total-pages': String(pages),
        'x-next-page': page < pages ? String(page + 1) : '',
      });
    }
    const body = bodyOf();
    if (req.method === 'POST' && !noteIdText) {
      if (!body) return sendJson(res, 400, { message: '400 Bad request - body is missing' });
      if (body.length > 1_000_000) return sendJson(res, 400, { message: { note: ['is too long (maximum is 1000000 characters)'] } });
      return sendJson(res, 201, addNote(projectId, iid, body));
    }
    if (req.method === 'PUT' && noteIdText) {
      const note = list.find((n) => n.id === Number(noteIdText));
      if (!note) return sendJson(res, 404, { message: '404 Not found' });
      if (!body) return sendJson(res, 400, { message: '400 Bad request - body is missing' });
      if (body.length > 1_000_000) return sendJson(res, 400, { message: { note: ['is too long (maximum is 1000000 characters)'] } });
      note.body = body;
      note.updated_at = stamp();
      return sendJson(res, 200, note);
    }
    return sendJson(res, 405, { message: '405 Method Not Allowed' });
  });

  return {
    ...server,
    apiUrl: `${server.url}/api/v4`,
    notes,
    addNote,
    inject: (method, status, opts = {}) => {
      for (let i = 0; i < (opts.times ?? 1); i++) faults.push({ method, status, ...(opts.retryAfter ? { retryAfter: opts.retryAfter } : {}) });
    },
  };
}
