import { describe, expect, it } from 'vitest';
import { compareVersions, normalizePackageName } from '@lockwarden/core';

describe('RubyGems version order (Gem::Version)', () => {
  it('orders pre-releases before releases and drops trailing zeros', () => {
    const sorted = ['1.0.0.a', '1.0.0.alpha.2', '1.0.0.b1', '1.0.0.pre.rc1', '1.0.0.rc1', '1.0', '1.0.1', '1.10', '2'];
    for (let i = 0; i + 1 < sorted.length; i++) {
      expect(compareVersions('RubyGems', sorted[i] as string, sorted[i + 1] as string)).toBe(-1);
    }
    expect(compareVersions('RubyGems', '1.0.0', '1')).toBe(0);
    expect(compareVersions('RubyGems', '1.0-rc1', '1.0.pre.rc1')).toBe(0);
    expect(compareVersions('RubyGems', '', '0')).toBe(0);
  });

  it('compares numbers past 2^53 exactly', () => {
    expect(compareVersions('RubyGems', '9007199254740993', '9007199254740992')).toBe(1);
  });

  it('throws INVALID_VERSION for text that is no version', () => {
    expect(() => compareVersions('RubyGems', '1.0 beta', '1.0')).toThrow(expect.objectContaining({ code: 'INVALID_VERSION' }));
    expect(() => compareVersions('RubyGems', 'v1.0', '1.0')).toThrow(expect.objectContaining({ code: 'INVALID_VERSION' }));
  });

  it('keeps gem names as written', () => {
    expect(normalizePackageName('RubyGems', 'ActiveSupport')).toBe('ActiveSupport');
  });
});
