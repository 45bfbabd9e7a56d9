// SBOM generation for a 5,000-package package-lock.json, next to `cyclonedx-npm --package-lock-only` on the same file.
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSbom, parseLockfileText } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const COUNT = 5000;

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

const dir = mkdtempSync(join(tmpdir(), 'lockwarden-bench-sbom-'));
try {
  const lock = makeLockfile(COUNT);
  const text = JSON.stringify(lock, null, 2);
  writeFileSync(join(dir, 'package-lock.json'), text);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', dependencies: lock.packages[''].dependencies }));

  const inventory = await parseLockfileText(text, 'package-lock.json');
  const options = { toolVersion: 'bench', reproducible: true };
  const bom = generateSbom([inventory], options);
  console.log(`${inventory.packages.length} packages, SBOM ${(bom.length / 1024 / 1024).toFixed(1)} MiB`);

  const generateMs = await medianMs(() => generateSbom([inventory], options), { runs: 5, warmup: 1 });
  report(`sbom: generate (build + serialize) ${COUNT} packages`, generateMs);
  const parseAndGenerate = await medianMs(async () => generateSbom([await parseLockfileText(text, 'package-lock.json')], options), {
    runs: 5,
    warmup: 1,
  });
  report(`sbom: parse package-lock.json + generate`, parseAndGenerate);

  const cli = join(repo, 'packages', 'cli', 'bin', 'lockwarden.js');
  const cliMs = await medianMs(
    () => {
      execFileSync(process.execPath, [cli, 'sbom', '--reproducible', '-o', 'lw.json'], { cwd: dir, stdio: 'ignore' });
    },
    { runs: 3, warmup: 1 },
  );
  const baseline = { name: 'lockwarden sbom (CLI process)', ms: cliMs };
  report(baseline.name, cliMs);

  const peer = join(repo, 'node_modules', '.bin', 'cyclonedx-npm');
  if (!existsSync(peer)) {
    console.log('cyclonedx-npm: skipped (not installed; it is a root devDependency, run npm install)');
  } else {
    // One timed run: cyclonedx-npm takes seconds to minutes here, and its first run is the one users wait for.
    const args = ['--package-lock-only', '--output-reproducible', '--no-validate', '-o', 'peer.json'];
    const started = performance.now();
    const run = spawnSync(peer, args, { cwd: dir, encoding: 'utf8', timeout: 600_000 });
    const peerMs = performance.now() - started;
    if (run.status !== 0) {
      console.log(`cyclonedx-npm: skipped (exit ${run.status ?? run.signal}): ${(run.stderr ?? '').split('\n').slice(-3).join(' ')}`);
    } else {
      const peerComponents = JSON.parse(readFileSync(join(dir, 'peer.json'), 'utf8')).components.length;
      report(`cyclonedx-npm --package-lock-only (1 run, ${peerComponents} components)`, peerMs, baseline);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
