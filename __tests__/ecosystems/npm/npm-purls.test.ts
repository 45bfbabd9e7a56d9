import { describe, expect, it } from 'vitest';
import { buildPurl, loadLockfileParser, ParseError } from '@lockwarden/core';
import { NpmPurls } from '../../../packages/core/src/ecosystems/npm/package-collector.js';

/** What `buildPurl` makes of an npm name and version: the reference the fast path must match. */
function reference(name: string, version: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  return slash > 0 ? buildPurl('npm', name.slice(0, slash), name.slice(slash + 1), version) : buildPurl('npm', undefined, name, version);
}

describe('npm purls', () => {
  it('assembles exactly what packageurl-js builds, for plain and unusual names and versions', () => {
    const names = [
      'lodash',
      'a.b_c-d',
      '@babel/core',
      '@types/node',
      '__proto__',
      'constructor',
      'JSONStream',
      '@Scope/Pkg',
      'name with space',
      'ünïcode',
      '@s/a~b',
      'x!y',
    ];
    const versions = ['1.0.0', '1.0.0-rc.1+build.5', '2.0.0-Alpha', '', '1.0.0_peer', '0.0.0-use.local'];
    const purls = new NpmPurls();
    let checked = 0;
    for (const name of names) {
      for (const version of versions) {
        expect(purls.purl(name, version)).toBe(reference(name, version));
        checked++;
      }
    }
    expect(checked).toBe(72);
  });

  it('turns an unusable package name into a ParseError with the line, not a PurlError', async () => {
    const text = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},\n    "node_modules/": {"version": "1.0.0"}\n  }\n}';
    try {
      (await loadLockfileParser('package-lock.json')).parse(text, 'package-lock.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).reason).toBe('invalid package name "" at "node_modules/"');
      expect((err as ParseError).line).toBe(5);
    }
  });
});
