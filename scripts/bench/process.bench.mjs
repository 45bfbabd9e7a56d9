// Whole-process costs: `--version`, `ls`, `check` (offline DB, JSON output, base/head pair) and `sbom` on synthetic
// 5k- and 50k-package lockfiles of each JS format, against the floor measured in the same run (node starting,
// reading the input and JSON.parse of the JSON formats). On Linux the times are the children's CPU time (user +
// system, from /proc/self/stat), steadier than wall time on a shared machine; elsewhere wall time.
// BENCH_SIZES=5000 (comma-separated) and BENCH_RUNS=3 narrow a run; 50k samples are fewer (they take seconds).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { syntheticJsLockfiles } from './synthetic-js-lockfiles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lockwarden.js');
const db = join(root, 'examples', 'osv-db');
const sizes = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);
const runsFor = (size) => Number(process.env.BENCH_RUNS ?? (size >= 50_000 ? 1 : 5));

const TICK_MS = 10; // USER_HZ is 100 on Linux
function childCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the command name.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Median cost of running `args` with node (CPU ms of the child on Linux, else wall ms), and its peak RSS. */
function measure(args, runs, { expectStatus = [0, 1] } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = childCpuMs();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = performance.now() - t0;
    const cpu1 = childCpuMs();
    if (!expectStatus.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    samples.push(cpu0 === undefined ? wall : cpu1 - cpu0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const FLOOR = (files) =>
  `const fs = require('node:fs'); for (const f of ${JSON.stringify(files)}) { const t = fs.readFileSync(f, 'utf8'); if (f.endsWith('.json')) JSON.parse(t); }`;

const unit = childCpuMs() === undefined ? 'ms wall' : 'ms CPU';
const row = (label, ms, floor, size) =>
  console.log(
    `${label.padEnd(50)} ${ms.toFixed(0).padStart(7)} ${unit}  ${(ms / floor).toFixed(2).padStart(6)}x floor` +
      (size ? `  ${((ms / size) * 1000).toFixed(1).padStart(7)} ms/1k pkgs` : ''),
  );

const nodeFloor = measure(['-e', '0'], 7);
console.log(`node -e 0: ${nodeFloor.toFixed(0)} ${unit}`);
row('lockwarden --version', measure([cli, '--version'], 7), nodeFloor);

const work = join(tmpdir(), 'lockwarden-process-bench');
for (const size of sizes) {
  const runs = runsFor(size);
  console.log(`\n${size.toLocaleString('en-US')} packages (median of ${runs})`);
  for (const [file, [baseText, headText]] of Object.entries(syntheticJsLockfiles(size))) {
    const dir = join(work, String(size), file.replace(/[/.]/g, '-'));
    const name = file.split('/').pop();
    for (const [side, text] of [['base', baseText], ['head', headText]]) {
      mkdirSync(join(dir, side), { recursive: true });
      writeFileSync(join(dir, side, name), text);
    }
    const base = join(dir, 'base', name);
    const head = join(dir, 'head', name);
    const floor1 = measure(['-e', FLOOR([head])], runs);
    const floor2 = measure(['-e', FLOOR([base, head])], runs);
    row(`${file}: floor (node + read${name.endsWith('.json') ? ' + JSON.parse' : ''})`, floor1, floor1);
    row(`${file}: ls --format json`, measure([cli, 'ls', '--format', 'json', head], runs), floor1, size);
    row(
      `${file}: check (offline, json, base/head)`,
      measure([cli, 'check', '--base-dir', join(dir, 'base'), '--head-dir', join(dir, 'head'), '--offline', '--db', db, '--format', 'json'], runs),
      floor2,
      size,
    );
    row(`${file}: sbom`, measure([cli, 'sbom', head], runs), floor1, size);
  }
}
