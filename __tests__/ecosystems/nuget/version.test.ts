import { describe, expect, it } from 'vitest';
import { compareVersions, LockwardenError, normalizePackageName } from '@lockwarden/core';

const cmp = (a: string, b: string): number => compareVersions('NuGet', a, b);

describe('NuGet version order', () => {
  it('pads to four numbers and compares them numerically', () => {
    expect(cmp('1.0', '1.0.0.0')).toBe(0);
    expect(cmp('1.0.0.9', '1.0.0.10')).toBe(-1);
    expect(cmp('1.0.01', '1.0.1')).toBe(0);
  });

  it('compares prerelease labels case-insensitively and ignores metadata', () => {
    expect(cmp('1.0.0-RC.1', '1.0.0-rc.1')).toBe(0);
    expect(cmp('1.0.0-rc.2', '1.0.0-rc.10')).toBe(-1);
    expect(cmp('1.0.0-alpha', '1.0.0')).toBe(-1);
    expect(cmp('1.0.0+build.5', '1.0.0+other')).toBe(0);
  });

  it('throws INVALID_VERSION for text that is not a version', () => {
    for (const bad of ['', 'latest', '1.0.0.0.0', '1..0', '1.0.0-']) {
      expect(() => cmp(bad, '1.0'), bad).toThrow(LockwardenError);
    }
  });

  it('normalises package ids to lowercase', () => {
    expect(normalizePackageName('NuGet', 'Newtonsoft.Json')).toBe('newtonsoft.json');
  });
});
