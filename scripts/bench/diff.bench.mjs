// Diff of two 5,000-package inventories that differ by 5% (issue target: <= 20 ms).
import { diffInventories, buildPurl } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

function makeInventory(count, seed, changeRate, baseNames) {
  const rand = prng(seed);
  const packages = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    let name = baseNames ? baseNames[i] : `pkg-${i.toString(36)}-${Math.floor(rand() * 1e6).toString(36)}`;
    let version = `1.${i % 17}.${i % 5}`;
    if (baseNames && rand() < changeRate) {
      // Half of the changes are upgrades, half are new packages replacing old ones.
      if (rand() < 0.5) version = `2.${i % 17}.0`;
      else name = `${name}-new`;
    }
    const direct = i < 40;
    const id = `node_modules/${name}`;
    packages.push({
      id,
      ecosystem: 'npm',
      name,
      version,
      purl: buildPurl('npm', undefined, name, version),
      direct,
      scopes: [],
      integrity: [],
      source: { kind: 'registry' },
      location: { file: 'package-lock.json', line: i * 12 + 5 },
    });
    if (direct) edges.push({ from: '', to: id });
    for (let d = 0; d < 3; d++) edges.push({ from: id, to: `node_modules/${(baseNames ?? [])[Math.floor(rand() * count)] ?? name}` });
  }
  return { lockfile: 'package-lock.json', format: 'package-lock.json', ecosystem: 'npm', packages, edges, projects: [{ id: '', path: '' }] };
}

const base = makeInventory(5000, 1, 0);
const head = makeInventory(5000, 2, 0.05, base.packages.map((p) => p.name));
const changes = diffInventories([base], [head]);
const ms = await medianMs(() => diffInventories([base], [head]), { runs: 15, warmup: 3 });
report(`diff 5,000 vs 5,000 packages (${changes.length} changes)`, ms);
