// composer.lock with 2,000 packages (source, dist, require): median parse time.
import { loadLockfileParser } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const PACKAGES = 2000;
const random = prng(2002);
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const entry = (i) => {
  const name = `vendor${i % 37}/package-${i}`;
  const ref = hex(40);
  const require = Object.fromEntries([['php', '>=8.1'], ...Array.from({ length: i % 5 }, (_, k) => [`vendor${(i + k + 1) % 37}/package-${(i * 13 + k + 1) % PACKAGES}`, '^1.0'])]);
  return {
    name,
    version: `${1 + (i % 5)}.${Math.floor(random() * 20)}.${i % 9}`,
    source: { type: 'git', url: `https://git.example.org/${name}.git`, reference: ref },
    dist: { type: 'zip', url: `https://dist.example.org/${name}/${ref}.zip`, reference: ref, shasum: hex(40) },
    require,
    type: 'library',
    license: ['MIT'],
  };
};
const all = Array.from({ length: PACKAGES }, (_, i) => entry(i));
const text = JSON.stringify({ 'content-hash': hex(32), packages: all.slice(0, 1600), 'packages-dev': all.slice(1600) }, null, 4);

const parser = await loadLockfileParser('composer.lock');
const parse = () => parser.parse(text, 'composer.lock');
const count = parse().packages.length;
if (count !== PACKAGES) throw new Error(`expected ${PACKAGES} packages, got ${count}`);
report(`composer.lock, ${PACKAGES} packages (${(text.length / 1024).toFixed(0)} KiB)`, await medianMs(parse, { runs: 15, warmup: 3 }));
