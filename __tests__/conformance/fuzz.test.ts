import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allLockfileParsers, isLockwardenError, type LockfileParser } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../helpers/conformance.js';

/** Mutated inputs per format in the default run (issue: at least 2,000). */
const MUTATIONS_PER_FORMAT = Number(process.env.LOCKWARDEN_FUZZ_RUNS ?? 2000);

/** mulberry32: deterministic, so a failure reproduces from the printed seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = ['{', '}', '[', ']', '"', ':', ',', '\n', '\t', ' ', '#', '-', '=', '@', '\\', '\0', '\u00ff', "'", '|', '<', '>', '&'];

function mutate(text: string, rand: () => number): string {
  const pick = (n: number): number => Math.floor(rand() * n);
  const pos = pick(text.length + 1);
  switch (pick(9)) {
    case 0: // truncate
      return text.slice(0, pos);
    case 1: // delete a span
      return text.slice(0, pos) + text.slice(pos + 1 + pick(40));
    case 2: // insert a structural character
      return text.slice(0, pos) + (SPECIAL[pick(SPECIAL.length)] ?? '') + text.slice(pos);
    case 3: // replace a character
      return text.slice(0, pos) + String.fromCharCode(pick(0x250)) + text.slice(pos + 1);
    case 4: {
      // duplicate a line
      const lines = text.split('\n');
      const i = pick(lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 5: // deep nesting, past what naive recursion survives
      return text.slice(0, pos) + (rand() < 0.5 ? '[' : '{"a":').repeat(12_000) + text.slice(pos);
    case 6: // an enormous line
      return text.slice(0, pos) + 'a'.repeat(50_000 + pick(100_000)) + text.slice(pos);
    case 7: // binary garbage
      return Array.from({ length: 1 + pick(512) }, () => String.fromCharCode(pick(256))).join('');
    default: {
      // swap two lines
      const lines = text.split('\n');
      const i = pick(lines.length);
      const j = pick(lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    }
  }
}

function fixturesFor(parser: LockfileParser): string[] {
  const files: string[] = [];
  for (const folder of parser.conformance ?? []) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (statSync(full).size < 200_000) files.push(full);
      }
    };
    const testdata = join(CONFORMANCE_DIR, 'lockfiles', folder, 'testdata');
    if (existsSync(testdata)) walk(testdata);
  }
  return files.sort();
}

const available = conformanceAvailable();

describe.skipIf(!available)('parsers survive hostile input', () => {
  const fuzzed = allLockfileParsers().filter((p) => fixturesFor(p).length > 0);
  it('fuzzes every registered lockfile parser', () => {
    expect(fuzzed.map((p) => p.id)).toEqual(allLockfileParsers().map((p) => p.id));
  });
  for (const parser of fuzzed) {
    const fixtures = fixturesFor(parser);
    if (fixtures.length === 0) continue;
    it(`${parser.id}: ${MUTATIONS_PER_FORMAT} mutated inputs give an inventory or a typed error`, () => {
      const texts = fixtures.map((f) => readFileSync(f, 'latin1'));
      const rand = prng(0x10c3 + parser.id.length);
      let parsed = 0;
      let rejected = 0;
      for (let i = 0; i < MUTATIONS_PER_FORMAT; i++) {
        let text = texts[i % texts.length] ?? '';
        // Stack a few mutations now and then, so the input drifts further from valid.
        const rounds = 1 + (rand() < 0.2 ? 2 : 0);
        for (let r = 0; r < rounds; r++) text = mutate(text, rand);
        try {
          const inventory = parser.parse(text, `fuzz/${parser.id}`, { readRelated: () => undefined });
          expect(Array.isArray(inventory.packages)).toBe(true);
          parsed++;
        } catch (err) {
          if (!isLockwardenError(err)) {
            throw new Error(`${parser.id} mutation #${i} threw an untyped ${String(err)}`, { cause: err });
          }
          rejected++;
        }
      }
      expect(parsed + rejected).toBe(MUTATIONS_PER_FORMAT);
    });
  }
});
