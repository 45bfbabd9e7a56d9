import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendJson, startTestServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js';

/** Reads a committed registry fixture (`npm/lodash.json`, `pypi/requests.json`). */
export function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/registry/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** A route answers a request: a JSON body, or a custom handler for faults (500, slow, Retry-After). */
export type Route = Record<string, unknown> | ((req: RecordedRequest, res: ServerResponse) => void | Promise<void>);

/**
 * A local registry on the shared test-server helper: exact paths map to documents; anything else is a 404 with
 * the registry's usual `{"error":"Not found"}` body.
 */
export function startRegistry(routes: Record<string, Route>): Promise<TestServer> {
  return startTestServer(async (req, res) => {
    const path = req.url.split('?')[0] ?? '/';
    const route = routes[path];
    if (route === undefined) return sendJson(res, 404, { error: 'Not found' });
    if (typeof route === 'function') return route(req, res);
    sendJson(res, 200, route);
  });
}

/** A deep copy of a packument with one more version, published at `time`, optionally with its own manifest fields. */
export function withVersion(
  packument: Record<string, unknown>,
  version: string,
  time: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const doc = structuredClone(packument) as {
    name: string;
    versions: Record<string, unknown>;
    time: Record<string, string>;
    'dist-tags': Record<string, string>;
  };
  doc.versions[version] = {
    name: doc.name,
    version,
    license: 'MIT',
    dist: { integrity: 'sha512-AAAA', tarball: `https://registry.example.org/${doc.name}/-/x-${version}.tgz` },
    ...extra,
  };
  doc.time[version] = time;
  doc['dist-tags'] = { latest: version };
  return doc;
}
