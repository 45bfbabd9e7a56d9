// Advisories: index build over a synthetic npm all.zip of 200,000 OSV records, offline lookup of 5,000 packages
// (issue target: <= 200 ms once the index is built), and OSV API batch calls for N packages (target: ceil(N/1000)).
import { createServer } from 'node:http';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ZipStream from 'zip-stream';
import { OsvApiSource, OsvIndex, OsvOfflineSource } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const RECORDS = 200_000;
const LOOKUPS = 5_000;

/** A record shaped like the real export: mostly OpenSSF malware reports, the rest GHSA-style ranges. */
function syntheticRecord(i, rand) {
  const name = `pkg-${(i % 150_000).toString(36)}-${(i % 150_000) * 7919 % 100_003}`;
  const modified = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 5 * 365) * 86_400_000).toISOString();
  if (rand() < 0.7) {
    return {
      schema_version: '1.5.0',
      id: `MAL-2024-${i}`,
      modified,
      summary: `Malicious code in ${name} (npm)`,
      details: 'This package contains code that exfiltrates environment variables on install.',
      affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }], database_specific: { source: 'https://example.org/report.json' } }],
      database_specific: { 'malicious-packages-origins': [{ source: 'ghsa-malware', modified_time: modified }] },
    };
  }
  const major = 1 + Math.floor(rand() * 5);
  return {
    schema_version: '1.4.0',
    id: `GHSA-${i.toString(36).padStart(4, '0')}-bench-${(i * 31).toString(36)}`,
    modified,
    published: modified,
    aliases: [`CVE-2024-${i}`],
    summary: `Prototype pollution in ${name}`,
    details: 'Versions before the fix allow prototype pollution through crafted keys. '.repeat(4),
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: `${major}.2.${i % 9}` }] }] }],
    references: [{ type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/CVE-2024-${i}` }],
    database_specific: { cwe_ids: ['CWE-1321'], severity: 'HIGH', github_reviewed: true },
  };
}

async function writeZip(file) {
  const rand = prng(42);
  // zip-stream writes ZIP64 past 65,535 entries, as the real npm export is.
  const zip = new ZipStream({ zlib: { level: 6 } });
  const out = createWriteStream(file);
  zip.pipe(out);
  for (let i = 0; i < RECORDS; i++) {
    const record = syntheticRecord(i, rand);
    await new Promise((resolve, reject) =>
      zip.entry(Buffer.from(JSON.stringify(record)), { name: `${record.id}.json` }, (err) => (err ? reject(err) : resolve())),
    );
  }
  zip.finish();
  await once(out, 'close');
}

const dbDir = join(tmpdir(), `lockwarden-bench-osv-${RECORDS}`);
const zipFile = join(dbDir, 'npm', 'all.zip');
if (!existsSync(zipFile)) {
  mkdirSync(join(dbDir, 'npm'), { recursive: true });
  const t = performance.now();
  await writeZip(zipFile);
  console.log(`generated ${RECORDS} synthetic records (${(statSync(zipFile).size / 1e6).toFixed(1)} MB zip) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// Index build, cold: the index beside the data is removed first, so this is the first-use cost.
rmSync(join(dbDir, 'npm', '.lockwarden-index'), { recursive: true, force: true });
let start = performance.now();
const built = await OsvIndex.open(zipFile);
const buildMs = performance.now() - start;
built.close();
report(`index build, ${RECORDS} records (single run)`, buildMs);
console.log(`  ${built.meta.records} records, ${built.size} package names`);
if (built.meta.records !== RECORDS) {
  console.log(`expected ${RECORDS} records in the index`);
  process.exitCode = 1;
}

const loadMs = await medianMs(async () => (await OsvIndex.open(zipFile)).close(), { runs: 5, warmup: 1 });
report('index open from disk (built, not stale)', loadMs);

// 5,000 packages: a fifth of them named in the database, the rest clean.
const rand = prng(7);
const packages = Array.from({ length: LOOKUPS }, (_, i) => {
  const known = rand() < 0.2;
  const n = Math.floor(rand() * 150_000);
  return known
    ? { ecosystem: 'npm', name: `pkg-${n.toString(36)}-${n * 7919 % 100_003}`, version: '1.0.0' }
    : { ecosystem: 'npm', name: `clean-${i}`, version: '1.0.0' };
});
const offline = new OsvOfflineSource({ dir: dbDir });
let found = 0;
await offline.query(packages.slice(0, 1));
const lookupMs = await medianMs(async () => {
  found = (await offline.query(packages)).byPackage.size;
});
report(`offline lookup of ${LOOKUPS} packages (index built; target <= 200 ms)`, lookupMs);
console.log(`  ${found} packages with advisories`);
await offline.close();

// Batch calls against a local server speaking the OSV querybatch shape.
let batchCalls = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    batchCalls++;
    const { queries } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ results: queries.map(() => ({})) }));
  });
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${server.address().port}`;
for (const n of [999, 1_000, 2_500, 10_000]) {
  const pkgs = Array.from({ length: n }, (_, i) => ({ ecosystem: 'npm', name: `p${i}`, version: '1.0.0' }));
  batchCalls = 0;
  const ms = await medianMs(() => new OsvApiSource({ baseUrl: url }).query(pkgs), { runs: 3, warmup: 0 });
  const perRun = batchCalls / 3;
  report(`OSV API query of ${n} packages: ${perRun} batch calls (expected ${Math.ceil(n / 1000)})`, ms);
  if (perRun !== Math.ceil(n / 1000)) process.exitCode = 1;
}
server.close();
if (lookupMs > 200) {
  console.log(`offline lookup ${lookupMs.toFixed(1)} ms is over the 200 ms target`);
  process.exitCode = 1;
}
