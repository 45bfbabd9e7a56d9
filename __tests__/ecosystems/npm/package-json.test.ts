import { describe, expect, it } from 'vitest';
import { allManifestParsers, ParseError } from '@lockwarden/core';

const parser = (await allManifestParsers()).find((p) => p.id === 'package.json');

describe('package.json manifest parser', () => {
  it('is registered for the npm ecosystem', () => {
    expect(parser?.ecosystem).toBe('npm');
    expect(parser?.fileNames).toEqual(['package.json']);
  });

  it('reads every dependency section with specifier, scopes, purl and line', () => {
    const text = `{
  "name": "app",
  "dependencies": {
    "@babel/core": "^7.0.0",
    "string-width-cjs": "npm:string-width@^4.2.0"
  },
  "devDependencies": {
    "vitest": "^4.0.0"
  },
  "optionalDependencies": {
    "fsevents": "2.3.3"
  },
  "peerDependencies": {
    "react": ">=18"
  }
}`;
    const deps = parser?.parse(text, 'package.json') ?? [];
    expect(deps.map((d) => [d.name, d.specifier, d.scopes, d.purl, d.location.line])).toEqual([
      ['@babel/core', '^7.0.0', [], 'pkg:npm/%40babel/core', 4],
      ['string-width', 'npm:string-width@^4.2.0', [], 'pkg:npm/string-width', 5],
      ['vitest', '^4.0.0', ['dev'], 'pkg:npm/vitest', 8],
      ['fsevents', '2.3.3', ['optional'], 'pkg:npm/fsevents', 11],
      ['react', '>=18', ['peer'], 'pkg:npm/react', 14],
    ]);
  });

  it('rejects malformed JSON and non-string specifiers with a ParseError', () => {
    expect(() => parser?.parse('{"dependencies": {', 'package.json')).toThrow(ParseError);
    try {
      parser?.parse('{\n  "dependencies": {\n    "a": 1\n  }\n}', 'package.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).line).toBe(3);
    }
  });
});
