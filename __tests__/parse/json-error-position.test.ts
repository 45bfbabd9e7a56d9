import { describe, expect, it } from 'vitest';
import { parseJson, ParseError } from '@lockwarden/core';
import { findJsonSyntaxError } from '../../packages/core/src/parse/json-error-position.js';

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on what is valid', () => {
    for (const ok of ['{"a":1}', '[]', '{}', ' [1, -2.5e3, {"x": [true, null, "\\u00e9\\n"]}] ', '"s"', '0']) {
      expect(findJsonSyntaxError(ok), ok).toBeUndefined();
    }
  });

  it('points at the first offending character', () => {
    const cases: Array<[string, number]> = [
      ['{"a":}', 5],
      ['[1,]', 3],
      ['{"a":1,}', 7],
      ['{,}', 1],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['tru', 0],
      ['"abc', 4],
      ['"a\\x"', 2],
      ['{"a":1}x', 7],
      ['', 0],
      ['01', 1],
    ];
    for (const [text, at] of cases) expect(findJsonSyntaxError(text), text).toBe(at);
  });

  it('survives deep nesting without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(1_000_000))).toBe(1_000_000);
  });

  it('gives parseJson a line and column where Node names no position', () => {
    let caught: unknown;
    try {
      parseJson('{\n  "packages": [\n    {"name": "a/b",}\n  ]\n}', 'composer.lock');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).line).toBe(3);
    expect((caught as ParseError).column).toBe(20);
  });
});
