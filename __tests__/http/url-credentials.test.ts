import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, redactSecrets, SourceUnavailableError } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { makeRepo } from '../helpers/git-repo.js';
import { sendJson, startBasicAuthGate, startTestServer, type TestServer } from '../helpers/http-server.js';
import { packageLockV3 } from '../helpers/lockfile-builder.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';
import { runCli } from '../helpers/run-cli.js';
import { fixture, startRegistry } from '../registry/registry-fixtures.js';

const servers: TestServer[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const c of cleanups.splice(0)) c();
});
async function serve<T extends TestServer>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}
const withCredentials = (url: string, userinfo: string) => url.replace('http://', `http://${userinfo}@`);

describe('redactSecrets', () => {
  it('hides the userinfo and credential parameters of every URL in a text, and nothing else', () => {
    expect(redactSecrets('GET https://user:pw@mirror.example.org/v1/query failed')).toBe('GET https://***@mirror.example.org/v1/query failed');
    expect(redactSecrets('at http://tok@h/a and "https://a:b@c@d/x"')).toBe('at http://***@h/a and "https://***@d/x"');
    expect(redactSecrets('https://h/simple?x=1&access_token=abc#f and https://h/?sig=zz')).toBe('https://h/simple?x=1&access_token=***#f and https://h/?sig=***');
    expect(redactSecrets('git+ssh://git@github.com/acme/lib.git, bob@example.org, a=b')).toBe('git+ssh://git@github.com/acme/lib.git, bob@example.org, a=b');
  });
});

describe('a URL with credentials', () => {
  it('is sent as basic auth by the HTTP client, percent-decoded, and never shown in its errors', async () => {
    const backend = await serve(startTestServer((_req, res) => sendJson(res, 200, { ok: true })));
    const gate = await serve(startBasicAuthGate(backend, 'alice', 'p@ss:word'));
    const http = new HttpClient({ source: 'mirror', retries: 0 });
    expect(await http.fetchJson(`${withCredentials(gate.url, 'alice:p%40ss%3Aword')}/x`)).toEqual({ ok: true });
    expect(gate.refused).toBe(0);

    const err = await http.fetchJson(`${withCredentials(gate.url, 'alice:wrong-secret')}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect(String((err as Error).message)).toMatch(/^mirror: http:\/\/\*\*\*@127\.0\.0\.1:\d+\/x: HTTP 401/);
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err)) + String((err as Error).cause)).not.toContain('wrong-secret');
  });

  const base = { 'package-lock.json': packageLockV3({ lodash: '4.17.21' }), 'requirements.txt': 'six==1.16.0\n' };
  const head = { 'package-lock.json': packageLockV3({ lodash: '4.17.20' }), 'requirements.txt': 'six==1.16.0\nrequests==2.31.0\n' };

  it('for OSV (LOCKWARDEN_OSV_URL), npm (npm_config_registry) and pip (PIP_INDEX_URL) works against servers that demand basic auth', async () => {
    const osv = await serve(startOsvServer(loadOsvRecords(join(REPO_ROOT, '__tests__', 'fixtures', 'osv'))));
    const registry = await serve(startRegistry({ '/lodash': fixture('npm/lodash.json'), '/pypi/requests/json': fixture('pypi/requests.json') }));
    const osvGate = await serve(startBasicAuthGate(osv, 'osv-user', 'osv-secret'));
    const npmGate = await serve(startBasicAuthGate(registry, 'npm-user', 'npm-secret'));
    const pipGate = await serve(startBasicAuthGate(registry, 'pip-user', 'pip-secret'));
    const repo = makeRepo([base, head]);
    cleanups.push(() => repo.cleanup());
    const env = {
      LOCKWARDEN_OSV_URL: withCredentials(osvGate.url, 'osv-user:osv-secret'),
      npm_config_registry: `${withCredentials(npmGate.url, 'npm-user:npm-secret')}/`,
      npm_config_userconfig: join(repo.dir, 'no-npmrc'),
      npm_config_globalconfig: join(repo.dir, 'no-global'),
      PIP_INDEX_URL: `${withCredentials(pipGate.url, 'pip-user:pip-secret')}/simple`,
      LOCKWARDEN_CACHE_DIR: join(repo.dir, '.cache'),
    };
    const run = await runCli(['check', '--base', 'HEAD~1', '--format', 'json'], { cwd: repo.dir, env });
    const report = JSON.parse(run.stdout) as { verdict: string; errors: string[]; findings: Array<{ rule: string; name: string }> };
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'vulnerability').map((f) => f.name)).toEqual(['lodash']);
    for (const gate of [osvGate, npmGate, pipGate]) {
      expect(gate.refused).toBe(0);
      expect(gate.requests.length).toBeGreaterThan(0);
    }
  });

  it('from LOCKWARDEN_OSV_URL, .npmrc and PIP_INDEX_URL appears in no output when the sources refuse it', async () => {
    // Every source refuses the credentials (a final answer, so no retries slow the test down).
    const down = await serve(startTestServer((_req, res) => sendJson(res, 401, { message: 'bad credentials' })));
    const repo = makeRepo([base, head]);
    cleanups.push(() => repo.cleanup());
    writeFileSync(join(repo.dir, '.npmrc'), `registry=${withCredentials(down.url, 'rc-user:rc-secret')}/\n`);
    const secrets = ['osv-secret', 'rc-secret', 'pip-secret', 'rc-user', 'osv-user', 'pip-user'];
    const env = {
      LOCKWARDEN_OSV_URL: withCredentials(down.url, 'osv-user:osv-secret'),
      npm_config_userconfig: join(repo.dir, 'no-npmrc'),
      npm_config_globalconfig: join(repo.dir, 'no-global'),
      PIP_INDEX_URL: `${withCredentials(down.url, 'pip-user:pip-secret')}/simple`,
      LOCKWARDEN_CACHE_DIR: join(repo.dir, '.cache'),
    };
    const outputs: string[] = [];
    for (const format of ['json', 'markdown', 'table', 'sarif']) {
      const file = join(repo.dir, `report.${format}`);
      const run = await runCli(['--verbose', 'check', '--base', 'HEAD~1', '--format', format, '--output', file], { cwd: repo.dir, env });
      expect(run.code).toBe(2);
      outputs.push(run.stdout, run.stderr, readFileSync(file, 'utf8'));
    }
    const all = outputs.join('\n');
    // The failures are reported, with the URL, just not its credentials.
    expect(all).toMatch(/http:\/\/\*\*\*@127\.0\.0\.1:\d+/);
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
