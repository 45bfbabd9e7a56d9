import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import semver from 'semver';
import { sendJson, startTestServer, type RecordedRequest, type TestServer } from './http-server.js';

/** A fault the server injects into the next matching request instead of answering it. */
export type OsvFault =
  | { kind: 'status'; status: number }
  | { kind: 'retry-after'; seconds: number }
  | { kind: 'hang' }
  | { kind: 'truncated' };

export interface OsvTestServer extends TestServer {
  /** Queues `fault` for the next `times` requests whose path starts with `pathPrefix` (default: any). */
  inject(fault: OsvFault, options?: { times?: number; pathPrefix?: string }): void;
  /** Requests per path (`/v1/querybatch`, `/v1/vulns/...`). */
  count(pathPrefix: string): number;
}

interface OsvLikeRecord {
  id: string;
  modified: string;
  withdrawn?: string;
  affected?: {
    package?: { ecosystem: string; name: string };
    versions?: string[];
    ranges?: { type: string; events: Record<string, string>[] }[];
  }[];
}

interface Query {
  package?: { ecosystem?: string; name?: string; purl?: string };
  version?: string;
  commit?: string;
  page_token?: string;
}

/** Reads every `*.json` under `dir` (recursively) as an OSV record. */
export function loadOsvRecords(dir: string): OsvLikeRecord[] {
  const out: OsvLikeRecord[] = [];
  for (const name of readdirSync(dir)) {
    // Hidden folders hold lockwarden's own index, not records.
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...loadOsvRecords(path));
    else if (name.endsWith('.json')) out.push(JSON.parse(readFileSync(path, 'utf8')) as OsvLikeRecord);
  }
  return out;
}

/**
 * A local stand-in for the OSV API (https://google.github.io/osv.dev/api/) over a set of OSV records:
 * `POST /v1/query`, `POST /v1/querybatch` (ids + modified, paginated at `pageSize` per query with
 * `next_page_token`) and `GET /v1/vulns/{id}`, with injectable faults. Its matching is deliberately its own
 * (versions[] plus SemVer ordering of ranges), independent of the client's matcher.
 */
export async function startOsvServer(records: OsvLikeRecord[], options: { pageSize?: number } = {}): Promise<OsvTestServer> {
  const pageSize = options.pageSize ?? 1000;
  const byId = new Map(records.map((r) => [r.id, r]));
  const faults: { fault: OsvFault; pathPrefix: string }[] = [];

  const server = await startTestServer((req, res) => {
    const path = req.url.split('?')[0] ?? '/';
    const index = faults.findIndex((f) => path.startsWith(f.pathPrefix));
    if (index >= 0) {
      const [{ fault }] = faults.splice(index, 1) as [{ fault: OsvFault }];
      return injectFault(fault, res);
    }
    if (req.method === 'POST' && path === '/v1/querybatch') return queryBatch(req, res);
    if (req.method === 'POST' && path === '/v1/query') return queryOne(req, res);
    const vuln = /^\/v1\/vulns\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && vuln) {
      const record = byId.get(decodeURIComponent(vuln[1] as string));
      return record ? sendJson(res, 200, record) : sendJson(res, 404, { code: 5, message: 'Bug not found.' });
    }
    return sendJson(res, 404, { code: 5, message: 'Not found.' });
  });

  function matching(query: Query): OsvLikeRecord[] {
    return records
      .filter((r) => !r.withdrawn && affects(r, query))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  function page<T>(items: T[], token: string | undefined): { items: T[]; next?: string } {
    const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
    const slice = items.slice(start, start + pageSize);
    const end = start + slice.length;
    return end < items.length ? { items: slice, next: Buffer.from(String(end)).toString('base64url') } : { items: slice };
  }

  function queryBatch(req: RecordedRequest, res: ServerResponse): void {
    const body = JSON.parse(req.body) as { queries?: Query[] };
    const queries = body.queries ?? [];
    if (queries.length > 1000) return sendJson(res, 400, { code: 3, message: 'Too many queries.' });
    const results = queries.map((q) => {
      const { items, next } = page(matching(q), q.page_token);
      const vulns = items.map((r) => ({ id: r.id, modified: r.modified }));
      return { ...(vulns.length > 0 ? { vulns } : {}), ...(next ? { next_page_token: next } : {}) };
    });
    sendJson(res, 200, { results });
  }

  function queryOne(req: RecordedRequest, res: ServerResponse): void {
    const q = JSON.parse(req.body) as Query;
    const { items, next } = page(matching(q), q.page_token);
    sendJson(res, 200, { ...(items.length > 0 ? { vulns: items } : {}), ...(next ? { next_page_token: next } : {}) });
  }

  return {
    ...server,
    inject(fault, opts = {}) {
      for (let i = 0; i < (opts.times ?? 1); i++) faults.push({ fault, pathPrefix: opts.pathPrefix ?? '/' });
    },
    count(pathPrefix) {
      return server.requests.filter((r) => r.url.startsWith(pathPrefix)).length;
    },
  };
}

function injectFault(fault: OsvFault, res: ServerResponse): void {
  switch (fault.kind) {
    case 'status':
      return sendJson(res, fault.status, { code: 13, message: 'injected failure' });
    case 'retry-after':
      return sendJson(res, 429, { code: 8, message: 'Too many requests.' }, { 'retry-after': String(fault.seconds) });
    case 'hang':
      // Never answers; the client's timeout must fire. The socket is destroyed when the server closes.
      return;
    case 'truncated':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results": [{"vulns": [{"id": "GHSA-');
      return;
  }
}

function affects(record: OsvLikeRecord, q: Query): boolean {
  return (record.affected ?? []).some((a) => {
    if (q.commit) {
      return (a.ranges ?? []).some((r) => r.type === 'GIT' && r.events.some((e) => Object.values(e).includes(q.commit as string)));
    }
    if (!a.package || a.package.ecosystem !== q.package?.ecosystem || a.package.name !== q.package?.name) return false;
    const version = q.version ?? '';
    if ((a.versions ?? []).includes(version)) return true;
    const v = semver.parse(version, { loose: true });
    if (!v) return false;
    return (a.ranges ?? []).some((r) => r.type !== 'GIT' && inRange(v, r.events));
  });
}

function inRange(v: semver.SemVer, events: Record<string, string>[]): boolean {
  let affected = false;
  for (const e of events) {
    if (e.introduced !== undefined) affected = e.introduced === '0' || semver.gte(v, e.introduced, { loose: true });
    else if (e.fixed !== undefined && affected && semver.gte(v, e.fixed, { loose: true })) affected = false;
    else if (e.last_affected !== undefined && affected && semver.gt(v, e.last_affected, { loose: true })) affected = false;
    if (affected && (e.fixed !== undefined || e.last_affected !== undefined)) return true;
  }
  return affected;
}
