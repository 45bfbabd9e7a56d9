import { describe, expect, it } from 'vitest';
import { compareVersions, normalizePackageName } from '@lockwarden/core';
import { canonicalGoVersion } from '../../../packages/core/src/ecosystems/go/version.js';

describe('Go version order', () => {
  it('orders releases, pre-releases and pseudo-versions as SemVer', () => {
    const sorted = [
      'v0.0.0-20190101000000-aaaaaaaaaaaa',
      'v0.0.0-20210630005230-0f9fa26af87c',
      'v0.1.0',
      'v1.2.3-rc.1',
      'v1.2.3',
      'v1.2.4-0.20230101000000-bbbbbbbbbbbb',
      'v1.2.4',
      'v1.10.0',
      'v2.0.0+incompatible',
    ];
    for (let i = 0; i + 1 < sorted.length; i++) {
      expect(compareVersions('Go', sorted[i] as string, sorted[i + 1] as string)).toBe(-1);
      expect(compareVersions('Go', sorted[i + 1] as string, sorted[i] as string)).toBe(1);
    }
  });

  it('ignores the v and +incompatible, since they are not part of the order', () => {
    expect(compareVersions('Go', '1.2.3', 'v1.2.3')).toBe(0);
    expect(compareVersions('Go', 'v2.0.0+incompatible', '2.0.0')).toBe(0);
  });

  it('orders stdlib versions written as Go releases (1.21rc2, go1.21.0)', () => {
    expect(compareVersions('Go', '1.21rc2', '1.21.0')).toBe(-1);
    expect(compareVersions('Go', '1.21beta1', '1.21rc1')).toBe(-1);
    expect(compareVersions('Go', 'go1.21.0', '1.21')).toBe(0);
    expect(compareVersions('Go', '1.20.14', '1.21rc1')).toBe(-1);
  });

  it('throws INVALID_VERSION for text that is no version', () => {
    expect(() => compareVersions('Go', 'latest', 'v1.0.0')).toThrow(expect.objectContaining({ code: 'INVALID_VERSION' }));
  });

  it('canonicalises go.mod versions like module.CanonicalVersion', () => {
    expect(canonicalGoVersion('v1')).toBe('v1.0.0');
    expect(canonicalGoVersion('v1.2')).toBe('v1.2.0');
    expect(canonicalGoVersion('v1.2.3+meta')).toBe('v1.2.3');
    expect(canonicalGoVersion('v2.1.0+incompatible')).toBe('v2.1.0+incompatible');
    expect(canonicalGoVersion('v1.2-pre')).toBeUndefined();
    expect(canonicalGoVersion('v01.2.3')).toBeUndefined();
    expect(canonicalGoVersion('1.2.3')).toBeUndefined();
  });

  it('keeps module paths as written (they are case-sensitive)', () => {
    expect(normalizePackageName('Go', 'github.com/BurntSushi/toml')).toBe('github.com/BurntSushi/toml');
  });
});
