import { describe, expect, it } from 'vitest';
import { compareVersions, LockwardenError } from '@lockwarden/core';

const cmp = (a: string, b: string): number => compareVersions('Pub', a, b);

describe('Pub version order (pub_semver)', () => {
  it('follows SemVer precedence for prereleases', () => {
    expect(cmp('1.0.0-dev.1', '1.0.0-dev.2')).toBe(-1);
    expect(cmp('1.0.0-dev.10', '1.0.0-dev.9')).toBe(1);
    expect(cmp('1.0.0-beta', '1.0.0')).toBe(-1);
  });

  it('orders build metadata, unlike SemVer: none < numeric < text', () => {
    expect(cmp('1.2.3', '1.2.3+1')).toBe(-1);
    expect(cmp('1.2.3+1', '1.2.3+10')).toBe(-1);
    expect(cmp('1.2.3+9', '1.2.3+hotfix')).toBe(-1);
    expect(cmp('1.2.3+hotfix', '1.2.3+hotfix')).toBe(0);
    // The build never outranks the release itself.
    expect(cmp('1.2.3+99', '1.2.4-dev')).toBe(-1);
  });

  it('accepts a v prefix and huge numbers', () => {
    expect(cmp('v1.2.3', '1.2.3')).toBe(0);
    expect(cmp('99999999999999999999.0.0', '100000000000000000000.0.0')).toBe(-1);
  });

  it('throws INVALID_VERSION for text that is not a version', () => {
    expect(() => cmp('any', '1.0.0')).toThrow(LockwardenError);
    expect(() => cmp('1'.repeat(5000), '1.0.0')).toThrow(LockwardenError);
  });
});
