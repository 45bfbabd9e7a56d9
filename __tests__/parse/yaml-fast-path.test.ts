import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLockfileParser, loadYaml, parseYaml, YamlKeyLines } from '@lockwarden/core';
import { errorOf } from '../helpers/errors.js';
import { CONFORMANCE_DIR, REPO_ROOT } from '../helpers/conformance.js';

const PNPM = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      left-pad:
        specifier: ^1.3.0
        version: 1.3.0

packages:

  '@scope/a@1.0.0':
    resolution: {integrity: sha512-AAAA}

  left-pad@1.3.0:
    resolution: {integrity: sha512-BBBB}
    engines: {node: '>=0.10'}

  "it's@2.0.0":
    resolution: {integrity: sha512-CCCC}

snapshots:

  '@scope/a@1.0.0': {}

  left-pad@1.3.0: {}
`;

describe('YAML fast path', () => {
  it('loads the same values as the precise parse, without a syntax tree', () => {
    const fast = loadYaml(PNPM, 'pnpm-lock.yaml');
    expect(fast.precise).toBeUndefined();
    expect(fast.value).toEqual(parseYaml(PNPM, 'pnpm-lock.yaml').value);
  });

  it('agrees with the precise parse on every YAML lockfile of the fixtures and the conformance corpus', () => {
    const dirs = [join(REPO_ROOT, '__tests__'), join(REPO_ROOT, 'policies'), join(CONFORMANCE_DIR, 'lockfiles', 'javascript', 'pnpmlock'), join(CONFORMANCE_DIR, 'lockfiles', 'dart', 'pubspec')];
    const files = dirs
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => /\.(ya?ml|lock)$/.test(f));
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let precise: unknown;
      try {
        precise = parseYaml(text, file).value;
      } catch {
        continue; // not YAML (or deliberately malformed): the fall-back case, tested below
      }
      expect(loadYaml(text, file).value, file).toEqual(precise);
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });

  it('keeps the precise line and column for malformed text (it falls back to the precise parse)', () => {
    const bad = 'packages:\n  a@1.0.0:\n    resolution: {integrity: x\n  b@1.0.0: {}\n';
    expect(errorOf(() => loadYaml(bad, 'pnpm-lock.yaml'))).toMatchObject(errorOf(() => parseYaml(bad, 'pnpm-lock.yaml')));
    expect(errorOf(() => loadYaml(bad, 'pnpm-lock.yaml')).line).toBeGreaterThan(1);
  });

  it('takes the precise path, with its alias limit, for documents with anchors, and for duplicate keys', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    expect(errorOf(() => loadYaml(bomb, 'pnpm-lock.yaml')).message).toMatch(/alias/i);
    const dup = loadYaml('a: 1\na: 2\n', 'x.yaml');
    expect(dup.value).toEqual(parseYaml('a: 1\na: 2\n', 'x.yaml').value);
  });

  it('finds the lines of a section\'s keys by a line scan, plain and quoted', () => {
    const lines = new YamlKeyLines(PNPM, 'packages');
    expect(lines.lineOf('@scope/a@1.0.0')).toBe(13);
    expect(lines.lineOf('left-pad@1.3.0')).toBe(16);
    expect(lines.lineOf("it's@2.0.0")).toBe(20);
    expect(lines.lineOf('missing@1.0.0')).toBeUndefined();
  });

  it('gives pnpm packages their lines, looked up when a report reads them', async () => {
    const inventory = (await loadLockfileParser('pnpm-lock.yaml'))!.parse(PNPM, 'pnpm-lock.yaml');
    expect(inventory.packages.map((p) => `${p.name}@${p.version}:${p.location.line}`)).toEqual([
      '@scope/a@1.0.0:13',
      'left-pad@1.3.0:16',
      "it's@2.0.0:20",
    ]);
    expect(JSON.parse(JSON.stringify(inventory.packages[1]!.location))).toEqual({ file: 'pnpm-lock.yaml', line: 16 });
  });
});
