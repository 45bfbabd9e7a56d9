// Shared by every bench script: medians over repeated runs, and a uniform report line.
import { performance } from 'node:perf_hooks';

/** Runs fn `runs` times after `warmup` runs and returns the median wall time in milliseconds. */
export async function medianMs(fn, { runs = 7, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Prints one result row: name, median, and the ratio to a baseline when given. */
export function report(name, ms, baseline) {
  const ratio = baseline === undefined ? '' : `  ratio ${(ms / baseline.ms).toFixed(2)}x vs ${baseline.name} (${baseline.ms.toFixed(1)} ms)`;
  console.log(`${name.padEnd(58)} median ${ms.toFixed(1).padStart(8)} ms${ratio}`);
}

/** A small deterministic PRNG (mulberry32) so synthetic inputs are identical on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
