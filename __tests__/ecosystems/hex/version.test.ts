import { describe, expect, it } from 'vitest';
import { compareVersions, LockwardenError, normalizePackageName } from '@lockwarden/core';

const cmp = (a: string, b: string): number => compareVersions('Hex', a, b);

describe('Hex version order (SemVer 2.0)', () => {
  it('orders prereleases before the release and ignores build metadata', () => {
    expect(cmp('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(cmp('1.0.0-rc.2', '1.0.0-rc.10')).toBe(-1);
    expect(cmp('1.0.0+build.1', '1.0.0+build.2')).toBe(0);
  });

  it('throws INVALID_VERSION for text that is not a version', () => {
    expect(() => cmp('~> 1.0', '1.0.0')).toThrow(LockwardenError);
  });

  it('normalises names to lowercase', () => {
    expect(normalizePackageName('Hex', 'Phoenix')).toBe('phoenix');
  });
});
