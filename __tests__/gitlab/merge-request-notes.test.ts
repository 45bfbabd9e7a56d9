import { describe, expect, it } from 'vitest';
import { SourceUnavailableError } from '@lockwarden/core';
import { MergeRequestNotesClient, STICKY_NOTE_MARKER, stickyNoteBody, upsertStickyNote } from '../../packages/cli/src/gitlab/merge-request-notes.js';
import { GITLAB_NOTE_MAX_LENGTH } from '../../packages/cli/src/gitlab/report-files.js';
import { startGitLabNotesServer, type GitLabNotesServer } from '../helpers/gitlab-notes-server.js';

const TOKEN = 'glpat-notes-test';

async function withServer(test: (server: GitLabNotesServer, client: MergeRequestNotesClient) => Promise<void>): Promise<void> {
  const server = await startGitLabNotesServer({ token: TOKEN });
  const client = new MergeRequestNotesClient(
    { apiUrl: `${server.apiUrl}/`, projectId: 'group/sub project', mergeRequestIid: '12' },
    { token: TOKEN, backoffBaseMs: 1, retries: 2 },
  );
  try {
    await test(server, client);
  } finally {
    await server.close();
  }
}

describe('MergeRequestNotesClient and the sticky note', () => {
  it('finds its note on a later page and edits it; the project path is URL-encoded', async () => {
    await withServer(async (server, client) => {
      for (let i = 0; i < 130; i++) server.addNote('group/sub project', 12, `comment ${i}`, { username: 'bob' });
      const ours = server.addNote('group/sub project', 12, `${STICKY_NOTE_MARKER}\nold report`);
      const outcome = await upsertStickyNote(client, `${STICKY_NOTE_MARKER}\nnew report`, { createIfMissing: true });
      expect(outcome).toEqual({ outcome: 'updated', noteId: ours.id });
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /api/v4/projects/group%2Fsub%20project/merge_requests/12/notes?sort=asc&order_by=created_at&per_page=100&page=1',
        'GET /api/v4/projects/group%2Fsub%20project/merge_requests/12/notes?sort=asc&order_by=created_at&per_page=100&page=2',
        `PUT /api/v4/projects/group%2Fsub%20project/merge_requests/12/notes/${ours.id}`,
      ]);
      expect(JSON.parse(server.requests[2]?.body ?? '{}')).toEqual({ body: `${STICKY_NOTE_MARKER}\nnew report` });
      expect(server.notes.get('group/sub project!12')).toHaveLength(131);
    });
  });

  it('leaves an identical note alone and creates none when asked only to update', async () => {
    await withServer(async (server, client) => {
      const body = `${STICKY_NOTE_MARKER}\nsame`;
      expect(await upsertStickyNote(client, body, { createIfMissing: false })).toEqual({ outcome: 'skipped' });
      const created = await upsertStickyNote(client, body, { createIfMissing: true });
      expect(created.outcome).toBe('created');
      expect(await upsertStickyNote(client, body, { createIfMissing: true })).toEqual({ outcome: 'unchanged', noteId: (created as { noteId: number }).noteId });
      expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'GET']);
    });
  });

  it('retries 429 and 5xx, then gives up with SourceUnavailableError', async () => {
    await withServer(async (server, client) => {
      server.inject('GET', 429, { retryAfter: '0' });
      server.inject('GET', 502);
      expect(await client.list()).toEqual([]);
      server.inject('GET', 503, { times: 3 });
      await expect(client.list()).rejects.toBeInstanceOf(SourceUnavailableError);
      await expect(client.list()).resolves.toEqual([]);
      expect(server.requests.map((r) => r.method)).toHaveLength(7);
    });
  });

  it('keeps a huge report within GitLab’s 1,000,000-character limit, saying so', async () => {
    await withServer(async (server, client) => {
      const body = stickyNoteBody('x'.repeat(GITLAB_NOTE_MAX_LENGTH + 5000), 'Report cut; see the job artifacts.');
      expect(body.length).toBe(GITLAB_NOTE_MAX_LENGTH);
      expect(body.startsWith(STICKY_NOTE_MARKER)).toBe(true);
      expect(body.endsWith('Report cut; see the job artifacts.\n')).toBe(true);
      await expect(upsertStickyNote(client, body, { createIfMissing: true })).resolves.toMatchObject({ outcome: 'created' });
      expect(server.notes.get('group/sub project!12')?.[0]?.body).toBe(body);
    });
  });
});
