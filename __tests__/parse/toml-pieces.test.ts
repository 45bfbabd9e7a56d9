import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseTomlDocument, ParseError, type TomlPieces } from '@lockwarden/core';
import { syntheticPair } from '../../scripts/bench/scale-formats.mjs';
import { CONFORMANCE_DIR } from '../helpers/conformance.js';
import { seededRandom } from '../../scripts/fuzz/mutate.mjs';

/**
 * A big TOML lockfile is parsed in pieces cut at its `[[package]]` lines (parse/toml.ts): it must read exactly as
 * the whole text does, value for value, and fail with the same error at the same place.
 */

type Outcome = { value: unknown } | { error: string; line?: number; column?: number };

function outcome(text: string, pieces?: TomlPieces): Outcome {
  try {
    return { value: parseTomlDocument(text, 'x.lock', pieces) };
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    return { error: err.message, ...(err.line !== undefined ? { line: err.line } : {}), ...(err.column !== undefined ? { column: err.column } : {}) };
  }
}

function agree(text: string, arrayTable: string, perPiece: number): boolean {
  return isDeepStrictEqual(outcome(text), outcome(text, { arrayTable, minBytes: 0, perPiece }));
}

/** Seeds: the corpus's TOML lockfiles when it is there, and synthetic Cargo/poetry/uv lockfiles always. */
function seeds(): Array<{ name: string; text: string; arrayTable: string }> {
  const out: Array<{ name: string; text: string; arrayTable: string }> = [];
  for (const [dir, arrayTable] of [
    ['rust/cargolock', 'package'],
    ['python/poetrylock', 'package'],
    ['python/uvlock', 'package'],
    ['python/pdmlock', 'package'],
    ['python/pylock', 'packages'],
  ] as const) {
    const testdata = join(CONFORMANCE_DIR, 'lockfiles', dir, 'testdata');
    if (!existsSync(testdata)) continue;
    for (const f of readdirSync(testdata, { recursive: true, encoding: 'utf8' })) {
      const path = join(testdata, f);
      if (/\.(lock|toml)$/.test(f)) out.push({ name: `${dir}/${f}`, text: readFileSync(path, 'utf8'), arrayTable });
    }
  }
  for (const file of ['Cargo.lock', 'poetry.lock', 'uv.lock']) {
    out.push({ name: `synthetic ${file}`, text: (syntheticPair(file, 12) as [string, string])[1], arrayTable: 'package' });
  }
  return out;
}

const TOKENS = ['\n[[package]]\n', '[[package]]', '\n[metadata]\n', '\n[package.dependencies]\n', '"""', "'''", '=', '"', "'", '[', ']', '{', '}', ',', '\n', '#', 'name = "x"\n', 'package = 1\n', '\r\n', '\\'];

function mutate(text: string, random: () => number): string {
  let out = text;
  for (let e = 1 + Math.floor(random() * 3); e > 0; e--) {
    const at = Math.floor(random() * (out.length + 1));
    out = random() < 0.6 ? out.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + out.slice(at) : out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 6));
  }
  return out;
}

describe('TOML lockfiles parsed in pieces', () => {
  const files = seeds();

  it('read every seed exactly as the whole text does, one and two tables per piece', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const { name, text, arrayTable } of files) {
      expect(agree(text, arrayTable, 1), name).toBe(true);
      expect(agree(text, arrayTable, 2), name).toBe(true);
    }
  });

  it('agree with the whole parse on mutated seeds: same values, or the same error at the same place', () => {
    const count = Number(process.env.TOML_PIECES_MUTATIONS ?? 3_000);
    const random = seededRandom(20261204);
    for (let i = 0; i < count; i++) {
      const seed = files[i % files.length]!;
      const text = mutate(seed.text, random);
      if (!agree(text, seed.arrayTable, 1 + (i % 3))) {
        expect.fail(`mutation ${i} of ${seed.name} reads differently in pieces:\n${JSON.stringify(text)}`);
      }
    }
  });

  it('leave to the whole parse what only it can decide', () => {
    const pkg = (n: number) => `[[package]]\nname = "p${n}"\nversion = "1.0.0"\n`;
    // A table defined in two pieces is an error of the whole document, at its second definition.
    const twice = `${pkg(1)}[metadata]\na = 1\n\n${pkg(2)}[metadata]\nb = 2\n`;
    const whole = outcome(twice);
    expect(whole).toMatchObject({ line: 10 });
    expect(outcome(twice, { arrayTable: 'package', minBytes: 0, perPiece: 1 })).toEqual(whole);
    // A header line inside a multi-line string is text, not a cut point.
    const inString = `${pkg(1)}description = """\n[[package]]\nname = "not a package"\n"""\n${pkg(2)}`;
    const value = outcome(inString, { arrayTable: 'package', minBytes: 0, perPiece: 1 }) as { value: { package: unknown[] } };
    expect(value.value.package).toHaveLength(2);
    // The prelude defining the array's name some other way is an error of the whole document too.
    const clash = `package = 1\n\n${pkg(1)}`;
    expect(outcome(clash, { arrayTable: 'package', minBytes: 0, perPiece: 1 })).toEqual(outcome(clash));
  });

  it('is what a big lockfile goes through, and gives the same packages', () => {
    const [, text] = syntheticPair('Cargo.lock', 6_000) as [string, string];
    expect(text.length).toBeGreaterThan(1 << 20);
    const pieces = parseTomlDocument(text, 'Cargo.lock', { arrayTable: 'package' });
    expect(isDeepStrictEqual(pieces, parseTomlDocument(text, 'Cargo.lock'))).toBe(true);
    expect((pieces.package as unknown[]).length).toBeGreaterThanOrEqual(6_000);
  });
});
