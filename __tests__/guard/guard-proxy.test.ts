import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { NpmRegistryConfig, OsvOfflineSource, packageKey, policyFromText, silentLogger, type Advisory, type AdvisorySource, type PackageRef } from '../../packages/core/src/index.js';
import { BatchingAdvisorySource } from '../../packages/cli/src/guard/advisory-batcher.js';
import { AuditLog } from '../../packages/cli/src/guard/audit-log.js';
import { Judge } from '../../packages/cli/src/guard/judge.js';
import { startProxyServer } from '../../packages/cli/src/guard/proxy-server.js';
import { UpstreamHttp } from '../../packages/cli/src/guard/upstream-http.js';
import { CLIENT_SETTINGS } from '../../packages/cli/src/guard/client-env.js';
import { filesFromHtml } from '../../packages/cli/src/guard/pypi-proxy.js';
import { startGuard, type GuardFlags, type StartedGuard } from '../../packages/cli/src/guard/start-guard.js';
import { packFixtures, startNpmRegistry, type NpmTestRegistry } from '../helpers/npm-registry.js';
import { startPypiIndex, type PypiTestIndex } from '../helpers/pypi-index.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';
import { guardPackages, isolatedEnv, newProject, tempRoot, writeOsvDb } from './guard-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*';

let root: string;
let env: Record<string, string>;
let registry: NpmTestRegistry;
let index: PypiTestIndex;
let db: string;
let guard: StartedGuard;
let audit: string;
let stderr = '';

async function start(flags: GuardFlags, cwd = root): Promise<StartedGuard> {
  return startGuard(
    { db, npmUpstream: `${registry.url}/`, pypiUpstream: index.simpleUrl, ...flags },
    { cwd, env, logger: silentLogger, stderr: (s) => (stderr += s) },
  );
}

beforeAll(async () => {
  root = tempRoot();
  env = isolatedEnv(root);
  db = writeOsvDb(root);
  const now = Date.now();
  const packages = [
    ...guardPackages(now),
    { name: '@lw/scoped', versions: [{ version: '1.0.0', publishedAt: new Date(now - 100 * DAY) }, { version: '2.0.0-rc.1', publishedAt: new Date(now - HOUR) }], latest: '1.0.0' },
  ];
  registry = await startNpmRegistry(packages, await packFixtures(root, packages, env));
  index = await startPypiIndex([
    { name: 'lw-fresh', releases: [{ version: '1.0.0', uploadedAt: new Date(now - 200 * DAY) }, { version: '1.1.0', uploadedAt: new Date(now - HOUR) }] },
  ]);
  audit = join(root, 'audit.jsonl');
  guard = await start({ auditLog: audit });
}, 120_000);

afterAll(async () => {
  await guard?.server.close();
  await registry?.close();
  await index?.close();
});

describe('the npm protocol', () => {
  it('serves the abbreviated packument without removed versions, with latest moved', async () => {
    const res = await fetch(`${guard.server.npmUrl}lw-fresh`, { headers: { accept: ABBREVIATED } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.npm\.install-v1\+json/);
    const doc = (await res.json()) as { 'dist-tags': Record<string, string>; versions: Record<string, { dist: { tarball: string; integrity: string } }>; time?: unknown };
    expect(doc['dist-tags']).toEqual({ latest: '1.0.0' });
    expect(Object.keys(doc.versions)).toEqual(['1.0.0']);
    expect(doc.versions['1.0.0']!.dist.tarball).toBe(`${registry.url}/lw-fresh/-/lw-fresh-1.0.0.tgz`);
    expect(doc.versions['1.0.0']!.dist.integrity).toMatch(/^sha512-/);
    expect(doc.time).toBeUndefined();
  });

  it('serves the full packument with the removed version gone from versions and time', async () => {
    const res = await fetch(`${guard.server.npmUrl}lw-fresh`, { headers: { accept: 'application/json' } });
    const doc = (await res.json()) as { versions: Record<string, unknown>; time: Record<string, string> };
    expect(Object.keys(doc.versions)).toEqual(['1.0.0']);
    expect(Object.keys(doc.time).sort()).toEqual(['1.0.0', 'created', 'modified']);
  });

  it('serves scoped names (encoded slash) and keeps a stable latest off a too-new prerelease', async () => {
    const res = await fetch(`${guard.server.npmUrl}@lw%2fscoped`, { headers: { accept: ABBREVIATED } });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { 'dist-tags': Record<string, string>; versions: Record<string, unknown> };
    expect(Object.keys(doc.versions)).toEqual(['1.0.0']);
    expect(doc['dist-tags']).toEqual({ latest: '1.0.0' });
    const tgz = await fetch(`${guard.server.npmUrl}@lw/scoped/-/scoped-1.0.0.tgz`);
    expect(tgz.status).toBe(200);
    expect((await tgz.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('answers If-None-Match with 304, and pnpm gets tarball URLs on the proxy', async () => {
    const first = await fetch(`${guard.server.npmUrl}lw-leaf`, { headers: { accept: ABBREVIATED } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"lw-/);
    const again = await fetch(`${guard.server.npmUrl}lw-leaf`, { headers: { accept: ABBREVIATED, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const pnpm = await fetch(`${guard.server.npmUrl}lw-leaf`, { headers: { accept: ABBREVIATED, 'user-agent': 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64' } });
    const doc = (await pnpm.json()) as { versions: Record<string, { dist: { tarball: string } }> };
    expect(doc.versions['1.2.3']!.dist.tarball).toBe(`${guard.server.npmUrl}lw-leaf/-/lw-leaf-1.2.3.tgz`);
  });

  it('refuses the tarball of a removed version with the rule, and logs it', async () => {
    const res = await fetch(`${guard.server.npmUrl}lw-fresh/-/lw-fresh-1.1.0.tgz`);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^lockwarden: lw-fresh@1\.1\.0 blocked by release-age: published \d+ hours ago .*; 1\.0\.0 passes the policy$/);
    const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const entry = lines.find((l) => l.decision === 'block' && l.name === 'lw-fresh' && l.version === '1.1.0');
    expect(entry).toMatchObject({ ecosystem: 'npm', rules: ['release-age'], advisories: [] });
    expect(Date.parse(String(entry!.time))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('makes untrusted names harmless in messages and logs', async () => {
    const res = await fetch(`${guard.server.npmUrl}${encodeURIComponent('lw-x\n\u001b[31mFAKE')}`);
    expect(res.status).toBe(404);
    const message = ((await res.json()) as { error: string }).error;
    expect(message).toContain('lw-x ');
    expect(message.includes('\n') || message.includes('\u001b')).toBe(false);
    expect(stderr.includes('\u001b')).toBe(false);
  });

  it('revalidates the upstream with If-None-Match once a document is stale', async () => {
    // A zero freshness window is what every document looks like after 30 s.
    const server = await startProxyServer({
      host: '127.0.0.1',
      port: 0,
      npm: NpmRegistryConfig.fromSettings({}, `${registry.url}/`),
      pypiIndex: index.simpleUrl,
      http: new UpstreamHttp(),
      judge: new Judge({ policy: policyFromText('extends: lockwarden:baseline\n').policy, advisories: new OsvOfflineSource({ dir: db }) }),
      audit: new AuditLog({ stderr: () => undefined }),
      freshMs: 0,
    });
    try {
      const before = registry.requests.length;
      const a = await fetch(`${server.npmUrl}lw-app`, { headers: { accept: ABBREVIATED } });
      const b = await fetch(`${server.npmUrl}lw-app`, { headers: { accept: ABBREVIATED } });
      expect(await b.json()).toEqual(await a.json());
      const upstream = registry.requests.slice(before).filter((r) => r.url === '/lw-app');
      expect(upstream).toHaveLength(2);
      expect(upstream[0]!.headers['if-none-match']).toBeUndefined();
      expect(upstream[1]!.headers['if-none-match']).toMatch(/^"[0-9a-f]{40}"$/);
      expect(upstream.every((r) => r.headers.accept === 'application/json')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('advisories', () => {
  it('judges concurrent packuments through the OSV API, each with its own advisories', async () => {
    const osv = await startOsvServer(loadOsvRecords(db));
    const online = await startGuard(
      { npmUpstream: `${registry.url}/`, pypiUpstream: index.simpleUrl, osvUrl: osv.url },
      { cwd: root, env, logger: silentLogger, stderr: () => undefined },
    );
    try {
      const names = ['lw-evil', 'lw-leaf', 'lw-app', 'lw-fresh', '@lw%2fscoped'];
      const answers = await Promise.all(names.map((n) => fetch(`${online.server.npmUrl}${n}`, { headers: { accept: ABBREVIATED } })));
      expect(answers.map((a) => a.status)).toEqual([403, 200, 200, 200, 200]);
      expect(((await answers[0]!.json()) as { error: string }).error).toContain('malware MAL-2026-0042');
      // How many requests the batch window gathers depends on timing; never more than one per packument.
      expect(osv.count('/v1/querybatch')).toBeLessThanOrEqual(names.length);
    } finally {
      await online.server.close();
      await osv.close();
    }
  });
});

describe('after an advisory outage', () => {
  it('judges again on the next request instead of keeping the failed judgement', async () => {
    const osv = await startOsvServer(loadOsvRecords(db));
    const online = await startGuard(
      { npmUpstream: `${registry.url}/`, pypiUpstream: index.simpleUrl, osvUrl: osv.url },
      { cwd: root, env, logger: silentLogger, stderr: () => undefined },
    );
    try {
      // Five failures: the first attempt and the OSV client's four retries; then OSV is healthy again.
      osv.inject({ kind: 'status', status: 503 }, { times: 5, pathPrefix: '/v1/querybatch' });
      expect((await fetch(`${online.server.npmUrl}lw-leaf`)).status).toBe(503);
      expect((await fetch(`${online.server.npmUrl}lw-leaf`)).status).toBe(200);
    } finally {
      await online.server.close();
      await osv.close();
    }
  }, 90_000);
});

describe('BatchingAdvisorySource', () => {
  it('sends the queries made within its window as one, and gives each caller its own packages', async () => {
    const calls: PackageRef[][] = [];
    const evil = { ecosystem: 'npm', name: 'lw-evil', version: '1.0.0' } as const;
    const source: AdvisorySource = {
      name: 'counting source',
      query: (refs) => {
        calls.push([...refs]);
        const advisory: Advisory = { id: 'MAL-1', ids: ['MAL-1'], kind: 'malware', summary: '', severity: 'critical', match: 'range' };
        return Promise.resolve({ byPackage: new Map([[packageKey(evil), [advisory]]]), source: 'counting source' });
      },
    };
    const batcher = new BatchingAdvisorySource(source, 20);
    const [a, b, c] = await Promise.all([
      batcher.query([evil, { ecosystem: 'npm', name: 'lw-evil', version: '0.9.0' }]),
      batcher.query([{ ecosystem: 'npm', name: 'lw-leaf', version: '1.2.3' }]),
      batcher.query([]),
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(3);
    expect([...a!.byPackage.keys()]).toEqual(['npm:lw-evil@1.0.0']);
    expect(b!.byPackage.size).toBe(0);
    expect(c!.byPackage.size).toBe(0);
  });

  it('fails every caller of a batch when the source is down', async () => {
    const batcher = new BatchingAdvisorySource({ name: 'down', query: () => Promise.reject(new Error('OSV down')) }, 5);
    const results = await Promise.allSettled([batcher.query([{ ecosystem: 'npm', name: 'x', version: '1.0.0' }]), batcher.query([{ ecosystem: 'npm', name: 'y', version: '1.0.0' }])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('fail closed', () => {
  it('answers 503 when the advisory source is down, and serves with a warning under fail-open', async () => {
    const strict = await startGuard(
      { npmUpstream: `${registry.url}/`, pypiUpstream: index.simpleUrl, osvUrl: 'http://127.0.0.1:9' },
      { cwd: root, env, logger: silentLogger, stderr: () => undefined },
    );
    try {
      const res = await fetch(`${strict.server.npmUrl}lw-leaf`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/cannot judge lw-leaf: .*OSV API.*fail closed/);
    } finally {
      await strict.server.close();
    }
    const project = newProject(root, 'fail-open');
    writeFileSync(join(project, 'lockwarden.yml'), 'extends: lockwarden:baseline\nfail-open: true\n');
    const open = await startGuard(
      { npmUpstream: `${registry.url}/`, pypiUpstream: index.simpleUrl, osvUrl: 'http://127.0.0.1:9' },
      { cwd: project, env, logger: silentLogger, stderr: () => undefined },
    );
    try {
      const res = await fetch(`${open.server.npmUrl}lw-leaf`);
      expect(res.status).toBe(200);
    } finally {
      await open.server.close();
    }
  }, 60_000);
});

describe('the Python simple API', () => {
  it('serves PEP 503 HTML to clients that ask for it, without the removed release', async () => {
    const res = await fetch(`${guard.server.pypiUrl}LW_Fresh/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const files = filesFromHtml(html, guard.server.pypiUrl);
    expect(files.map((f) => f.filename)).toEqual(['lw_fresh-1.0.0-py3-none-any.whl']);
    expect(files[0]!.url).toBe(`${index.url}/files/lw_fresh-1.0.0-py3-none-any.whl`);
    expect(files[0]!.hashes.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads PEP 503 pages with yanked files, requires-python and core metadata', () => {
    const files = filesFromHtml(
      '<a href="../../files/x-1.0-py3-none-any.whl#sha256=ab12" data-requires-python="&gt;=3.8" data-yanked="broken" data-core-metadata="sha256=cd34">x-1.0-py3-none-any.whl</a>',
      'https://pypi.example.org/simple/x/',
    );
    expect(files).toEqual([{
      filename: 'x-1.0-py3-none-any.whl',
      url: 'https://pypi.example.org/files/x-1.0-py3-none-any.whl',
      hashes: { sha256: 'ab12' },
      'requires-python': '>=3.8',
      yanked: 'broken',
      'core-metadata': { sha256: 'cd34' },
    }]);
  });
});

describe('docs/guard.md', () => {
  it('lists every variable the wrapper sets (client-env.ts is the source of truth)', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'guard.md'), 'utf8');
    for (const c of CLIENT_SETTINGS) {
      for (const [name, value] of Object.entries(c.env)) expect(doc, `${c.client}: ${name}`).toContain(`\`${name}=${value.replace('{host}', '127.0.0.1')}`);
    }
  });
});

describe('lockwarden guard serve (built CLI)', () => {
  it('prints its URLs, serves judged metadata, and stops cleanly on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(REPO_ROOT, 'packages', 'cli', 'bin', 'lockwarden.js'), 'guard', 'serve', '--port', '0', '--db', db, '--npm-upstream', `${registry.url}/`, '--pypi-upstream', index.simpleUrl], { cwd: root, env });
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString('utf8');
        const m = /npm registry (http:\/\/127\.0\.0\.1:\d+\/) \(upstream ([^)]+)\), Python index (\S+) \(upstream ([^)]+)\)/.exec(err);
        if (m) {
          expect(m[2]).toBe(`${registry.url}/`);
          expect(m[3]).toBe(`${m[1]}-/pypi/simple/`);
          resolve(m[1]!);
        }
      });
      child.on('exit', () => reject(new Error(`guard serve exited: ${err}`)));
    });
    const res = await fetch(`${url}lw-fresh`, { headers: { accept: ABBREVIATED } });
    expect(Object.keys(((await res.json()) as { versions: object }).versions)).toEqual(['1.0.0']);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});
