// `lockwarden sbom` against `cyclonedx-npm --package-lock-only` on 1k- and 4k-entry package-lock folders: whole
// processes, wall time, the same component set checked, the ratio printed (target 20x, goal 50x); and in process,
// the direct JSON writer against the CycloneDX library path it replaced. Nothing touches the network: the peer's
// `npm ls` runs offline against a registry nobody listens on.
// BENCH_SIZES=1000,4000  BENCH_RUNS=5 (lockwarden)  BENCH_PEER_RUNS=3 (cyclonedx-npm).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSbom, generateSbomWithLibrary, loadWorkTreeInventories } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A package-lock.json v3 with COUNT hoisted packages in three layers (40 direct, 500 in the middle, the rest leaves),
 * so every package is reachable and the tree has about as many paths as packages: `npm ls --all`, which
 * cyclonedx-npm runs, expands every path, and a random deep DAG would make it explode.
 */
function makeLockfile(count) {
  const rand = prng(42);
  const name = (i) => (i % 10 === 0 ? `@scope${i % 7}/pkg-${i}` : `pkg-${i}`);
  const version = (i) => `1.${i % 17}.${i % 5}`;
  const DIRECT = 40;
  const MIDDLE = 500;
  const perDirect = Math.floor(MIDDLE / DIRECT);
  const perMiddle = Math.ceil((count - DIRECT - MIDDLE) / MIDDLE);
  const depsOf = (i) => {
    if (i < DIRECT) return Array.from({ length: perDirect }, (_, k) => DIRECT + i * perDirect + k);
    if (i < DIRECT + MIDDLE) {
      const first = DIRECT + MIDDLE + (i - DIRECT) * perMiddle;
      return Array.from({ length: perMiddle }, (_, k) => first + k).filter((j) => j < count);
    }
    return [];
  };
  const rootDeps = [...Array.from({ length: DIRECT }, (_, i) => i)];
  for (let j = DIRECT + DIRECT * perDirect; j < DIRECT + MIDDLE; j++) rootDeps.push(j);
  const packages = {
    '': {
      name: 'bench-app',
      version: '1.0.0',
      dependencies: Object.fromEntries(rootDeps.map((i) => [name(i), version(i)])),
    },
  };
  for (let i = 0; i < count; i++) {
    const deps = Object.fromEntries(depsOf(i).map((j) => [name(j), version(j)]));
    const bare = name(i).split('/').pop();
    packages[`node_modules/${name(i)}`] = {
      version: version(i),
      resolved: `https://registry.example.org/${name(i)}/-/${bare}-${version(i)}.tgz`,
      integrity: `sha512-${createHash('sha512').update(String(rand())).digest('base64')}`,
      license: 'MIT',
      ...(Object.keys(deps).length > 0 ? { dependencies: deps } : {}),
    };
  }
  return { name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

const SIZES = (process.env.BENCH_SIZES ?? '1000,4000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 3);
const cli = join(repo, 'packages', 'cli', 'bin', 'lockwarden.js');
const peer = join(repo, 'node_modules', '.bin', 'cyclonedx-npm');
// cyclonedx-npm runs `npm ls`; a registry nobody listens on and offline mode make sure nothing leaves the machine.
const OFFLINE_NPM = {
  ...process.env,
  npm_config_offline: 'true',
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** Median wall time of running `command args` in `cwd` (fresh process each run); throws when it fails. */
function processMs(command, args, cwd, runs, env = process.env) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
    samples.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status ?? run.signal}: ${(run.stderr ?? '').slice(-500)}`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** The purls (without qualifiers) of every component, nested ones included. */
function purls(file) {
  const out = new Set();
  const walk = (components = []) => {
    for (const c of components) {
      if (c.purl) out.add(c.purl.split('?')[0]);
      walk(c.components);
    }
  };
  walk(JSON.parse(readFileSync(file, 'utf8')).components);
  return out;
}

for (const count of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'lockwarden-bench-sbom-'));
  try {
    const lock = makeLockfile(count);
    const text = JSON.stringify(lock, null, 2);
    writeFileSync(join(dir, 'package-lock.json'), text);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', dependencies: lock.packages[''].dependencies }));
    console.log(`\n${count.toLocaleString('en-US')}-entry package-lock.json`);

    // In process: the direct writer against the CycloneDX library path it replaced (same bytes).
    const [inventory] = await loadWorkTreeInventories(dir, ['package-lock.json']);
    const options = { toolVersion: 'bench', reproducible: true };
    if (generateSbom([inventory], options) !== generateSbomWithLibrary([inventory], options)) throw new Error('the writers disagree');
    const library = await medianMs(() => generateSbomWithLibrary([inventory], options), { runs: 5, warmup: 1 });
    report(`in process: CycloneDX library path (models + normalizer)`, library);
    report(`in process: direct JSON writer`, await medianMs(() => generateSbom([inventory], options), { runs: 5, warmup: 1 }), { name: 'library path', ms: library });

    const ours = processMs(process.execPath, [cli, 'sbom', '--reproducible', '-o', 'lw.json'], dir, RUNS);
    const baseline = { name: 'lockwarden sbom', ms: ours };
    report(`lockwarden sbom (whole process, median of ${RUNS})`, ours);
    if (!existsSync(peer)) {
      console.log('cyclonedx-npm: skipped (not installed; it is a root devDependency, run npm ci)');
      continue;
    }
    const peerArgs = ['--package-lock-only', '--output-reproducible', '--no-validate', '-o', 'peer.json'];
    let peerMs;
    try {
      peerMs = processMs(peer, peerArgs, dir, PEER_RUNS, OFFLINE_NPM);
    } catch (err) {
      console.log(`cyclonedx-npm: skipped (${err.message.split('\n')[0]})`);
      continue;
    }
    const mine = purls(join(dir, 'lw.json'));
    const theirs = purls(join(dir, 'peer.json'));
    const same = mine.size === theirs.size && [...mine].every((p) => theirs.has(p));
    if (!same) throw new Error(`component sets differ: lockwarden ${mine.size}, cyclonedx-npm ${theirs.size}`);
    report(`cyclonedx-npm --package-lock-only (median of ${PEER_RUNS}, ${theirs.size} components, same purls)`, peerMs, baseline);
    console.log(`lockwarden sbom is ${(peerMs / ours).toFixed(1)}x faster than cyclonedx-npm at ${count} entries (target 20x, goal 50x)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
