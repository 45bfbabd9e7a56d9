import { ParseError } from '@lockwarden/core';
import { seededRandom } from '../../scripts/fuzz/mutate.mjs';

// One PRNG and one set of hostile mutations for the fuzz harness (scripts/fuzz.mjs) and every fuzz test.
export { mutateOnce, mutateSeeds, MUTATIONS, seededRandom } from '../../scripts/fuzz/mutate.mjs';

// Characters that matter to the formats under test: structure, quoting, binary garbage.
const NOISE = ['\n', ' ', '  ', '\t', '"', "'", '`', '(', ')', '[', ']', '{', '}', ',', ':', '=', '=>', '#', '//', '!', '-', '.', '\\', '\u0000', '\u0007', '\ufffd', 'é', 'v', '0', '9'];

/**
 * `count` deterministic mutations of the seed texts: truncations, deleted / duplicated / swapped spans and
 * lines, inserted structural characters and binary bytes.
 */
export function mutations(seeds: readonly string[], count: number, seed = 1): string[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = pick(seeds);
    const rounds = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < rounds; r++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const len = Math.floor(rnd() * 40);
      switch (Math.floor(rnd() * 7)) {
        case 0:
          text = text.slice(0, at);
          break;
        case 1:
          text = text.slice(0, at) + text.slice(at + len);
          break;
        case 2:
          text = text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
          break;
        case 3:
          text = text.slice(0, at) + pick(NOISE) + text.slice(at);
          break;
        case 4: {
          const lines = text.split('\n');
          const a = Math.floor(rnd() * lines.length);
          const b = Math.floor(rnd() * lines.length);
          [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
          text = lines.join('\n');
          break;
        }
        case 5: {
          const lines = text.split('\n');
          lines.splice(Math.floor(rnd() * lines.length), 1);
          text = lines.join('\n');
          break;
        }
        default:
          text = text.slice(0, at) + pick(NOISE) + text.slice(at + 1);
      }
    }
    out.push(text);
  }
  return out;
}

/**
 * Runs `parse` on every input; each must either return or throw a `ParseError` that names the file and a line.
 * Returns how many inputs were rejected, plus a description of every other failure (expected to be empty).
 */
export function checkTypedFailures(inputs: readonly string[], parse: (text: string) => unknown): { rejected: number; problems: string[] } {
  let rejected = 0;
  const problems: string[] = [];
  for (const input of inputs) {
    try {
      parse(input);
    } catch (err) {
      if (err instanceof ParseError && err.line !== undefined) {
        rejected++;
        continue;
      }
      problems.push(`${err instanceof Error ? `${err.name}: ${err.message}` : String(err)} <- ${JSON.stringify(input.slice(0, 200))}`);
      if (problems.length >= 10) break;
    }
  }
  return { rejected, problems };
}
