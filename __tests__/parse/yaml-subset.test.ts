import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, FAILSAFE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadLockfileParser, readYamlSubset, YamlKeyLines, type SubsetSchema } from '@lockwarden/core';
import { CONFORMANCE_DIR, REPO_ROOT } from '../helpers/conformance.js';
import { seededRandom } from '../../scripts/fuzz/mutate.mjs';

/** What the subset reader must agree with: js-yaml's loader as `loadYaml` calls it. */
const jsYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA, json: true });
/** ... and with `failsafe`, as yarn's `parseSyml` calls it for berry lockfiles. */
const jsYamlFailsafe = (text: string): unknown => load(text, { schema: FAILSAFE_SCHEMA, json: true });

/** Berry (v2+) yarn.lock files of the corpus and the repository's fixtures. */
function berryFiles(): string[] {
  const dirs = [join(REPO_ROOT, '__tests__'), join(CONFORMANCE_DIR, 'lockfiles', 'javascript', 'yarnlock')];
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => /(yarn\.lock|\.v2\.lock)$/.test(f) && readFileSync(f, 'utf8').includes('__metadata:'));
}

function yamlFiles(): string[] {
  const dirs = [
    join(REPO_ROOT, '__tests__'),
    join(REPO_ROOT, 'policies'),
    join(CONFORMANCE_DIR, 'lockfiles', 'javascript', 'pnpmlock'),
    join(CONFORMANCE_DIR, 'lockfiles', 'dart', 'pubspec'),
  ];
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => /\.(ya?ml|lock)$/.test(f) && !f.endsWith('yarn.lock') && !f.includes('Gemfile') && !f.endsWith('Cargo.lock'));
}

const SIGNIFICANT = [' ', '  ', '\n', ':', ': ', '-', '- ', "'", '"', '#', ' #', '{', '}', '[', ']', ',', '&a', '*a', '!', '|', '>', '?', '\\', '~', '0x1F', '1.0', 'true', 'null', '__proto__', '\t', '\r', 'é', '\u0007'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.4) out = out.slice(0, at) + SIGNIFICANT[Math.floor(random() * SIGNIFICANT.length)] + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 4));
    else {
      // Re-indent or duplicate a whole line: the structural edits a merge conflict or a hand edit makes.
      const lines = out.split('\n');
      const i = Math.floor(random() * lines.length);
      if (kind < 0.85) lines[i] = ' '.repeat(Math.floor(random() * 3)) + (lines[i] ?? '');
      else lines.splice(i, 0, lines[i] ?? '');
      out = lines.join('\n');
    }
  }
  return out;
}

/**
 * Mutates the seeds the reader accepts (the first 40) and throws on the first mutation it accepts that `reference`
 * rejects or reads differently; returns how many it accepted.
 */
function differential(texts: string[], schema: SubsetSchema, reference: (text: string) => unknown, seed: number, count: number): number {
  const seeds = texts.filter((t) => readYamlSubset(t, { schema }) !== undefined).slice(0, 40);
  // Without the corpus, the repository's own fixtures seed it.
  expect(seeds.length).toBeGreaterThan(existsSync(CONFORMANCE_DIR) ? 3 : 0);
  const random = seededRandom(seed);
  let accepted = 0;
  for (let i = 0; i < count; i++) {
    const text = mutate(seeds[i % seeds.length]!, random);
    const subset = readYamlSubset(text, { schema });
    if (subset === undefined) continue;
    accepted++;
    let expected: unknown;
    try {
      expected = reference(text);
    } catch (err) {
      throw new Error(`mutation ${i} was accepted but js-yaml rejects it (${String(err).split('\n')[0]}):\n${text}`);
    }
    if (!isDeepStrictEqual(subset.value, expected)) throw new Error(`mutation ${i} reads differently from js-yaml (${schema}):\n${text}`);
  }
  return accepted;
}

describe('YAML subset reader', () => {
  const files = yamlFiles();

  it('reads every YAML lockfile of the fixtures and the corpus as js-yaml does, or declines', () => {
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const subset = readYamlSubset(text);
      if (subset === undefined) continue;
      expect(subset.value, file).toEqual(jsYaml(text));
      expect(isDeepStrictEqual(subset.value, jsYaml(text)), file).toBe(true);
      // The lines it notes are the ones the line scan finds.
      const scan = new YamlKeyLines(text, 'packages');
      const packages = (subset.value as Record<string, unknown>)['packages'];
      if (packages !== null && typeof packages === 'object' && !Array.isArray(packages)) {
        for (const key of Object.keys(packages)) expect(subset.keyLines.get('packages')?.get(key), `${file}: ${key}`).toBe(scan.lineOf(key));
      }
      accepted++;
    }
    // Every pnpm and pubspec lockfile of the corpus is machine-written and fits the subset.
    if (existsSync(CONFORMANCE_DIR)) expect(accepted).toBeGreaterThan(30);
    else console.warn(`!!! ${CONFORMANCE_DIR} is absent: the subset reader ran on the repository's fixtures only`);
    expect(accepted).toBeGreaterThan(1);
  });

  it('types plain scalars and keys with the CORE schema, and keeps __proto__ an own property', () => {
    const text = "lockfileVersion: 5.4\nflag: true\nnothing: ~\nempty:\nversion: 6.2.15\nlist:\n  - 1\n  - x\nflow: {a: 1, b: 'it''s', c: https://x.example/a:b}\n0x1F: hex\n1.0: float\n__proto__: {polluted: yes}\n";
    const subset = readYamlSubset(text);
    expect(subset).toBeDefined();
    expect(isDeepStrictEqual(subset!.value, jsYaml(text))).toBe(true);
    expect(subset!.value).toMatchObject({ lockfileVersion: 5.4, flag: true, nothing: null, empty: null, version: '6.2.15', list: [1, 'x'], 31: 'hex', 1: 'float' });
    expect(Object.getPrototypeOf(subset!.value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(subset!.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['a comment', 'a: 1 # note\n'],
    ['only comment lines', '# lockfile\n  # more\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a double-quoted escape', 'a: "x\\ty"\n'],
    ['a tab', 'a:\t1\n'],
    ['CR line ends', 'a: 1\r\nb: 2\r\n'],
    ['a nested flow collection', 'a: {b: [1]}\n'],
    ['a flow collection over two lines', 'a: {b: 1,\n  c: 2}\n'],
    ['a document marker', '---\na: 1\n'],
    ['an indentless sequence', 'a:\n- 1\n'],
    ['a mapping in a sequence', 'a:\n  - b: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['inconsistent indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a non-printable character', 'a: x\u0007y\n'],
    ['an empty document', '\n\n'],
    ['a key longer than YAML allows', `${'k'.repeat(1025)}: 1\n`],
    ['nesting past its depth', Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + '\n'],
  ])('declines %s (js-yaml or the precise parse decides)', (_label, text) => {
    expect(readYamlSubset(text)).toBeUndefined();
  });

  it('skips full-line comments at any indentation, as js-yaml does', () => {
    const text = '# generated\n# do not edit\n\na:\n  # between a key and its block\n  b: 1\n    # deeper\nc: [x]\n';
    const subset = readYamlSubset(text);
    expect(subset).toBeDefined();
    expect(isDeepStrictEqual(subset!.value, jsYaml(text))).toBe(true);
    expect(subset!.keyLines.get('a')?.get('b')).toBe(6);
  });

  it('with the failsafe schema keeps every scalar a string, as yarn reads berry lockfiles', () => {
    const text = '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"a@npm:^1.0.0, a@npm:^1.1.0":\n  version: 1.1.0\n  dependenciesMeta:\n    b:\n      optional: true\n  empty:\n  nothing: ~\n  list: [1, x]\n';
    const subset = readYamlSubset(text, { schema: 'failsafe' });
    expect(subset).toBeDefined();
    expect(isDeepStrictEqual(subset!.value, jsYamlFailsafe(text))).toBe(true);
    expect(subset!.value).toMatchObject({ __metadata: { version: '8', cacheKey: '10c0' }, 'a@npm:^1.0.0, a@npm:^1.1.0': { dependenciesMeta: { b: { optional: 'true' } }, nothing: '~' } });
  });

  it('reads every berry lockfile of the fixtures and the corpus as yarn (js-yaml, failsafe) does, or declines', () => {
    const files = berryFiles();
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const subset = readYamlSubset(text, { schema: 'failsafe' });
      if (subset === undefined) continue;
      expect(isDeepStrictEqual(subset.value, jsYamlFailsafe(text)), file).toBe(true);
      accepted++;
    }
    if (existsSync(CONFORMANCE_DIR)) expect(accepted).toBeGreaterThan(5);
    else console.warn(`!!! ${CONFORMANCE_DIR} is absent: the berry comparison ran on the repository's fixtures only`);
    expect(accepted).toBeGreaterThan(0);
  });

  it('never accepts mutated berry lockfiles that js-yaml (failsafe) reads differently or rejects (differential, 3,000 mutations)', () => {
    const seeds = berryFiles().map((f) => readFileSync(f, 'utf8'));
    const accepted = differential(seeds, 'failsafe', jsYamlFailsafe, 20261205, Number(process.env.SUBSET_MUTATIONS ?? 3000));
    expect(accepted).toBeGreaterThan(100);
  });

  it('never accepts mutated lockfiles that js-yaml reads differently or rejects (differential, 4,000 mutations)', () => {
    const seeds = files.filter((f) => /pnpm|pubspec/.test(f)).map((f) => readFileSync(f, 'utf8'));
    const accepted = differential(seeds, 'core', jsYaml, 20261204, Number(process.env.SUBSET_MUTATIONS ?? 4000));
    // Enough mutations stay inside the subset for the comparison to mean something.
    expect(accepted).toBeGreaterThan(existsSync(CONFORMANCE_DIR) ? 500 : 100);
  });

  it('pnpm packages decode their integrity on first read, to the same hashes, and JSON carries them', async () => {
    const text = "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      a:\n        specifier: ^1.0.0\n        version: 1.0.0\n\npackages:\n\n  a@1.0.0:\n    resolution: {integrity: sha512-AAAA}\n\nsnapshots:\n\n  a@1.0.0: {}\n";
    const inventory = (await loadLockfileParser('pnpm-lock.yaml'))!.parse(text, 'pnpm-lock.yaml');
    const pkg = inventory.packages[0]!;
    expect(JSON.parse(JSON.stringify(pkg)).integrity).toEqual([{ algorithm: 'sha512', value: '000000' }]);
    expect(pkg.integrity).toEqual([{ algorithm: 'sha512', value: '000000' }]);
    expect({ ...pkg }.integrity).toBe(pkg.integrity);
    pkg.integrity = [];
    expect(pkg.integrity).toEqual([]);
    expect(pkg.location.line).toBe(13);
  });
});
