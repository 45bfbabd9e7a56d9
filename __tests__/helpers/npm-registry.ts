import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServerResponse } from 'node:http';
import { startTestServer, type RecordedRequest, type TestServer } from './http-server.js';

const run = promisify(execFile);

/** One version of a fixture package. */
export interface FixtureVersion {
  version: string;
  publishedAt: Date;
  dependencies?: Record<string, string>;
}

export interface FixturePackage {
  name: string;
  versions: FixtureVersion[];
  /** Default: the last version listed. */
  latest?: string;
}

interface Tarball {
  bytes: Buffer;
  integrity: string;
  shasum: string;
}

/** A fault the registry injects into requests whose path starts with `pathPrefix`. */
export type RegistryFault = { kind: 'status'; status: number } | { kind: 'hang' };

export interface NpmTestRegistry extends TestServer {
  /** Answers every request under `pathPrefix` with `fault` until cleared. */
  fail(fault: RegistryFault | undefined, pathPrefix?: string): void;
}

/**
 * Builds real tarballs with `npm pack` (one npm process for all packages) in `dir`; keyed `name@version`.
 */
export async function packFixtures(dir: string, packages: readonly FixturePackage[], env: Record<string, string>): Promise<Map<string, Tarball>> {
  const sources: string[] = [];
  for (const p of packages) {
    for (const v of p.versions) {
      const src = join(dir, 'src', `${p.name.replace('/', '+')}@${v.version}`);
      mkdirSync(src, { recursive: true });
      writeFileSync(join(src, 'package.json'), JSON.stringify({ name: p.name, version: v.version, license: 'MIT', main: 'index.js', dependencies: v.dependencies ?? {} }));
      writeFileSync(join(src, 'index.js'), `module.exports = ${JSON.stringify(`${p.name}@${v.version}`)};\n`);
      sources.push(src);
    }
  }
  const out = join(dir, 'tarballs');
  mkdirSync(out, { recursive: true });
  await run('npm', ['pack', '--pack-destination', out, '--silent', ...sources], { env: { ...process.env, ...env }, cwd: dir });
  const tarballs = new Map<string, Tarball>();
  const files = new Set(readdirSync(out));
  for (const p of packages) {
    for (const v of p.versions) {
      const file = `${p.name.replace(/^@/, '').replace('/', '-')}-${v.version}.tgz`;
      if (!files.has(file)) throw new Error(`npm pack did not write ${file}`);
      const bytes = readFileSync(join(out, file));
      tarballs.set(`${p.name}@${v.version}`, {
        bytes,
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
      });
    }
  }
  return tarballs;
}

/**
 * A local npm registry speaking the real protocol: full packuments with `time`, `dist.integrity` and `dist.shasum`,
 * the abbreviated form for `Accept: application/vnd.npm.install-v1+json`, ETags with 304, tarballs at
 * `/<name>/-/<base>-<version>.tgz`, and 404 `{"error":"Not found"}` for unknown names.
 */
export async function startNpmRegistry(packages: readonly FixturePackage[], tarballs: Map<string, Tarball>): Promise<NpmTestRegistry> {
  let fault: { fault: RegistryFault; pathPrefix: string } | undefined;
  let base = '';
  const byName = new Map(packages.map((p) => [p.name, p]));
  const packument = (p: FixturePackage, abbreviated: boolean) => {
    const versions: Record<string, unknown> = {};
    const time: Record<string, string> = {};
    const sorted = [...p.versions].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
    time.created = sorted[0]!.publishedAt.toISOString();
    time.modified = sorted[sorted.length - 1]!.publishedAt.toISOString();
    for (const v of p.versions) {
      const t = tarballs.get(`${p.name}@${v.version}`)!;
      const file = `${p.name.split('/').pop()}-${v.version}.tgz`;
      const dist = { integrity: t.integrity, shasum: t.shasum, tarball: `${base}/${p.name}/-/${file}` };
      versions[v.version] = abbreviated
        ? { name: p.name, version: v.version, dependencies: v.dependencies ?? {}, dist }
        : { name: p.name, version: v.version, license: 'MIT', main: 'index.js', dependencies: v.dependencies ?? {}, dist, _id: `${p.name}@${v.version}` };
      time[v.version] = v.publishedAt.toISOString();
    }
    const latest = p.latest ?? p.versions[p.versions.length - 1]!.version;
    return abbreviated
      ? { name: p.name, modified: time.modified, 'dist-tags': { latest }, versions }
      : { _id: p.name, name: p.name, 'dist-tags': { latest }, versions, time, license: 'MIT' };
  };
  const server = await startTestServer((req: RecordedRequest, res: ServerResponse) => {
    const path = decodeURIComponent(req.url.split('?')[0]!);
    if (fault && path.startsWith(fault.pathPrefix)) {
      if (fault.fault.kind === 'hang') return new Promise<void>(() => undefined);
      res.writeHead(fault.fault.status, { 'content-type': 'text/plain' });
      res.end('upstream failure');
      return;
    }
    const tgz = /^\/(.+)\/-\/([^/]+)$/.exec(path);
    if (tgz) {
      const p = byName.get(tgz[1]!);
      const v = p?.versions.find((x) => tgz[2] === `${p.name.split('/').pop()}-${x.version}.tgz`);
      const t = p && v ? tarballs.get(`${p.name}@${v.version}`) : undefined;
      if (!t) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"Not found"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': t.bytes.length });
      res.end(t.bytes);
      return;
    }
    const p = byName.get(path.slice(1));
    if (!p) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"Not found"}');
      return;
    }
    const abbreviated = String(req.headers.accept ?? '').includes('application/vnd.npm.install-v1+json');
    const body = JSON.stringify(packument(p, abbreviated));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': abbreviated ? 'application/vnd.npm.install-v1+json' : 'application/json', etag });
    res.end(body);
  });
  base = server.url;
  return {
    ...server,
    fail(next, pathPrefix = '/') {
      fault = next ? { fault: next, pathPrefix } : undefined;
    },
  };
}
