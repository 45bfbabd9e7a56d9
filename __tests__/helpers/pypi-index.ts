import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import ZipStream from 'zip-stream';
import { startTestServer, type RecordedRequest, type TestServer } from './http-server.js';

export interface FixtureRelease {
  version: string;
  uploadedAt: Date;
}

export interface FixtureProject {
  name: string;
  releases: FixtureRelease[];
}

interface Wheel {
  filename: string;
  bytes: Buffer;
  sha256: string;
  uploadedAt: Date;
}

/**
 * A real, installable wheel (PEP 427): a module, `METADATA`, `WHEEL` and a `RECORD` with the sha256 of each file,
 * zipped. pip installs it like any wheel from an index.
 */
export async function buildWheel(name: string, version: string): Promise<{ filename: string; bytes: Buffer }> {
  const dist = name.replace(/[-.]+/g, '_').toLowerCase();
  const info = `${dist}-${version}.dist-info`;
  const files: Array<[string, string]> = [
    [`${dist}/__init__.py`, `__version__ = ${JSON.stringify(version)}\n`],
    [`${info}/METADATA`, `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: lockwarden guard test fixture\n`],
    [`${info}/WHEEL`, 'Wheel-Version: 1.0\nGenerator: lockwarden-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n'],
  ];
  const record = files.map(([path, text]) => {
    const digest = createHash('sha256').update(text).digest('base64url');
    return `${path},sha256=${digest},${Buffer.byteLength(text)}`;
  });
  record.push(`${info}/RECORD,,`);
  files.push([`${info}/RECORD`, `${record.join('\n')}\n`]);
  const zip = new ZipStream({ zlib: { level: 6 } });
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => sink.on('end', resolve));
  zip.pipe(sink);
  for (const [path, text] of files) {
    await new Promise<void>((resolve, reject) => zip.entry(Buffer.from(text), { name: path }, (err: Error | null) => (err ? reject(err) : resolve())));
  }
  zip.finish();
  await ended;
  return { filename: `${dist}-${version}-py3-none-any.whl`, bytes: Buffer.concat(chunks) };
}

export interface PypiTestIndex extends TestServer {
  /** `<url>/simple/`. */
  simpleUrl: string;
  /** Answers every request with this status until cleared. */
  fail(status: number | undefined): void;
}

/**
 * A Python package index speaking the simple repository API: PEP 691 JSON (with PEP 700 `upload-time` and
 * `versions`) for clients that accept it, PEP 503 HTML otherwise, files under `/files/`, 404 for unknown projects.
 */
export async function startPypiIndex(projects: readonly FixtureProject[]): Promise<PypiTestIndex> {
  const wheels = new Map<string, Wheel[]>();
  const byFile = new Map<string, Wheel>();
  for (const p of projects) {
    const list: Wheel[] = [];
    for (const r of p.releases) {
      const { filename, bytes } = await buildWheel(p.name, r.version);
      const wheel = { filename, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedAt: r.uploadedAt };
      list.push(wheel);
      byFile.set(filename, wheel);
    }
    wheels.set(normalise(p.name), list);
  }
  let failing: number | undefined;
  const server = await startTestServer((req: RecordedRequest, res: ServerResponse) => {
    const path = req.url.split('?')[0]!;
    if (failing) {
      res.writeHead(failing, { 'content-type': 'text/plain' });
      res.end('index failure');
      return;
    }
    const file = /^\/files\/([^/]+)$/.exec(path);
    if (file) {
      const w = byFile.get(decodeURIComponent(file[1]!));
      if (!w) return notFound(res);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': w.bytes.length });
      res.end(w.bytes);
      return;
    }
    const page = /^\/simple\/([^/]+)\/$/.exec(path);
    const list = page ? wheels.get(normalise(decodeURIComponent(page[1]!))) : undefined;
    if (!page || !list) return notFound(res);
    const name = normalise(page[1]!);
    if (String(req.headers.accept ?? '').includes('application/vnd.pypi.simple.v1+json')) {
      res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
      res.end(JSON.stringify({
        meta: { 'api-version': '1.1' },
        name,
        versions: [...new Set(list.map((w) => w.filename.split('-')[1]))],
        files: list.map((w) => ({ filename: w.filename, url: `../../files/${w.filename}`, hashes: { sha256: w.sha256 }, 'upload-time': w.uploadedAt.toISOString(), size: w.bytes.length })),
      }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!DOCTYPE html><html><body>${list.map((w) => `<a href="../../files/${w.filename}#sha256=${w.sha256}">${w.filename}</a>`).join('\n')}</body></html>`);
  });
  return {
    ...server,
    simpleUrl: `${server.url}/simple/`,
    fail(status) {
      failing = status;
    },
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not Found');
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
