import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLockfileParser, ParseError, formatForFileName, type Inventory, type Package } from '@lockwarden/core';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const parser = await loadLockfileParser('package-lock.json');
const SHA512_HELLO_B64 = 'm3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==';
const SHA512_HELLO_HEX =
  '9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043';

function parse(lock: unknown, readRelated?: (p: string) => string | undefined): Inventory {
  return parser.parse(JSON.stringify(lock, null, 2), 'package-lock.json', readRelated ? { readRelated } : undefined);
}

function byName(inventory: Inventory, name: string): Package[] {
  return inventory.packages.filter((p) => p.name === name);
}

function thrown(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('package-lock.json parser', () => {
  it('is found by both file names and through the registry', () => {
    expect(formatForFileName('package-lock.json')?.id).toBe('package-lock.json');
    expect(formatForFileName('npm-shrinkwrap.json')?.id).toBe('package-lock.json');
  });

  it('reports malformed JSON with file, line and column', () => {
    const err = thrown(() => parser.parse('{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},\n  }\n}', 'app/package-lock.json'));
    expect(err.file).toBe('app/package-lock.json');
    expect(err.line).toBe(5);
    expect(err.column).toBe(3);
    expect(err.message).toMatch(/^app\/package-lock\.json:5:3: invalid JSON/);
  });

  it('rejects a top-level null or array with a ParseError, not a TypeError', () => {
    expect(thrown(() => parser.parse('null', 'x.json')).reason).toBe('expected a JSON object at the top level, got null');
    expect(thrown(() => parser.parse('[1]', 'x.json')).reason).toBe('expected a JSON object at the top level, got an array');
    expect(thrown(() => parse({ lockfileVersion: 3, packages: { 'node_modules/a': 'nope' } })).reason).toBe(
      'package entry "node_modules/a" is not an object',
    );
  });

  it('rejects an unknown lockfileVersion clearly, pointing at the field', () => {
    const err = thrown(() => parse({ name: 'x', lockfileVersion: 4, packages: {} }));
    expect(err.code).toBe('UNSUPPORTED_FORMAT');
    expect(err.reason).toBe('unsupported lockfileVersion 4 (supported: 1, 2, 3)');
    expect(err.line).toBe(3);
    expect(thrown(() => parse({ lockfileVersion: '3', packages: {} })).reason).toMatch(/unsupported lockfileVersion "3"/);
  });

  it('treats packages named __proto__ and constructor as ordinary packages (v3 and v1)', () => {
    // Written as JSON text: in a JS object literal `__proto__:` would set the prototype instead of a key.
    const v3 = parser.parse(
      `{"lockfileVersion": 3, "packages": {
        "": {"dependencies": {"__proto__": "^1.0.0", "constructor": "^2.0.0"}},
        "node_modules/__proto__": {"version": "1.0.0", "dependencies": {"constructor": "^2.0.0"}},
        "node_modules/constructor": {"version": "2.0.0"}}}`,
      'package-lock.json',
    );
    expect(v3.packages.map((p) => [p.name, p.version, p.purl, p.direct])).toEqual([
      ['__proto__', '1.0.0', 'pkg:npm/__proto__@1.0.0', true],
      ['constructor', '2.0.0', 'pkg:npm/constructor@2.0.0', true],
    ]);
    expect(v3.edges).toContainEqual({ from: 'node_modules/__proto__', to: 'node_modules/constructor' });
    const v1 = parser.parse(
      '{"lockfileVersion":1,"dependencies":{"__proto__":{"version":"1.0.0","requires":{"constructor":"2.0.0"}},"constructor":{"version":"2.0.0"}}}',
      'package-lock.json',
    );
    expect(v1.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['__proto__@1.0.0', 'constructor@2.0.0']);
    expect(v1.edges).toEqual([
      { from: 'node_modules/__proto__', to: 'node_modules/constructor' },
      { from: 'project:.', to: 'node_modules/__proto__' },
    ]);
    expect(({} as Record<string, unknown>).version).toBeUndefined();
  });

  it('reports an npm: alias under its real name and keeps the alias', () => {
    const inventory = parse({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { 'string-width-cjs': 'npm:string-width@^4.2.0' } },
        'node_modules/string-width-cjs': { name: 'string-width', version: '4.2.3' },
      },
    });
    const [pkg] = inventory.packages;
    expect(inventory.packages).toHaveLength(1);
    expect(pkg?.name).toBe('string-width');
    expect(pkg?.aliases).toEqual(['string-width-cjs']);
    expect(pkg?.purl).toBe('pkg:npm/string-width@4.2.3');
    expect(pkg?.direct).toBe(true);
  });

  it('decodes base64 SRI integrity into lowercase hex and keeps every algorithm', () => {
    const inventory = parse({
      lockfileVersion: 3,
      packages: {
        '': {},
        'node_modules/a': { version: '1.0.0', integrity: `sha512-${SHA512_HELLO_B64} sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=` },
      },
    });
    expect(inventory.packages[0]?.integrity).toEqual([
      { algorithm: 'sha512', value: SHA512_HELLO_HEX },
      { algorithm: 'sha1', value: 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d' },
    ]);
  });

  it('classifies sources: registry tarball, git with commit, local path', () => {
    const inventory = parse({
      lockfileVersion: 3,
      packages: {
        '': {},
        'node_modules/a': { version: '1.0.0', resolved: 'https://registry.example.org/a/-/a-1.0.0.tgz', hasInstallScript: true, license: 'MIT' },
        'node_modules/b': { version: '2.0.0', resolved: 'git+ssh://git@github.com/o/b.git#0123456789abcdef0123456789abcdef01234567' },
        'node_modules/c': { version: '3.0.0', resolved: 'file:vendor/c-3.0.0.tgz' },
      },
    });
    const [a, b, c] = inventory.packages;
    expect(a?.source).toEqual({ kind: 'registry', url: 'https://registry.example.org/a/-/a-1.0.0.tgz' });
    expect(a?.hasInstallScript).toBe(true);
    expect(a?.license).toBe('MIT');
    expect(b?.source).toEqual({ kind: 'git', url: 'git+ssh://git@github.com/o/b.git', commit: '0123456789abcdef0123456789abcdef01234567' });
    expect(c?.source).toEqual({ kind: 'path', path: 'vendor/c-3.0.0.tgz' });
  });

  describe('a real npm 11 workspace lockfile', () => {
    const file = join(FIXTURES, 'real-npm', 'package-lock.json');
    const inventory = parser.parse(readFileSync(file, 'utf8'), 'package-lock.json');

    it('lists the root and the workspace as projects', () => {
      expect(inventory.projects).toEqual([
        { id: 'project:.', name: 'lockwarden-fixture-app', path: '' },
        { id: 'project:packages/util', name: '@fixture/util', path: 'packages/util' },
      ]);
    });

    it('marks what the root or a workspace declares as direct, everything else transitive', () => {
      const direct = inventory.packages.filter((p) => p.direct).map((p) => `${p.name}@${p.version}`);
      expect(direct.sort()).toEqual([
        '@babel/code-frame@7.29.7',
        'chalk@4.1.2',
        'chalk@5.6.2',
        'debug@4.4.3',
        'encoding@0.1.14',
        'ms@2.1.3',
        'semver@7.8.6',
      ]);
      expect(inventory.packages).toHaveLength(18);
    });

    it('resolves edges with node resolution: nested node_modules first, then walking up', () => {
      expect(inventory.edges).toHaveLength(18);
      // the workspace gets its own chalk 5 from packages/util/node_modules, but the hoisted ms
      expect(inventory.edges).toContainEqual({ from: 'project:packages/util', to: 'packages/util/node_modules/chalk' });
      expect(inventory.edges).toContainEqual({ from: 'project:packages/util', to: 'node_modules/ms' });
      expect(inventory.edges).toContainEqual({ from: 'project:.', to: 'node_modules/chalk' });
      expect(inventory.edges).toContainEqual({ from: 'node_modules/debug', to: 'node_modules/ms' });
      expect(inventory.edges).toContainEqual({ from: 'node_modules/encoding', to: 'node_modules/iconv-lite' });
    });

    it('carries scopes from the dev/optional flags', () => {
      expect(byName(inventory, 'semver')[0]?.scopes).toEqual(['dev']);
      expect(['encoding', 'iconv-lite', 'safer-buffer'].map((n) => byName(inventory, n)[0]?.scopes)).toEqual([
        ['optional'],
        ['optional'],
        ['optional'],
      ]);
      expect(byName(inventory, 'debug')[0]?.scopes).toEqual([]);
    });

    it('gives each package the line of its entry', () => {
      const lines = Object.fromEntries(inventory.packages.map((p) => [p.id, p.location.line]));
      expect(lines['node_modules/@babel/code-frame']).toBe(25);
      expect(lines['node_modules/debug']).toBe(101);
      expect(lines['packages/util']).toBe(207);
      expect(lines['packages/util/node_modules/chalk']).toBe(215);
      expect(inventory.packages.every((p) => p.location.file === 'package-lock.json')).toBe(true);
    });
  });

  describe('lockfile v1', () => {
    const lock = {
      lockfileVersion: 1,
      dependencies: {
        a: { version: '1.0.0', requires: { b: '^2.0.0' } },
        b: { version: '2.0.0' },
        c: { version: '3.0.0', dev: true, requires: { b: '^1.0.0' }, dependencies: { b: { version: '1.0.0' } } },
      },
    };

    it('resolves requires through nested dependencies and walks up to the top', () => {
      const inventory = parse(lock);
      expect(inventory.packages.map((p) => [p.id, p.version, p.location.line])).toEqual([
        ['node_modules/a', '1.0.0', 4],
        ['node_modules/b', '2.0.0', 10],
        ['node_modules/c', '3.0.0', 13],
        ['node_modules/c/node_modules/b', '1.0.0', 20],
      ]);
      expect(inventory.edges).toEqual([
        { from: 'node_modules/a', to: 'node_modules/b' },
        { from: 'node_modules/c', to: 'node_modules/c/node_modules/b' },
        { from: 'project:.', to: 'node_modules/a' },
        { from: 'project:.', to: 'node_modules/c' },
      ]);
    });

    it('takes direct dependencies from the sibling package.json when it can read one', () => {
      const manifest = JSON.stringify({ dependencies: { a: '^1.0.0', b: '^2.0.0' }, devDependencies: { c: '^3.0.0' } });
      const inventory = parse(lock, (p) => (p === 'package.json' ? manifest : undefined));
      expect(inventory.packages.filter((p) => p.direct).map((p) => p.id)).toEqual(['node_modules/a', 'node_modules/b', 'node_modules/c']);
    });
  });
});
