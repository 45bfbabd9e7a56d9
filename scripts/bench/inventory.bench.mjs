// Inventory store: who-uses on 1,000 repositories x 1,000 components each (budget 50 ms), on SQLite and, when
// LOCKWARDEN_TEST_PG_URL names a server, on PostgreSQL. Repositories draw from a shared pool of packages, as an
// organisation's do, so the component rows are shared and the link rows are what grows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openInventoryStore } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const REPOS = Number(process.env.BENCH_REPOS ?? 1000);
const PER_REPO = 1000;
const POOL = 6000;
const BUDGET_MS = 50;

function component(i, rand) {
  const version = `${1 + (i % 5)}.${Math.floor(rand() * 10)}.${i % 7}`;
  const name = i % 50 === 0 ? `@corp/lib-${i}` : `pkg-${i}`;
  const enc = name.startsWith('@') ? `%40${name.slice(1)}` : name;
  return { ecosystem: 'npm', name, version, purl: `pkg:npm/${enc}@${version}`, licenses: ['MIT'], hashes: [{ algorithm: 'sha512', value: (i % 16).toString(16).repeat(128) }], source: { kind: 'registry' }, direct: i % 10 === 0, scopes: [], lockfile: 'package-lock.json' };
}

async function populate(store) {
  const rand = prng(16);
  const pool = Array.from({ length: POOL }, (_, i) => component(i, rand));
  const start = performance.now();
  for (let r = 0; r < REPOS; r++) {
    const picked = new Set();
    while (picked.size < PER_REPO - 1) picked.add(Math.floor(rand() * POOL));
    const components = [...picked].map((i) => pool[i]);
    // A third of the repositories hold minimist, a third of those an affected version.
    if (r % 3 === 0) {
      const version = r % 9 === 0 ? '1.2.5' : '1.2.8';
      components.push({ ...pool[0], name: 'minimist', version, purl: `pkg:npm/minimist@${version}` });
    } else {
      components.push(pool[(r * 7) % POOL]);
    }
    await store.ingest({ repo: `org/repo-${r}`, ref: 'main', commit: `c${r}`, inputs: ['package-lock.json'], components });
  }
  return performance.now() - start;
}

async function bench(name, spec, dispose) {
  const store = await openInventoryStore(spec, { cwd: process.cwd(), env: {} });
  try {
    const ingestMs = await populate(store);
    const counts = await store.counts();
    console.log(`${name}: ingested ${REPOS} repositories in ${(ingestMs / 1000).toFixed(1)} s; rows ${JSON.stringify(counts)}`);
    // The budget is for a package question (the issue's); a broad glob returning thousands of rows is reported only.
    for (const [pattern, budgeted] of [['pkg:npm/minimist', true], ['pkg:npm/minimist@<1.2.6', true], ['pkg:npm/@corp/lib-1*', false]]) {
      let rows = 0;
      const ms = await medianMs(async () => {
        rows = (await store.whoUses(pattern)).length;
      });
      report(`${name} who-uses ${pattern} (${rows} rows)`, ms);
      if (budgeted && ms > BUDGET_MS) {
        console.error(`  over budget: ${ms.toFixed(1)} ms > ${BUDGET_MS} ms`);
        process.exitCode = 1;
      }
    }
  } finally {
    await store.close();
    await dispose();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lw-bench-inventory-'));
await bench('sqlite', join(dir, 'inventory.db'), async () => rmSync(dir, { recursive: true, force: true }));

const pgUrl = process.env.LOCKWARDEN_TEST_PG_URL;
if (pgUrl) {
  const { default: pg } = await import('pg');
  const dbName = `lw_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  await bench('postgres', url.toString(), async () => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  });
} else {
  console.log('LOCKWARDEN_TEST_PG_URL is not set: PostgreSQL not benchmarked');
}
