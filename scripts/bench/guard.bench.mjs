/* global fetch */
// lockwarden guard: (1) the proxy's overhead per cached packument (p50/p95 of 2,000 sequential requests through the
// proxy, against the same requests sent to the upstream directly; target ≤ 2 ms p50 overhead), and (2) a real
// `npm install` of 1,000 packages against a local upstream, directly and through `lockwarden guard --`.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { NpmRegistryConfig, policyFromText } from '../../packages/core/dist/index.js';
import { AuditLog } from '../../packages/cli/dist/guard/audit-log.js';
import { Judge } from '../../packages/cli/dist/guard/judge.js';
import { startProxyServer } from '../../packages/cli/dist/guard/proxy-server.js';
import { UpstreamHttp } from '../../packages/cli/dist/guard/upstream-http.js';
import { report } from './harness.mjs';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = Number(process.env.GUARD_BENCH_PACKAGES ?? 1000);
const VERSIONS = 8;
const DAY = 86_400_000;

/** A minimal npm tarball: `package/package.json` and `package/index.js` in a gzipped ustar archive. */
function tarball(name, version) {
  const files = [
    ['package/package.json', JSON.stringify({ name, version, main: 'index.js', license: 'MIT' })],
    ['package/index.js', `module.exports = ${JSON.stringify(`${name}@${version}`)};\n`],
  ];
  const blocks = [];
  for (const [path, text] of files) {
    const body = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(path, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(`${Math.floor(Date.UTC(2024, 0, 1) / 1000).toString(8).padStart(11, '0')}\0`, 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

// The upstream: PACKAGES packages of VERSIONS old versions each, the latest one hour old (so the proxy has work).
const docs = new Map();
const tarballs = new Map();
let upstreamUrl = '';
const upstream = createServer((req, res) => {
  const path = decodeURIComponent(req.url.split('?')[0]);
  const tgz = tarballs.get(path);
  if (tgz) {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tgz.length });
    return res.end(tgz);
  }
  const doc = docs.get(path.slice(1));
  if (!doc) {
    res.writeHead(404, { 'content-type': 'application/json' });
    return res.end('{"error":"Not found"}');
  }
  if (req.headers['if-none-match'] === doc.etag) {
    res.writeHead(304, { etag: doc.etag });
    return res.end();
  }
  res.writeHead(200, { 'content-type': 'application/json', etag: doc.etag });
  res.end(doc.body);
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
upstreamUrl = `http://127.0.0.1:${upstream.address().port}`;
const now = Date.now();
for (let i = 0; i < PACKAGES; i++) {
  const name = `lw-bench-${i}`;
  const versions = {};
  const time = { created: new Date(now - 400 * DAY).toISOString(), modified: new Date(now - 3_600_000).toISOString() };
  for (let v = 0; v < VERSIONS; v++) {
    const version = `1.${v}.0`;
    const bytes = tarball(name, version);
    const file = `/${name}/-/${name}-${version}.tgz`;
    tarballs.set(file, bytes);
    versions[version] = {
      name, version, license: 'MIT', main: 'index.js',
      dist: { tarball: `${upstreamUrl}${file}`, integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`, shasum: createHash('sha1').update(bytes).digest('hex') },
    };
    time[version] = v === VERSIONS - 1 ? new Date(now - 3_600_000).toISOString() : new Date(now - (400 - v * 10) * DAY).toISOString();
  }
  const body = JSON.stringify({ _id: name, name, 'dist-tags': { latest: `1.${VERSIONS - 1}.0` }, versions, time });
  docs.set(name, { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` });
}

const root = mkdtempSync(join(tmpdir(), 'lw-guard-bench-'));
const db = join(root, 'osv');
mkdirSync(join(db, 'npm'), { recursive: true });
writeFileSync(join(db, 'npm', 'MAL-0000-0000.json'), JSON.stringify({ id: 'MAL-0000-0000', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'lw-bench-none' }, versions: ['1.0.0'] }] }));

// (1) Overhead per cached packument, in-process proxy, keep-alive connections as npm uses them.
{
  const { OsvOfflineSource } = await import('../../packages/core/dist/index.js');
  const judge = new Judge({ policy: policyFromText('extends: lockwarden:baseline\n').policy, advisories: new OsvOfflineSource({ dir: db }) });
  const server = await startProxyServer({
    host: '127.0.0.1', port: 0,
    npm: NpmRegistryConfig.fromSettings({}, `${upstreamUrl}/`), pypiIndex: `${upstreamUrl}/simple/`,
    http: new UpstreamHttp(), judge, audit: new AuditLog({ stderr: () => undefined }),
  });
  const names = Array.from({ length: Math.min(PACKAGES, 200) }, (_, i) => `lw-bench-${i}`);
  const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*' };
  for (const n of names) await (await fetch(`${server.npmUrl}${n}`, { headers })).arrayBuffer();
  const sample = async (base) => {
    const times = [];
    for (let i = 0; i < 2000; i++) {
      const n = names[i % names.length];
      const start = performance.now();
      const res = await fetch(`${base}${n}`, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
  };
  const direct = await sample(`${upstreamUrl}/`);
  const proxied = await sample(server.npmUrl);
  const row = (label, t) => console.log(`${label.padEnd(58)} p50 ${t.p50.toFixed(2).padStart(7)} ms  p95 ${t.p95.toFixed(2).padStart(7)} ms`);
  row('packument direct from the upstream (2,000 requests)', direct);
  row('packument through guard, cached (2,000 requests)', proxied);
  const overhead = proxied.p50 - direct.p50;
  console.log(`guard overhead per cached packument: p50 ${overhead.toFixed(2)} ms (target ≤ 2 ms)${overhead > 2 ? '  OVER TARGET' : ''}`);
  await server.close();
}

// (2) A real npm install of PACKAGES packages, each from a fresh cache, directly and through the wrapper.
{
  const deps = Object.fromEntries(Array.from({ length: PACKAGES }, (_, i) => [`lw-bench-${i}`, '^1.0.0']));
  const install = async (label, argv, env) => {
    const project = join(root, label);
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: label, version: '1.0.0', private: true, dependencies: deps }));
    writeFileSync(join(project, '.npmrc'), '');
    const start = performance.now();
    await run(argv[0], argv.slice(1), {
      cwd: project,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env, npm_config_cache: join(root, `${label}-cache`), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    });
    return performance.now() - start;
  };
  const direct = await install('direct', ['npm', 'install', '--no-package-lock'], { npm_config_registry: `${upstreamUrl}/` });
  report(`npm install of ${PACKAGES} packages, direct`, direct);
  const cli = join(REPO, 'packages', 'cli', 'bin', 'lockwarden.js');
  const guarded = await install('guarded', [process.execPath, cli, 'guard', '--db', db, '--npm-upstream', `${upstreamUrl}/`, '--', 'npm', 'install', '--no-package-lock'], {});
  report(`npm install of ${PACKAGES} packages, through lockwarden guard`, guarded, { name: 'direct', ms: direct });
}

upstream.close();
rmSync(root, { recursive: true, force: true });
