import { describe, expect, it } from 'vitest';
import { compareVersions } from '@lockwarden/core';

describe('Packagist version order (version_compare after Composer strips v)', () => {
  it('orders stability suffixes dev < alpha < beta < RC < release < patch', () => {
    const sorted = ['dev-main', '1.0.0-dev', '1.0.0-alpha1', '1.0.0-beta2', '1.0.0-RC1', '1.0.0', '1.0.0-p1', '1.0.1', 'v1.10.0'];
    for (let i = 0; i + 1 < sorted.length; i++) {
      expect(compareVersions('Packagist', sorted[i] as string, sorted[i + 1] as string)).toBe(-1);
      expect(compareVersions('Packagist', sorted[i + 1] as string, sorted[i] as string)).toBe(1);
    }
  });

  it('treats separators alike and a number as the special form #', () => {
    expect(compareVersions('Packagist', '1.0.0rc2', '1.0.0.rc2')).toBe(0);
    expect(compareVersions('Packagist', '1.25.0-beta2.1', '1.25.0_b.2.1')).toBe(0);
    expect(compareVersions('Packagist', 'V1.0.0', 'v1.0.0')).toBe(0);
    expect(compareVersions('Packagist', '1.0.0', '1.0')).toBe(1);
    expect(compareVersions('Packagist', '1.0-foo', '1.0-dev')).toBe(-1);
  });

  it('throws INVALID_VERSION for empty or whitespace-holding versions', () => {
    expect(() => compareVersions('Packagist', '', '1.0')).toThrow(expect.objectContaining({ code: 'INVALID_VERSION' }));
    expect(() => compareVersions('Packagist', '1.0 beta', '1.0')).toThrow(expect.objectContaining({ code: 'INVALID_VERSION' }));
  });
});
