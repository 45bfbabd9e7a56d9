import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLockfileParser, ParseError, type Inventory } from '@lockwarden/core';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const parser = await loadLockfileParser('pnpm-lock.yaml');
const parse = (text: string): Inventory => parser.parse(text, 'pnpm-lock.yaml');

function thrown(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError');
}

const V9 = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
      string-width-cjs:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3
      '@app/lib':
        specifier: workspace:*
        version: link:packages/lib
    devDependencies:
      __proto__:
        specifier: ^1.0.0
        version: 1.0.0

  packages/lib:
    dependencies:
      constructor:
        specifier: ^2.0.0
        version: 2.0.0

packages:

  __proto__@1.0.0:
    resolution: {integrity: sha512-m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==}

  constructor@2.0.0:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}

  react-dom@18.2.0:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}
    peerDependencies:
      react: ^18.2.0

  react@18.2.0:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}

  string-width@4.2.3:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}

  is-number@https://codeload.github.com/jonschlinkert/is-number/tar.gz/98e8ff1da1a89f93d1397a24d7413ed15421c139:
    resolution: {tarball: https://codeload.github.com/jonschlinkert/is-number/tar.gz/98e8ff1da1a89f93d1397a24d7413ed15421c139}
    version: 7.0.0

snapshots:

  __proto__@1.0.0:
    dependencies:
      constructor: 2.0.0

  constructor@2.0.0: {}

  react-dom@18.2.0(react@18.2.0):
    dependencies:
      react: 18.2.0

  react@18.2.0: {}

  string-width@4.2.3: {}

  is-number@https://codeload.github.com/jonschlinkert/is-number/tar.gz/98e8ff1da1a89f93d1397a24d7413ed15421c139: {}
`;

describe('pnpm-lock.yaml parser', () => {
  it('reports malformed YAML with file, line and column', () => {
    const err = thrown(() => parser.parse("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x\n  b@1:\n", 'sub/pnpm-lock.yaml'));
    expect(err.file).toBe('sub/pnpm-lock.yaml');
    expect(err.line).toBe(5);
    expect(err.column).toBe(3);
    expect(err.message).toMatch(/^sub\/pnpm-lock\.yaml:5:3: invalid YAML: Flow map/);
  });

  it('rejects text that is not a mapping and an unknown lockfileVersion', () => {
    expect(thrown(() => parse('just some text')).reason).toBe('expected a YAML mapping at the top level, got string');
    const err = thrown(() => parse("settings: {}\nlockfileVersion: '10.0'\npackages: {}\n"));
    expect(err.code).toBe('UNSUPPORTED_FORMAT');
    expect(err.reason).toBe('unsupported lockfileVersion "10.0" (supported: 5.x, 6.x, 9.x)');
    expect([err.line, err.column]).toEqual([2, 1]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ["lockfileVersion: '9.0'", 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    expect(thrown(() => parse(bomb.join('\n'))).reason).toMatch(/^invalid YAML: .*alias/i);
  });

  it('names an invalid dependency path', () => {
    const err = thrown(() => parse('lockfileVersion: 5.4\npackages:\n  /a/1.0.0: {}\n  invalidpath: {}\n'));
    expect(err.reason).toBe('invalid dependency path: invalidpath');
    expect(err.line).toBe(4);
  });

  describe('v9 with importers, snapshots, peers, aliases, git and __proto__', () => {
    const inventory = parse(V9);

    it('lists each package once, peer variants merged, with the real name of aliases', () => {
      expect(inventory.packages.map((p) => [p.name, p.version, p.direct, p.location.line])).toEqual([
        ['__proto__', '1.0.0', true, 29],
        ['constructor', '2.0.0', true, 32],
        ['react-dom', '18.2.0', true, 35],
        ['react', '18.2.0', false, 40],
        ['string-width', '4.2.3', true, 43],
        ['is-number', '7.0.0', false, 46],
      ]);
      expect(inventory.packages.find((p) => p.name === 'string-width')?.aliases).toEqual(['string-width-cjs']);
      expect(inventory.packages.find((p) => p.name === 'is-number')?.source).toEqual({
        kind: 'git',
        url: 'https://github.com/jonschlinkert/is-number.git',
        commit: '98e8ff1da1a89f93d1397a24d7413ed15421c139',
      });
      expect(inventory.packages[0]?.purl).toBe('pkg:npm/__proto__@1.0.0');
    });

    it('has the importers as projects and edges from the snapshots, links between workspaces included', () => {
      expect(inventory.projects).toEqual([
        { id: 'project:.', path: '' },
        { id: 'project:packages/lib', path: 'packages/lib' },
      ]);
      expect(inventory.edges).toEqual([
        { from: '__proto__@1.0.0', to: 'constructor@2.0.0' },
        { from: 'react-dom@18.2.0', to: 'react@18.2.0' },
        { from: 'project:.', to: 'react-dom@18.2.0' },
        { from: 'project:.', to: 'string-width@4.2.3' },
        { from: 'project:.', to: 'project:packages/lib' },
        { from: 'project:.', to: '__proto__@1.0.0' },
        { from: 'project:packages/lib', to: 'constructor@2.0.0' },
      ]);
    });
  });

  it('reads v6 keys with peer suffixes and v5 keys with _peer suffixes, with their dev/optional flags', () => {
    const v6 = parse(`lockfileVersion: '6.0'
dependencies:
  react-dom:
    specifier: ^18.2.0
    version: 18.2.0(react@18.2.0)
packages:
  /react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}
    dependencies:
      react: 18.2.0
    dev: false
  /react@18.2.0:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}
    dev: true
    optional: true
`);
    expect(v6.packages.map((p) => [p.name, p.version, p.direct, p.scopes])).toEqual([
      ['react-dom', '18.2.0', true, []],
      ['react', '18.2.0', false, ['dev', 'optional']],
    ]);
    expect(v6.edges).toEqual([
      { from: '/react-dom@18.2.0(react@18.2.0)', to: '/react@18.2.0' },
      { from: 'project:.', to: '/react-dom@18.2.0(react@18.2.0)' },
    ]);
    const v5 = parse(`lockfileVersion: 5.4
devDependencies:
  '@scope/plugin': 1.2.0_eslint@8.10.0
packages:
  /@scope/plugin/1.2.0_eslint@8.10.0:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}
    dependencies:
      eslint: 8.10.0
    dev: true
  /eslint/8.10.0:
    resolution: {integrity: sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=}
    dev: true
`);
    expect(v5.packages.map((p) => [p.name, p.version, p.direct, p.scopes, p.purl])).toEqual([
      ['@scope/plugin', '1.2.0', true, ['dev'], 'pkg:npm/%40scope/plugin@1.2.0'],
      ['eslint', '8.10.0', false, ['dev'], 'pkg:npm/eslint@8.10.0'],
    ]);
    expect(v5.edges).toHaveLength(2);
  });

  it('reads a real pnpm 9 workspace lockfile: projects, direct and transitive', () => {
    const inventory = parse(readFileSync(join(FIXTURES, 'real-pnpm', 'pnpm-lock.yaml'), 'utf8'));
    expect(inventory.projects.map((p) => p.path)).toEqual(['', 'packages/util']);
    expect(inventory.packages).toHaveLength(17);
    expect(inventory.packages.filter((p) => p.direct).map((p) => `${p.name}@${p.version}`).sort()).toEqual([
      '@babel/code-frame@7.29.7',
      'chalk@4.1.2',
      'chalk@5.6.2',
      'debug@4.4.3',
      'encoding@0.1.14',
      'ms@2.1.3',
      'semver@7.8.6',
    ]);
    expect(inventory.edges).toContainEqual({ from: 'project:packages/util', to: 'chalk@5.6.2' });
    expect(inventory.edges).toContainEqual({ from: 'debug@4.4.3', to: 'ms@2.1.3' });
  });
});
