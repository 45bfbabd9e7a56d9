// Scale of every lockfile format (issue 17 item 8): `check` (offline DB, JSON, a base/head pair) and `ls` at 5,000
// and 50,000 packages, with peak RSS (target ≤ 300 MB at 50k) and CPU ms per 1k packages at both sizes (linear:
// the two should be close). The JS formats come from synthetic-js-lockfiles.mjs, the others from scale-formats.mjs.
// BENCH_SIZES=5000,50000 and BENCH_FORMATS=Cargo.lock,poetry.lock narrow a run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMATS, syntheticPair } from './scale-formats.mjs';
import { syntheticJsLockfiles } from './synthetic-js-lockfiles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lockwarden.js');
const sizes = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);
const only = process.env.BENCH_FORMATS?.split(',');

/** CPU ms (user + sys) and peak RSS of one run, from GNU time's output on stderr. */
function measure(args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'LWTIME %U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LWTIME '));
  if (![0, 1].includes(r.status) || !line) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-800)}`);
  const [, user, sys, kb] = line.split(' ').map(Number);
  return { cpuMs: (user + sys) * 1000, rssMb: kb / 1024 };
}

function pairs(size) {
  const out = Object.entries(syntheticJsLockfiles(size)).map(([file, pair]) => [file, pair]);
  for (const file of Object.keys(FORMATS)) out.push([file, syntheticPair(file, size)]);
  return out.filter(([file]) => !only || only.includes(file));
}

const work = join(tmpdir(), 'lockwarden-scale-bench');
// An offline OSV database with data for every ecosystem (an ecosystem without data fails closed, exit 2): the
// example npm records, and one record of an unrelated package for each other ecosystem.
const db = join(work, 'osv-db');
rmSync(db, { recursive: true, force: true });
cpSync(join(root, 'examples', 'osv-db', 'npm'), join(db, 'npm'), { recursive: true, filter: (src) => !src.includes('.lockwarden-index') });
for (const ecosystem of ['crates.io', 'PyPI', 'Go', 'RubyGems', 'Packagist', 'Maven', 'NuGet', 'Pub', 'Hex', 'CocoaPods', 'SwiftURL']) {
  mkdirSync(join(db, ecosystem), { recursive: true });
  const record = {
    id: `BENCH-${ecosystem}`,
    modified: '2026-01-01T00:00:00Z',
    summary: 'an advisory for a package no synthetic lockfile has',
    affected: [{ package: { ecosystem, name: 'not-in-any-lockfile' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }],
  };
  writeFileSync(join(db, ecosystem, 'BENCH-0001.json'), JSON.stringify(record));
}
const table = new Map();
for (const size of sizes) {
  for (const [file, [baseText, headText]] of pairs(size)) {
    const dir = join(work, String(size), file.replace(/[/.]/g, '-'));
    const name = file.split('/').pop();
    for (const [side, text] of [['base', baseText], ['head', headText]]) {
      mkdirSync(join(dir, side), { recursive: true });
      writeFileSync(join(dir, side, name), text);
    }
    const check = measure([cli, 'check', '--base-dir', join(dir, 'base'), '--head-dir', join(dir, 'head'), '--offline', '--db', db, '--format', 'json']);
    const ls = measure([cli, 'ls', '--format', 'json', join(dir, 'head', name)]);
    const row = table.get(file) ?? {};
    row[size] = { check, ls };
    table.set(file, row);
    console.log(
      `${file.padEnd(20)} ${String(size).padStart(6)} pkgs  check ${check.cpuMs.toFixed(0).padStart(6)} ms CPU ` +
        `${((check.cpuMs / size) * 1000).toFixed(0).padStart(5)} ms/1k  ${check.rssMb.toFixed(0).padStart(4)} MB   ` +
        `ls ${ls.cpuMs.toFixed(0).padStart(6)} ms ${ls.rssMb.toFixed(0).padStart(4)} MB`,
    );
  }
}
if (sizes.length > 1) {
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  console.log(`\ncheck ms per 1k packages, ${large} vs ${small} (1.0 = linear), and peak RSS at ${large} (target <= 300 MB)`);
  for (const [file, row] of table) {
    if (!row[small] || !row[large]) continue;
    const ratio = (row[large].check.cpuMs / large) / (row[small].check.cpuMs / small);
    const rss = row[large].check.rssMb;
    console.log(`${file.padEnd(20)} ${ratio.toFixed(2).padStart(5)}x   ${rss.toFixed(0).padStart(4)} MB ${rss > 300 ? 'OVER' : 'ok'}`);
  }
}
