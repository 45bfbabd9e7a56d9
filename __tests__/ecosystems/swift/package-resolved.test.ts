import { describe, expect, it } from 'vitest';
import { compareVersions, loadLockfileParser, normalizePackageName, ParseError } from '@lockwarden/core';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('Package.resolved');


const V1 = JSON.stringify({
  object: {
    pins: [
      {
        package: 'Alamofire',
        repositoryURL: 'https://github.com/Alamofire/Alamofire.git',
        state: { branch: null, revision: 'f455c2975872ccd2d9c81594c658af65716e9b9a', version: '5.8.1' },
      },
      {
        package: 'Nightly',
        repositoryURL: 'git@github.com:acme/nightly.git',
        state: { branch: 'main', revision: '0123456789abcdef0123456789abcdef01234567', version: null },
      },
    ],
  },
  version: 1,
});

const V3 = JSON.stringify(
  {
  originHash: 'abc',
  pins: [
    {
      identity: 'swift-log',
      kind: 'remoteSourceControl',
      location: 'https://GitHub.com/apple/swift-log',
      state: { revision: '96a2f8a0fa41e9e09af4585e2724c4e825410b91', version: '1.6.1' },
    },
    { identity: 'local-kit', kind: 'fileSystem', location: '/Users/me/local-kit', state: {} },
  ],
  version: 3,
  },
  null,
  2,
);

describe('Package.resolved', () => {
  it('reads v1 pins: URL names, purls, branch pins without a version', () => {
    const inv = parser.parse(V1, 'Package.resolved');
    expect(inv.ecosystem).toBe('SwiftURL');
    expect(inv.packages.map((p) => [p.name, p.version, p.purl])).toEqual([
      ['github.com/Alamofire/Alamofire', '5.8.1', 'pkg:swift/github.com/Alamofire/Alamofire@5.8.1'],
      ['github.com/acme/nightly', '', 'pkg:swift/github.com/acme/nightly@0123456789abcdef0123456789abcdef01234567'],
    ]);
    expect(inv.packages[1]?.source).toEqual({
      kind: 'git',
      url: 'git@github.com:acme/nightly.git',
      commit: '0123456789abcdef0123456789abcdef01234567',
      ref: 'main',
    });
  });

  it('gives v1 pins (under object.pins) their lines, and leaves nested objects alone', () => {
    const pretty = JSON.stringify(JSON.parse(V1), null, 2);
    const inv = parser.parse(pretty, 'Package.resolved');
    const lineOf = (needle: string) => pretty.split('\n').findIndex((l) => l.includes(needle)) + 1;
    // Each pin's line is the line of its opening brace, one above its first key.
    expect(inv.packages.map((p) => p.location.line)).toEqual([lineOf('"package": "Alamofire"') - 1, lineOf('"package": "Nightly"') - 1]);
  });

  it('reads v2/v3 pins and leaves out local packages', () => {
    const inv = parser.parse(V3, 'Package.resolved');
    expect(inv.packages.map((p) => [p.name, p.version, p.purl, p.location.line])).toEqual([
      ['github.com/apple/swift-log', '1.6.1', 'pkg:swift/github.com/apple/swift-log@1.6.1', 4],
    ]);
  });

  it('normalises URLs to the SwiftURL name and orders versions by SemVer', () => {
    expect(normalizePackageName('SwiftURL', 'https://github.com/apple/swift-nio.git/')).toBe('github.com/apple/swift-nio');
    expect(normalizePackageName('SwiftURL', 'ssh://git@example.org/team/pkg.git')).toBe('example.org/team/pkg');
    expect(compareVersions('SwiftURL', '1.0.0-beta.2', '1.0.0')).toBe(-1);
    expect(compareVersions('SwiftURL', 'v2.0.0', '2.0.0')).toBe(0);
  });

  it('rejects truncated JSON, empty files and the wrong shape with a location', () => {
    const err = errorOf(() => parser.parse(V3.slice(0, 60), 'Package.resolved'));
    expect(err.line).toBe(5);
    expect(err.column).toBeGreaterThan(0);
    expect(() => parser.parse('', 'Package.resolved')).toThrow(ParseError);
    expect(errorOf(() => parser.parse('{"version":2}', 'Package.resolved')).reason).toBe(
      'not a Package.resolved: no "pins" array',
    );
    expect(errorOf(() => parser.parse('{"pins":[\n{"state":{}}]}', 'Package.resolved')).message).toBe(
      'Package.resolved:2: pin 0 has no repository location',
    );
    expect(errorOf(() => parser.parse('{"pins":[{"location":"just-a-name","state":{"version":"1.0.0"}}]}', 'P')).reason).toBe(
      'pin location "just-a-name" is not a repository URL',
    );
    expect(errorOf(() => parser.parse('{"pins":[{"location":"https://x.org/a/b","state":{}}]}', 'P')).reason).toBe(
      'pin "https://x.org/a/b" has neither a version nor a revision',
    );
    expect(() => parser.parse('\u0000\u00ff\ufffd{', 'Package.resolved')).toThrow(ParseError);
  });
});
