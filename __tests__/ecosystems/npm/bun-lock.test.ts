import { describe, expect, it } from 'vitest';
import { loadLockfileParser, ParseError } from '@lockwarden/core';
import { blankCommentsAndTrailingCommas } from '../../../packages/core/src/ecosystems/npm/jsonc.js';

const parser = await loadLockfileParser('bun.lock');

function thrown(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError');
}

const LOCK = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "__proto__": "^1.0.0",
        "chalk-old": "npm:chalk@^4",
        "@app/lib": "workspace:*",
      },
    },
    "packages/lib": {
      "name": "@app/lib",
      "dependencies": {
        "constructor": "^2.0.0",
      },
    },
  },
  "packages": {
    "@app/lib": ["@app/lib@workspace:packages/lib"],

    "__proto__": ["__proto__@1.0.0", "", { "dependencies": { "constructor": "^1.0.0" } }, "sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00="],

    "__proto__/constructor": ["constructor@1.0.0", "", {}, "sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00="],

    "chalk-old": ["chalk@4.1.2", "https://registry.example.org/", {}, "sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00="],

    "constructor": ["constructor@2.0.0", "", {}, "sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00="],

    "is-number": ["is-number@github:jonschlinkert/is-number#98e8ff1", {}, "jonschlinkert-is-number-98e8ff1"],
  }
}
`;

describe('bun.lock parser', () => {
  const inventory = parser.parse(LOCK, 'bun.lock');

  it('lists packages with lines, aliases, git commits, and __proto__/constructor as ordinary names', () => {
    expect(inventory.packages.map((p) => [p.name, p.version, p.direct, p.location.line, p.aliases ?? []])).toEqual([
      ['@app/lib', '', true, 20],
      ['__proto__', '1.0.0', true, 22],
      ['constructor', '1.0.0', false, 24],
      ['chalk', '4.1.2', true, 26, ['chalk-old']],
      ['constructor', '2.0.0', true, 28],
      ['is-number', '', false, 30],
    ].map((row) => (row.length === 4 ? [...row, []] : row)));
    expect(inventory.packages[5]?.source).toEqual({ kind: 'git', url: 'github:jonschlinkert/is-number', commit: '98e8ff1' });
    expect(inventory.packages[3]?.source).toEqual({ kind: 'registry', url: 'https://registry.example.org/' });
    expect(inventory.packages[1]?.integrity).toEqual([{ algorithm: 'sha1', value: 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d' }]);
  });

  it('has workspaces as projects and resolves nested keys like node_modules', () => {
    expect(inventory.projects).toEqual([
      { id: 'project:.', name: 'app', path: '' },
      { id: 'project:packages/lib', name: '@app/lib', path: 'packages/lib' },
    ]);
    expect(inventory.edges).toEqual([
      { from: '__proto__', to: '__proto__/constructor' },
      { from: 'project:.', to: '__proto__' },
      { from: 'project:.', to: 'chalk-old' },
      { from: 'project:.', to: '@app/lib' },
      { from: 'project:packages/lib', to: 'constructor' },
    ]);
  });

  it('reports malformed JSONC with line and column', () => {
    const err = thrown(() => parser.parse('{\n  "lockfileVersion": 1,\n  "packages": {\n    "a": ["a@1.0.0" "", {}],\n  },\n}\n', 'x/bun.lock'));
    expect(err.file).toBe('x/bun.lock');
    expect([err.line, err.column]).toEqual([4, 21]);
    expect(err.reason).toMatch(/^invalid JSON: Expected ',' or ']' after array element/);
  });

  it('blanks comments and trailing commas in place, so lines and columns stay true', () => {
    const text = '{ // bun writes JSONC\n  "lockfileVersion": 1, /* a\n  block */ "packages": {\n    "a": ["a@1.0.0", "", {},],\n  },\n  "x": "// not a comment, ]",\n}\n';
    expect(blankCommentsAndTrailingCommas(text).split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(parser.parse(text, 'x/bun.lock').packages.map((p) => `${p.name}@${p.version}`)).toEqual(['a@1.0.0']);
    const err = thrown(() => parser.parse('{ /* one\n two */ "a": [1 2] }', 'x/bun.lock'));
    expect([err.line, err.column]).toEqual([2, 17]);
  });

  it('rejects a tuple without a name@version string and an unknown lockfileVersion', () => {
    const bad = thrown(() => parser.parse('{\n  "lockfileVersion": 1,\n  "packages": {\n    "wrappy-bad": [123, "", {}],\n  }\n}', 'bun.lock'));
    expect(bad.reason).toMatch(/^could not extract 'wrappy-bad'/);
    expect(bad.line).toBe(4);
    const version = thrown(() => parser.parse('{"lockfileVersion": 7, "packages": {}}', 'bun.lock'));
    expect(version.code).toBe('UNSUPPORTED_FORMAT');
    expect(version.reason).toBe('unsupported lockfileVersion 7 (supported: 0, 1)');
  });
});
