/**
 * Shared timing for the linear-time tests: the cost of a parse as the minimum of a few runs (load only ever adds
 * time), and a ratio check that a quadratic parser fails every time while a loaded machine still passes.
 */

/** Milliseconds of one parse: repeated until 30 ms have passed (short parses are otherwise timer noise). */
export function timeOnce(parse: (text: string) => unknown, text: string): number {
  let reps = 0;
  const started = performance.now();
  do {
    try {
      parse(text);
    } catch {
      // Rejection is fine; only the time counts here.
    }
    reps++;
  } while (performance.now() - started < 30);
  return (performance.now() - started) / reps;
}

/**
 * Times `small` and `large` (ten times the size) and returns the ratio with a description. Small is measured
 * three times after a warm-up; large once, and again only while the ratio is over `maxRatio` (a burst of load).
 */
export function sizeRatio(parse: (text: string) => unknown, small: string, large: string, maxRatio: number): { ratio: number; detail: string } {
  timeOnce(parse, small); // warm up the JIT
  const smallMs = Math.min(...[0, 1, 2].map(() => timeOnce(parse, small)));
  let largeMs = Infinity;
  for (let attempt = 0; attempt < 3 && largeMs / smallMs > maxRatio; attempt++) {
    largeMs = Math.min(largeMs, timeOnce(parse, large));
  }
  return { ratio: largeMs / smallMs, detail: `${smallMs.toFixed(1)} ms small, ${largeMs.toFixed(1)} ms large` };
}
