// Gemfile.lock with 2,000 gems and their dependency lines: median parse time.
import { loadLockfileParser } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const GEMS = 2000;
const random = prng(2001);
const specs = Array.from({ length: GEMS }, (_, i) => {
  const deps = Array.from({ length: i % 5 }, (_, k) => `      gem-${(i * 11 + k * 17 + 1) % GEMS} (>= ${k}.0, < ${k + 2})`);
  return [`    gem-${i} (${1 + (i % 4)}.${Math.floor(random() * 20)}.${i % 7})`, ...deps].join('\n');
});
const text = `GEM\n  remote: https://rubygems.org/\n  specs:\n${specs.join('\n')}\n\nPLATFORMS\n  x86_64-linux\n\nDEPENDENCIES\n${Array.from({ length: 50 }, (_, i) => `  gem-${i * 7}`).join('\n')}\n\nBUNDLED WITH\n   2.5.6\n`;

const parser = await loadLockfileParser('Gemfile.lock');
const parse = () => parser.parse(text, 'Gemfile.lock');
const count = parse().packages.length;
if (count !== GEMS) throw new Error(`expected ${GEMS} packages, got ${count}`);
report(`Gemfile.lock, ${GEMS} gems (${(text.length / 1024).toFixed(0)} KiB)`, await medianMs(parse, { runs: 15, warmup: 3 }));
