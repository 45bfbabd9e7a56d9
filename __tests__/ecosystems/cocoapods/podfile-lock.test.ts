import { describe, expect, it } from 'vitest';
import { compareVersions, loadLockfileParser, ParseError } from '@lockwarden/core';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('Podfile.lock');


const LOCK = `PODS:
  - Alamofire (5.8.1)
  - Firebase/Core (10.18.0):
    - Firebase/CoreOnly
    - FirebaseAnalytics (~> 10.18.0)
  - Firebase/CoreOnly (10.18.0):
    - FirebaseCore (= 10.18.0)
  - MyKit (0.1.0)

DEPENDENCIES:
  - Alamofire (~> 5.8)
  - Firebase/Core
  - MyKit (from \`https://git.example.org/me/MyKit.git\`, tag \`0.1.0\`)

EXTERNAL SOURCES:
  MyKit:
    :git: https://git.example.org/me/MyKit.git
    :tag: 0.1.0

CHECKOUT OPTIONS:
  MyKit:
    :git: https://git.example.org/me/MyKit.git
    :tag: 0.1.0
    :commit: 0123456789abcdef0123456789abcdef01234567

COCOAPODS: 1.14.3
`;

describe('Podfile.lock', () => {
  it('reads pods, folds subspecs, marks direct pods and git sources', () => {
    const inv = parser.parse(LOCK, 'Podfile.lock');
    expect(inv.ecosystem).toBe('CocoaPods');
    expect(inv.packages.map((p) => [p.name, p.version, p.direct, p.location.line, p.purl])).toEqual([
      ['Alamofire', '5.8.1', true, 2, 'pkg:cocoapods/Alamofire@5.8.1'],
      ['Firebase', '10.18.0', true, 3, 'pkg:cocoapods/Firebase@10.18.0'],
      ['MyKit', '0.1.0', true, 8, 'pkg:cocoapods/MyKit@0.1.0'],
    ]);
    expect(inv.packages[0]?.source).toEqual({ kind: 'registry' });
    expect(inv.packages[2]?.source).toEqual({
      kind: 'git',
      url: 'https://git.example.org/me/MyKit.git',
      commit: '0123456789abcdef0123456789abcdef01234567',
      ref: '0.1.0',
    });
  });

  it('finds each pod\'s line whichever YAML path reads the file', () => {
    const lines = (text: string) => parser.parse(text, 'Podfile.lock').packages.map((p) => [p.name, p.location.line]);
    const expected = [['Alamofire', 2], ['Firebase', 3], ['MyKit', 8]];
    // The subset reader (machine-written YAML), js-yaml (a comment), the precise parse (an anchor).
    expect(lines(LOCK)).toEqual(expected);
    expect(lines(LOCK.replace('COCOAPODS: 1.14.3', '# written by hand\nCOCOAPODS: 1.14.3'))).toEqual(expected);
    expect(lines(LOCK.replace('COCOAPODS: 1.14.3', 'COCOAPODS: &v 1.14.3\nCOPY: *v'))).toEqual(expected);
    // A sequence at its key's own indentation, blank lines and comments among the items.
    expect(lines('PODS:\n- A (1.0)\n\n# note\n- B (2.0):\n  - A\nCOCOAPODS: 1.14.3\n')).toEqual([['A', 2], ['B', 5]]);
    // Where the line scan and the loader disagree (a repeated PODS key: the loader keeps the last), no pod gets a
    // line rather than a shifted one.
    expect(lines('PODS:\n  - A (1.0)\nPODS:\n  - B (2.0)\n')).toEqual([['B', undefined]]);
  });

  it('orders pod versions SemVer-style', () => {
    expect(compareVersions('CocoaPods', '1.0.0-beta.1', '1.0.0')).toBe(-1);
    expect(compareVersions('CocoaPods', '1.2', '1.2.0')).toBe(0);
  });

  it('rejects entries that are not "Name (version)" with their line', () => {
    const err = errorOf(() => parser.parse('PODS:\n  - Good (1.0)\n  - Broken 1.0\n', 'Podfile.lock'));
    expect(err.line).toBe(3);
    expect(err.reason).toBe('PODS entry 2 is not "Name (version)"');
  });

  it('rejects empty, truncated, non-YAML and binary input', () => {
    expect(errorOf(() => parser.parse('', 'Podfile.lock')).reason).toBe('not a Podfile.lock: no "PODS" list');
    expect(errorOf(() => parser.parse('PODS:\n  - "Alamo', 'Podfile.lock')).line).toBe(2);
    expect(errorOf(() => parser.parse('just some text', 'Podfile.lock')).reason).toBe('not a Podfile.lock: no "PODS" list');
    expect(() => parser.parse('\u0000\u0001\u00ff\ufffd', 'Podfile.lock')).toThrow(ParseError);
  });
});
