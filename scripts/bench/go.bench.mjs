// go.mod (go 1.16) + go.sum with 3,000 modules: the go.sum is read because go.mod before 1.17 lists only direct requirements.
import { loadLockfileParser } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const MODULES = 3000;
const random = prng(3000);
const hash = () => Buffer.from(Array.from({ length: 32 }, () => Math.floor(random() * 256))).toString('base64');

const modules = Array.from({ length: MODULES }, (_, i) => {
  const host = ['github.com', 'golang.org/x', 'gopkg.in', 'example.org'][i % 4];
  const minor = Math.floor(random() * 40);
  const version =
    i % 7 === 0 ? `v0.0.0-2023${String(1 + (i % 12)).padStart(2, '0')}01000000-${hash().replace(/[^a-z0-9]/g, '').slice(0, 12).padEnd(12, '0')}` : `v1.${minor}.${i % 10}`;
  return { path: `${host}/org${i % 97}/mod${i}`, version };
});
const direct = modules.filter((_, i) => i % 10 === 0);
const goMod = `module example.org/bench\n\ngo 1.16\n\nrequire (\n${direct.map((m) => `\t${m.path} ${m.version}\n`).join('')})\n`;
const goSum = modules.flatMap((m) => [`${m.path} ${m.version} h1:${hash()}`, `${m.path} ${m.version}/go.mod h1:${hash()}`]).join('\n') + '\n';

const parser = await loadLockfileParser('go.mod');
const parse = () => parser.parse(goMod, 'go.mod', { readRelated: (rel) => (rel === 'go.sum' ? goSum : undefined) });
const count = parse().packages.length;
if (count !== MODULES + 1) throw new Error(`expected ${MODULES + 1} packages (modules + stdlib), got ${count}`);
report(`go.mod 1.16 + go.sum, ${MODULES} modules (${(goSum.length / 1024).toFixed(0)} KiB go.sum)`, await medianMs(parse, { runs: 15, warmup: 3 }));
