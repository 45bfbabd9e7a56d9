// Typosquat detection speed: building the npm index once, then checking 5,000 names (target: <= 1 s).
// Two inputs: the top 5,000 npm names judged as if new (every one probes every index: the worst case), and 5,000
// synthetic mutations of popular names (what a PR full of typos would look like).
import { loadBundledSnapshot, TyposquatDetector } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const snapshot = loadBundledSnapshot('npm');
const build = await medianMs(() => new TyposquatDetector(snapshot), { runs: 3, warmup: 1 });
report('build npm index (25,000 targets)', build);

const detector = new TyposquatDetector(snapshot);
const top = snapshot.names.slice(0, 5000);
const asNew = await medianMs(() => {
  for (const n of top) detector.check(n, { ignoreSelf: true, ignoreOwnPopularity: true });
});
report('check top 5,000 npm names as new', asNew);

const rand = prng(42);
const letters = 'abcdefghijklmnopqrstuvwxyz';
const mutants = top.map((n) => {
  const i = Math.floor(rand() * n.length);
  const c = letters[Math.floor(rand() * letters.length)];
  return n.slice(0, i) + c + n.slice(i + 1);
});
const mutated = await medianMs(() => {
  for (const n of mutants) detector.check(n);
});
report('check 5,000 one-letter mutations', mutated);
