import { describe, expect, it } from 'vitest';
import { LockwardenError, matchPurlPattern, parsePurlPattern } from '@lockwarden/core';
import { npmPackage, pypiPackage } from '../helpers/packages.js';

const m = (pattern: string, pkg = npmPackage('lodash', '4.17.20')) => matchPurlPattern(parsePurlPattern(pattern), pkg);

describe('purl patterns', () => {
  it('splits name and version at the last @ that does not start a segment', () => {
    expect(parsePurlPattern('pkg:npm/@evil/thing@1.0.0')).toMatchObject({ type: 'npm', name: '@evil/thing', range: [[{ op: '=', version: '1.0.0' }]] });
    expect(parsePurlPattern('pkg:npm/%40evil/thing')).toMatchObject({ name: '@evil/thing', range: undefined });
    expect(parsePurlPattern('pkg:NPM/x?arch=x64#sub')).toMatchObject({ type: 'npm', name: 'x' });
  });

  it('reads exact versions, comparator sets and alternatives', () => {
    expect(parsePurlPattern('pkg:npm/x@>= 1.0.0, <2.0.0 || ==3.0.0').range).toEqual([
      [
        { op: '>=', version: '1.0.0' },
        { op: '<', version: '2.0.0' },
      ],
      [{ op: '=', version: '3.0.0' }],
    ]);
  });

  it('compares versions with the ecosystem ordering, not as strings', () => {
    expect(m('pkg:npm/lodash@<4.17.21')).toBe(true);
    expect(m('pkg:npm/lodash@<4.9.0')).toBe(false);
    expect(m('pkg:npm/lodash@>=4.0.0 <4.17.20')).toBe(false);
    expect(m('pkg:npm/lodash@>=4.0.0 <=4.17.20')).toBe(true);
    expect(m('pkg:npm/lodash@<1.0.0 || >4.17.19')).toBe(true);
    expect(m('pkg:npm/lodash@4.17.20')).toBe(true);
    expect(m('pkg:npm/lodash@4.17.21')).toBe(false);
  });

  it('globs: * stays within a segment, ** crosses; types must agree', () => {
    expect(m('pkg:npm/@evil/*', npmPackage('@evil/a', '1.0.0'))).toBe(true);
    expect(m('pkg:npm/@evil/*', npmPackage('@evil-twin/a', '1.0.0'))).toBe(false);
    expect(m('pkg:npm/*', npmPackage('@evil/a', '1.0.0'))).toBe(false);
    expect(m('pkg:npm/**', npmPackage('@evil/a', '1.0.0'))).toBe(true);
    expect(m('pkg:npm/lodash*')).toBe(true);
    expect(m('pkg:pypi/lodash')).toBe(false);
  });

  it('an uncomparable version is "unknown", so callers can fail closed', () => {
    expect(m('pkg:npm/lodash@<5', npmPackage('lodash', 'not-a-version'))).toBe('unknown');
    expect(m('pkg:npm/lodash@not-a-version', npmPackage('lodash', 'not-a-version'))).toBe(true);
    expect(m('pkg:npm/lodash@<5', npmPackage('lodash', ''))).toBe('unknown');
    expect(matchPurlPattern(parsePurlPattern('pkg:pypi/requests'), pypiPackage('requests', '2.0'))).toBe(true);
  });

  it('names compare as the ecosystem does (PEP 503 on PyPI), versions with its ordering', () => {
    const drf = pypiPackage('Django_Rest.Framework', '3.14.0');
    expect(matchPurlPattern(parsePurlPattern('pkg:pypi/django-rest-framework@<3.15'), drf)).toBe(true);
    expect(matchPurlPattern(parsePurlPattern('pkg:pypi/DJANGO_REST_FRAMEWORK'), drf)).toBe(true);
    expect(matchPurlPattern(parsePurlPattern('pkg:pypi/django-*'), drf)).toBe(true);
    expect(matchPurlPattern(parsePurlPattern('pkg:pypi/requests@<2.31'), pypiPackage('requests', '2.31.0rc1'))).toBe(true);
    expect(matchPurlPattern(parsePurlPattern('pkg:pypi/requests@<2.31'), pypiPackage('requests', '2.31.0'))).toBe(false);
    expect(matchPurlPattern(parsePurlPattern('pkg:npm/Lodash'), npmPackage('lodash', '1.0.0'))).toBe(false);
  });

  it.each(['lodash', 'pkg:npm/', 'pkg:npm/x@', 'pkg:npm/x@>=', 'pkg:npm/x@1 ||', 'pkg:npm/%E0%A4%A'])('rejects %s with a policy error', (p) => {
    expect(() => parsePurlPattern(p)).toThrow(LockwardenError);
  });
});
