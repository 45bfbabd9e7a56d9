import { describe, expect, it } from 'vitest';
import { compareVersions, getEcosystemPlugin, LockwardenError, normalizePackageName } from '@lockwarden/core';

const cmp = (a: string, b: string): number => compareVersions('PyPI', a, b);

describe('PyPI version ordering (PEP 440)', () => {
  it('orders the PEP 440 example sequence strictly ascending, in both directions', () => {
    // From PEP 440 "Summary of permitted suffixes and relative ordering", plus epochs and local versions.
    const ascending = [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
      '1!0.1',
    ];
    for (let i = 0; i < ascending.length - 1; i++) {
      const a = ascending[i] ?? '';
      const b = ascending[i + 1] ?? '';
      expect([a, b, cmp(a, b)]).toEqual([a, b, -1]);
      expect([b, a, cmp(b, a)]).toEqual([b, a, 1]);
    }
  });

  it('treats normalised spellings as equal', () => {
    const equal: [string, string][] = [
      ['1.0', '1.0.0.0'],
      ['1.0a', '1.0a0'],
      ['1.0alpha1', '1.0a1'],
      ['1.0-beta.2', '1.0b2'],
      ['1.0c1', '1.0rc1'],
      ['1.0preview1', '1.0rc1'],
      ['1.0-1', '1.0.post1'],
      ['1.0r', '1.0.post0'],
      ['1.0.DEV', '1.0.dev0'],
      ['v1.0', '1.0'],
      ['  1.0\n', '1.0'],
      ['0!1.0', '1.0'],
      ['01.002', '1.2'],
      ['1.0+ubuntu-1', '1.0+ubuntu.1'],
      ['1.0+ABC', '1.0+abc'],
    ];
    for (const [a, b] of equal) expect([a, b, cmp(a, b)]).toEqual([a, b, 0]);
  });

  it('compares release numbers beyond 2^53 exactly', () => {
    expect(cmp('1.20240101123456789', '1.20240101123456790')).toBe(-1);
    expect(cmp('1.9007199254740993', '1.9007199254740992')).toBe(1); // equal as floats
    expect(cmp('99999999999999999999', '99999999999999999998')).toBe(1);
    expect(cmp('1!0', '99999999999999999999')).toBe(1);
  });

  it('sorts local segments: alphanumeric before numeric, numbers numerically, shorter first', () => {
    expect(cmp('1.0+abc', '1.0+1')).toBe(-1);
    expect(cmp('1.0+9', '1.0+10')).toBe(-1);
    expect(cmp('1.0+1e5', '1.0+2')).toBe(-1); // "1e5" is a string segment, not a number
    expect(cmp('1.0+a', '1.0+a.0')).toBe(-1);
  });

  it('puts legacy (non-PEP 440) versions before every PEP 440 version, ordered by the old setuptools key', () => {
    expect(cmp('2.0.1rc2-git', '0.0.1')).toBe(-1);
    expect(cmp('0.1-bulbasaur', '0.1-charmander')).toBe(-1);
    expect(cmp('2013-01-21T20:33:09+0100', '2013-01-23T17:11:52+0100')).toBe(-1);
    expect(cmp('trunk', 'trunk')).toBe(0);
  });

  it('throws INVALID_VERSION for an empty version', () => {
    const thrown = (a: string, b: string): unknown => {
      try {
        return cmp(a, b);
      } catch (err) {
        return err;
      }
    };
    for (const err of [thrown('', '1.0'), thrown('1.0', ' ')]) {
      expect(err).toBeInstanceOf(LockwardenError);
      expect((err as LockwardenError).code).toBe('INVALID_VERSION');
    }
  });

  it('refuses over-long versions instead of scanning them', () => {
    const long = `1${'.1'.repeat(50_000)}`;
    // Over the length cap a string is not PEP 440, so it sorts as legacy; comparing two of them is refused.
    expect(cmp(long, '1.0')).toBe(-1);
    expect(() => cmp(long, long)).toThrow(/longer than 1024/);
    expect(cmp(`${'a-'.repeat(400)}1`, `${'a-'.repeat(400)}2`)).toBe(-1);
  });
});

describe('PyPI name normalisation (PEP 503)', () => {
  it('collapses runs of -, _ and . and lowercases', () => {
    expect(normalizePackageName('PyPI', 'Foo__Bar.baz')).toBe('foo-bar-baz');
    expect(normalizePackageName('PyPI', 'combination-._-.also_-._valid')).toBe('combination-also-valid');
    expect(normalizePackageName('PyPI', 'zope.interface')).toBe('zope-interface');
    expect(getEcosystemPlugin('PyPI').purlType).toBe('pypi');
  });
});
