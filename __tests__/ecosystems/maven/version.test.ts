import { describe, expect, it } from 'vitest';
import { compareVersions, LockwardenError } from '@lockwarden/core';

const cmp = (a: string, b: string): number => compareVersions('Maven', a, b);

describe('Maven version order (ComparableVersion)', () => {
  it('orders qualifiers alpha < beta < milestone < rc < snapshot < release < sp < unknown words', () => {
    const ordered = ['1-alpha', '1-beta', '1-milestone', '1-rc', '1-SNAPSHOT', '1', '1-sp', '1-abc', '1-xyz', '1.0.1'];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(cmp(ordered[i] as string, ordered[i + 1] as string), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(cmp(ordered[i + 1] as string, ordered[i] as string)).toBe(1);
    }
  });

  it('pads with zeros and drops release aliases', () => {
    expect(cmp('1', '1.0.0')).toBe(0);
    expect(cmp('1.0-final', '1')).toBe(0);
    expect(cmp('1.GA', '1.0')).toBe(0);
    expect(cmp('1.RELEASE', '1')).toBe(0);
    expect(cmp('1cr', '1-rc')).toBe(0);
  });

  it('reads single letters before a digit as alpha, beta and milestone', () => {
    expect(cmp('1a1', '1-alpha-1')).toBe(0);
    expect(cmp('1b2', '1-beta-2')).toBe(0);
    expect(cmp('1m3', '1-milestone-3')).toBe(0);
    // Without a digit after it, "a" is an ordinary (unknown) qualifier that sorts after the release.
    expect(cmp('1a', '1')).toBe(1);
  });

  it('treats "-" and "." differently: 1-1 sorts before 1.1 and after 1', () => {
    expect(cmp('1-1', '1.1')).toBe(-1);
    expect(cmp('1', '1-1')).toBe(-1);
    expect(cmp('1.0.0', '1-1')).toBe(-1);
  });

  it('compares numbers of any size exactly', () => {
    expect(cmp('12345678901234567890', '12345678901234567891')).toBe(-1);
    expect(cmp('1.00000000000000000000001', '1.1')).toBe(0);
  });

  it('is case-insensitive', () => {
    expect(cmp('1.0-SNAPSHOT', '1.0-snapshot')).toBe(0);
    expect(cmp('2.0.RC1', '2.0.rc1')).toBe(0);
  });

  it('rejects absurdly long versions with INVALID_VERSION instead of building a huge tree', () => {
    const long = '1-'.repeat(5000);
    expect(() => cmp(long, '1')).toThrow(LockwardenError);
    try {
      cmp(long, '1');
    } catch (err) {
      expect((err as LockwardenError).code).toBe('INVALID_VERSION');
    }
  });
});
