import { SourceUnavailableError } from '@lockwarden/core/errors';
import { silentLogger, type Logger } from '@lockwarden/core/log';
import { HttpClient } from '@lockwarden/core/http';
import { GITLAB_NOTE_MAX_LENGTH } from './report-files.js';

/** Hidden marker that identifies lockwarden's note on a merge request, so each pipeline edits the same one. */
export const STICKY_NOTE_MARKER = '<!-- lockwarden:sticky-note -->';

/** The fields of a GitLab note (Notes API) that lockwarden reads. */
export interface GitLabNote {
  id: number;
  body: string;
  system?: boolean;
}

export interface MergeRequestRef {
  /** `CI_API_V4_URL`, e.g. `https://gitlab.example.org/api/v4`. */
  apiUrl: string;
  /** `CI_PROJECT_ID` (numeric id or URL-encoded path). */
  projectId: string;
  /** `CI_MERGE_REQUEST_IID`. */
  mergeRequestIid: string;
}

export interface NotesClientOptions {
  /** A project/personal access token with `api` scope, sent as `PRIVATE-TOKEN`. */
  token: string;
  logger?: Logger;
  /** Passed to the HTTP client (tests shorten backoff). */
  backoffBaseMs?: number;
  retries?: number;
}

export type NoteOutcome = { outcome: 'created' | 'updated' | 'unchanged'; noteId: number } | { outcome: 'skipped' };

const PER_PAGE = 100;
/** A merge request with more notes than this is not searched further (the sticky note is then created anew). */
const MAX_PAGES = 50;

/**
 * The merge request notes endpoints lockwarden needs (list, create, update) over the shared retrying HTTP client:
 * 429 and 5xx are retried with backoff and `Retry-After`, other failures throw `SourceUnavailableError`.
 */
export class MergeRequestNotesClient {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(
    readonly mr: MergeRequestRef,
    options: NotesClientOptions,
  ) {
    this.http = new HttpClient({
      source: 'GitLab API',
      headers: { 'PRIVATE-TOKEN': options.token },
      logger: options.logger ?? silentLogger,
      ...(options.backoffBaseMs !== undefined ? { backoffBaseMs: options.backoffBaseMs } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
    });
    const api = mr.apiUrl.replace(/\/+$/, '');
    this.base = `${api}/projects/${encodeURIComponent(mr.projectId)}/merge_requests/${encodeURIComponent(mr.mergeRequestIid)}/notes`;
  }

  /** Every note of the merge request, oldest first, following pages until a short one. */
  async list(): Promise<GitLabNote[]> {
    const notes: GitLabNote[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = await this.http.fetchJson<unknown>(`${this.base}?sort=asc&order_by=created_at&per_page=${PER_PAGE}&page=${page}`);
      if (!Array.isArray(batch)) throw new SourceUnavailableError('GitLab API', 'the notes list is not a JSON array');
      notes.push(...batch.filter(isNote));
      if (batch.length < PER_PAGE) break;
    }
    return notes;
  }

  async create(body: string): Promise<GitLabNote> {
    return this.expectNote(await this.http.fetchJson<unknown>(this.base, { method: 'POST', json: { body } }));
  }

  async update(noteId: number, body: string): Promise<GitLabNote> {
    return this.expectNote(await this.http.fetchJson<unknown>(`${this.base}/${noteId}`, { method: 'PUT', json: { body } }));
  }

  private expectNote(value: unknown): GitLabNote {
    if (!isNote(value)) throw new SourceUnavailableError('GitLab API', 'the response is not a note');
    return value;
  }
}

function isNote(value: unknown): value is GitLabNote {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.body === 'string';
}

/**
 * Puts the marker first and keeps the body within GitLab's 1,000,000-character limit. The caller renders the
 * markdown with a budget already; this is the last guard.
 */
export function stickyNoteBody(markdown: string, overflowNote: string): string {
  const body = `${STICKY_NOTE_MARKER}\n${markdown}`;
  if (body.length <= GITLAB_NOTE_MAX_LENGTH) return body;
  const note = `\n\n${overflowNote}\n`;
  return body.slice(0, GITLAB_NOTE_MAX_LENGTH - note.length) + note;
}

/**
 * Creates or edits the one lockwarden note on a merge request. With `createIfMissing: false` an existing note is
 * still edited (so a merge request that became clean does not keep a stale failing note), but no new one is made.
 * System notes ("added 1 commit") are never taken for ours even if they quote the marker.
 */
export async function upsertStickyNote(
  client: MergeRequestNotesClient,
  body: string,
  options: { createIfMissing: boolean },
): Promise<NoteOutcome> {
  const notes = await client.list();
  const existing = notes.find((n) => n.system !== true && n.body.startsWith(STICKY_NOTE_MARKER));
  if (existing) {
    if (existing.body === body) return { outcome: 'unchanged', noteId: existing.id };
    const updated = await client.update(existing.id, body);
    return { outcome: 'updated', noteId: updated.id };
  }
  if (!options.createIfMissing) return { outcome: 'skipped' };
  const created = await client.create(body);
  return { outcome: 'created', noteId: created.id };
}
