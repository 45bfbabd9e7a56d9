// SBOM generation for a 5,000-package package-lock.json, next to `cyclonedx-npm --package-lock-only` on the same file.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSbom, parseLockfileText } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const COUNT = 5000;

/** A package-lock.json v3 with COUNT hoisted packages, each depending on up to three later ones. */
function makeLockfile(count) {
  const rand = prng(42);
  const name = (i) => (i % 10 === 0 ? `@scope${i % 7}/pkg-${i}` : `pkg-${i}`);
  const version = (i) => `1.${i % 17}.${i % 5}`;
  const packages = {
    '': {
      name: 'bench-app',
      version: '1.0.0',
      dependencies: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [name(i), version(i)])),
    },
  };
  for (let i = 0; i < count; i++) {
    const deps = {};
    for (let d = 0; d < 3; d++) {
      const j = i + 1 + Math.floor(rand() * 200);
      if (j < count) deps[name(j)] = version(j);
    }
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

  const inventory = parseLockfileText(text, 'package-lock.json');
  const options = { toolVersion: 'bench', reproducible: true };
  const bom = generateSbom([inventory], options);
  console.log(`${inventory.packages.length} packages, SBOM ${(bom.length / 1024 / 1024).toFixed(1)} MiB`);

  const generateMs = await medianMs(() => generateSbom([inventory], options), { runs: 5, warmup: 1 });
  report(`sbom: generate (build + serialize) ${COUNT} packages`, generateMs);
  const parseAndGenerate = await medianMs(() => generateSbom([parseLockfileText(text, 'package-lock.json')], options), {
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
    const probe = spawnSync(peer, ['--package-lock-only', '--output-reproducible', '--no-validate', '-o', 'peer.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (probe.status !== 0) {
      console.log(`cyclonedx-npm: skipped (exit ${probe.status}): ${probe.stderr.split('\n').slice(-3).join(' ')}`);
    } else {
      const peerComponents = JSON.parse(readFileSync(join(dir, 'peer.json'), 'utf8')).components.length;
      const peerMs = await medianMs(
        () => {
          execFileSync(peer, ['--package-lock-only', '--output-reproducible', '--no-validate', '-o', 'peer.json'], {
            cwd: dir,
            stdio: 'ignore',
          });
        },
        { runs: 3, warmup: 0 },
      );
      report(`cyclonedx-npm --package-lock-only (${peerComponents} components)`, peerMs, baseline);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
