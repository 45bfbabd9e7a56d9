// Whole-process startup of the CLI: `--version`, `--help` and `ls` of a small lockfile, each a fresh `node`
// process, against `node -e 0` in the same run. Variants run interleaved (one of each per round), so drift in the
// machine's load hits all of them alike; both wall time and the child's own CPU time are reported (medians).
// LOCKWARDEN_BINS="lazy=packages/cli/bin/lockwarden.js,ncc=/tmp/ncc/index.js" compares ways of shipping the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cpuHook = join(here, 'cpu-usage.mjs');
const bins = (process.env.LOCKWARDEN_BINS ?? `modules=${join(root, 'packages', 'cli', 'bin', 'lockwarden.js')}`)
  .split(',')
  .map((pair) => pair.split('='))
  .map(([name, path]) => ({ name, path: resolve(root, path) }));
const runs = Number(process.env.BENCH_RUNS ?? 9);

const dir = mkdtempSync(join(tmpdir(), 'lw-startup-'));
const packages = { '': { name: 'app', version: '1.0.0', dependencies: { ms: '2.1.3' } } };
for (const name of ['ms', 'debug', 'left-pad']) {
  packages[`node_modules/${name}`] = { version: '1.0.0', resolved: `https://registry.example.org/${name}/-/${name}-1.0.0.tgz`, integrity: 'sha512-AAAA' };
}
writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));

/** One run: wall ms and the child's CPU ms. */
function run(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', cpuHook, ...args], { cwd: dir, encoding: 'utf8' });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = Number(/CPU-USAGE ([\d.]+)/.exec(r.stderr)?.[1]);
  return { wall, cpu };
}

const cases = [{ label: 'node -e 0', args: ['-e', '0'] }];
for (const bin of bins) {
  for (const [label, args] of [['--version', ['--version']], ['--help', ['--help']], ['ls (3 packages)', ['ls']]]) {
    cases.push({ label: `${bin.name}: lockwarden ${label}`, args: [bin.path, ...args] });
  }
}
const samples = cases.map(() => ({ wall: [], cpu: [] }));
for (let round = 0; round < runs + 1; round++) {
  cases.forEach((c, i) => {
    const s = run(c.args);
    if (round > 0) {
      samples[i].wall.push(s.wall);
      samples[i].cpu.push(s.cpu);
    }
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = { wall: median(samples[0].wall), cpu: median(samples[0].cpu) };
cases.forEach((c, i) => {
  const wall = median(samples[i].wall);
  const cpu = median(samples[i].cpu);
  console.log(
    `${c.label.padEnd(40)} wall ${wall.toFixed(0).padStart(5)} ms (${(wall / floor.wall).toFixed(2)}x)   cpu ${cpu.toFixed(0).padStart(5)} ms (${(cpu / floor.cpu).toFixed(2)}x)`,
  );
});
console.log(`medians of ${runs} interleaved runs; ratios against node -e 0`);
