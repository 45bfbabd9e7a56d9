// Lockfile parse speed on deterministic synthetic lockfiles, against the raw parse of the same bytes
// (JSON.parse for package-lock.json, yaml's parse for pnpm-lock.yaml). 5k and 50k packages side by side
// show the scaling: linear work gives ~10x the time for 10x the packages; quadratic would give ~100x.
import { parse as parseYamlText } from 'yaml';
import { loadLockfileParser } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const SCOPES = ['@acme', '@types', '@babel', '@octo'];
const LICENSES = ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause'];

function integrity(rand) {
  const bytes = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) bytes[i] = Math.floor(rand() * 256);
  return `sha512-${bytes.toString('base64')}`;
}

function version(rand) {
  return `${Math.floor(rand() * 12)}.${Math.floor(rand() * 30)}.${Math.floor(rand() * 20)}`;
}

/** `count` distinct package names, a tenth of them scoped. */
function names(rand, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(rand() < 0.1 ? `${SCOPES[i % SCOPES.length]}/pkg-${i.toString(36)}` : `pkg-${i.toString(36)}-${Math.floor(rand() * 1000)}`);
  }
  return out;
}

/**
 * An npm lockfile v3 with `count` package entries: ~85% hoisted under node_modules/, the rest nested one or
 * two levels deep (other versions of hoisted names), each with resolved URL, integrity, license, engines,
 * 0-5 dependencies, and dev/optional flags on some.
 */
export function syntheticPackageLock(count, seed = 1) {
  const rand = prng(seed);
  const hoisted = names(rand, Math.floor(count * 0.85));
  const packages = {
    '': {
      name: 'bench-app',
      version: '1.0.0',
      dependencies: Object.fromEntries(hoisted.slice(0, 60).map((n) => [n, '^1.0.0'])),
      devDependencies: Object.fromEntries(hoisted.slice(60, 90).map((n) => [n, '^1.0.0'])),
    },
  };
  const entry = (name) => {
    const v = version(rand);
    const deps = {};
    const n = Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) deps[hoisted[Math.floor(rand() * hoisted.length)]] = `^${version(rand)}`;
    const e = {
      version: v,
      resolved: `https://registry.example.org/${name}/-/${name.split('/').pop()}-${v}.tgz`,
      integrity: integrity(rand),
    };
    const flag = rand();
    if (flag < 0.3) e.dev = true;
    else if (flag < 0.35) e.optional = true;
    else if (flag < 0.37) e.devOptional = true;
    e.license = LICENSES[Math.floor(rand() * LICENSES.length)];
    if (n > 0) e.dependencies = deps;
    e.engines = { node: `>=${Math.floor(rand() * 20)}` };
    return e;
  };
  for (const name of hoisted) packages[`node_modules/${name}`] = entry(name);
  let nested = 0;
  while (hoisted.length + nested < count) {
    const parent = hoisted[Math.floor(rand() * hoisted.length)];
    const child = hoisted[Math.floor(rand() * hoisted.length)];
    const deeper = rand() < 0.2 ? `/node_modules/${hoisted[Math.floor(rand() * hoisted.length)]}` : '';
    const key = `node_modules/${parent}${deeper}/node_modules/${child}`;
    if (packages[key] || child === parent) continue;
    packages[key] = entry(child);
    nested++;
  }
  return { text: JSON.stringify({ name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2), nested };
}

/** A pnpm v9 lockfile with `count` packages: importers, packages and snapshots, some with peer suffixes. */
export function syntheticPnpmLock(count, seed = 2) {
  const rand = prng(seed);
  const list = names(rand, count).map((name) => ({ name, version: version(rand) }));
  const key = (p) => `${p.name}@${p.version}`;
  const quote = (s) => (s.startsWith('@') ? `'${s}'` : s);
  const lines = ["lockfileVersion: '9.0'", '', 'settings:', '  autoInstallPeers: true', '  excludeLinksFromLockfile: false', '', 'importers:', '', '  .:', '    dependencies:'];
  for (const p of list.slice(0, 60)) lines.push(`      ${quote(p.name)}:`, '        specifier: ^1.0.0', `        version: ${p.version}`);
  lines.push('', 'packages:', '');
  for (const p of list) {
    lines.push(`  ${quote(key(p))}:`, `    resolution: {integrity: ${integrity(rand)}}`, `    engines: {node: '>=${Math.floor(rand() * 20)}'}`, '');
  }
  lines.push('snapshots:', '');
  for (const p of list) {
    const peer = rand() < 0.1 ? list[Math.floor(rand() * list.length)] : undefined;
    const snapshotKey = peer ? `${key(p)}(${key(peer)})` : key(p);
    const n = Math.floor(rand() * 5);
    if (n === 0) {
      lines.push(`  ${quote(snapshotKey)}: {}`, '');
      continue;
    }
    lines.push(`  ${quote(snapshotKey)}:`, '    dependencies:');
    const seen = new Set();
    for (let i = 0; i < n; i++) {
      const dep = list[Math.floor(rand() * list.length)];
      if (seen.has(dep.name)) continue;
      seen.add(dep.name);
      lines.push(`      ${quote(dep.name)}: ${dep.version}`);
    }
    lines.push('');
  }
  return { text: lines.join('\n') };
}

const mb = (text) => `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`;

/** Median CPU time (user + system, all threads) of fn: steadier than wall time on a busy machine. */
function medianCpuMs(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function benchNpm(count, runs) {
  const { text, nested } = syntheticPackageLock(count);
  const parser = await loadLockfileParser('package-lock.json');
  const inventory = parser.parse(text, 'package-lock.json');
  const label = `npm v3 ${count.toLocaleString('en')} pkgs (${mb(text)}, ${nested} nested)`;
  const baseline = { name: 'JSON.parse', ms: await medianMs(() => JSON.parse(text), runs) };
  const ms = await medianMs(() => parser.parse(text, 'package-lock.json'), runs);
  report(`${label}: ${inventory.packages.length} pkgs, ${inventory.edges.length} edges`, ms, baseline);
  const cpuBaseline = { name: 'JSON.parse', ms: medianCpuMs(() => JSON.parse(text), runs.runs) };
  report(`  same, CPU time`, medianCpuMs(() => parser.parse(text, 'package-lock.json'), runs.runs), cpuBaseline);
  return { ms, baseline: baseline.ms };
}

async function benchPnpm(count) {
  const { text } = syntheticPnpmLock(count);
  const parser = await loadLockfileParser('pnpm-lock.yaml');
  const inventory = parser.parse(text, 'pnpm-lock.yaml');
  // parseYaml (parse/yaml.ts) composes with uniqueKeys: false; yaml's default duplicate-key check is
  // quadratic in the size of a mapping, which would flatter the ratio, so the baseline uses the same option.
  const baseline = {
    name: 'yaml parse',
    ms: await medianMs(() => parseYamlText(text, { uniqueKeys: false, maxAliasCount: 100 }), { runs: 7, warmup: 2 }),
  };
  const ms = await medianMs(() => parser.parse(text, 'pnpm-lock.yaml'), { runs: 7, warmup: 2 });
  report(`pnpm v9 ${count.toLocaleString('en')} pkgs (${mb(text)}): ${inventory.packages.length} pkgs, ${inventory.edges.length} edges`, ms, baseline);
}

async function main() {
  const small = await benchNpm(5_000, { runs: 9, warmup: 2 });
  const large = await benchNpm(50_000, { runs: 5, warmup: 1 });
  // About 50 MB of lockfile: the size the issue asks to parse without quadratic behaviour.
  const huge = await benchNpm(110_000, { runs: 3, warmup: 1 });
  const scale = (a, b) => (b.ms / a.ms).toFixed(1);
  const scaleJson = (a, b) => (b.baseline / a.baseline).toFixed(1);
  console.log(
    `npm scaling (linear ~10x / ~22x, quadratic ~100x / ~480x): 5k -> 50k ${scale(small, large)}x (JSON.parse ${scaleJson(small, large)}x), ` +
      `5k -> 110k ${scale(small, huge)}x (JSON.parse ${scaleJson(small, huge)}x)`,
  );
  await benchPnpm(5_000);
}

// Importable (for profiling the generators) without running.
if (import.meta.url === `file://${process.argv[1]}`) await main();
