import { describe, expect, it } from 'vitest';
import { loadLockfileParser, ParseError } from '@lockwarden/core';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('packages.lock.json');


const HASH = Buffer.alloc(64, 0xab).toString('base64');

const LOCK = JSON.stringify(
  {
    version: 1,
    dependencies: {
      'net6.0': {
        'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.3, )', resolved: '13.0.3', contentHash: HASH },
        'System.Memory': { type: 'Transitive', resolved: '4.5.5', contentHash: 'not base64!' },
        'My.Library': { type: 'Project', dependencies: { 'Newtonsoft.Json': '[13.0.3, )' } },
      },
      'net8.0': {
        'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.3, )', resolved: '13.0.3', contentHash: HASH },
        'System.Memory': { type: 'CentralTransitive', requested: '[4.5.5, )', resolved: '4.5.5' },
        'System.Buffers': { type: 'Transitive', resolved: '4.6.0-preview.1' },
      },
    },
  },
  null,
  2,
);

describe('packages.lock.json', () => {
  it('reports each package once across target frameworks, with sha512 integrity and purls', () => {
    const inv = parser.parse(LOCK, 'packages.lock.json');
    expect(inv.ecosystem).toBe('NuGet');
    expect(inv.packages.map((p) => [p.name, p.version, p.direct, p.location.line])).toEqual([
      ['Newtonsoft.Json', '13.0.3', true, 5],
      ['System.Memory', '4.5.5', false, 11],
      ['System.Buffers', '4.6.0-preview.1', false, 35],
    ]);
    expect(inv.packages[0]?.integrity).toEqual([{ algorithm: 'sha512', value: 'ab'.repeat(64) }]);
    expect(inv.packages[1]?.integrity).toEqual([]);
    expect(inv.packages[0]?.purl).toBe('pkg:nuget/Newtonsoft.Json@13.0.3');
    expect(inv.packages[2]?.purl).toBe('pkg:nuget/System.Buffers@4.6.0-preview.1');
  });

  it('rejects truncated JSON with a line and column', () => {
    const err = errorOf(() => parser.parse(LOCK.slice(0, 200), 'packages.lock.json'));
    expect(err.line).toBeGreaterThan(1);
    expect(err.column).toBeGreaterThan(0);
  });

  it('rejects documents of the wrong shape and entries without a version', () => {
    expect(errorOf(() => parser.parse('[]', 'packages.lock.json')).reason).toBe(
      'not a NuGet packages.lock.json: no "dependencies" object',
    );
    expect(errorOf(() => parser.parse('{"dependencies":{"net6.0":[]}}', 'p.json')).reason).toBe(
      '"dependencies.net6.0" is not an object',
    );
    const noVersion = errorOf(() => parser.parse('{"dependencies":{\n "net6.0":{\n  "A":{"type":"Direct"}}}}', 'p.json'));
    expect(noVersion.message).toBe('p.json:3: "dependencies.net6.0.A" has no "resolved" version');
    const badId = errorOf(() => parser.parse('{"dependencies":{"net6.0":{\n"":{"resolved":"1.0.0"}}}}', 'p.json'));
    expect(badId.message).toBe('p.json:2: "" is not a valid NuGet package id');
  });

  it('rejects binary garbage and survives deep nesting', () => {
    expect(() => parser.parse('\u0000\u0001PK\u0003\u0004', 'packages.lock.json')).toThrow(ParseError);
    const deep = `{"dependencies":{"net6.0":{"A":{"resolved":"1.0.0","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`;
    // V8's JSON.parse is iterative: extra nesting in a field lockwarden does not read costs nothing, except
    // the entry's line, which the (recursive) position parser cannot give for it.
    const inv = parser.parse(deep, 'packages.lock.json');
    expect(inv.packages).toHaveLength(1);
    expect(inv.packages[0]?.location).toEqual({ file: 'packages.lock.json' });
  });
});

describe('packages.lock.json lines at scale', () => {
  it('gives each of thousands of entries its own line (one property map per object, not a scan per entry)', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => `    "Pkg.N${i}": { "type": "Transitive", "resolved": "1.0.${i}" }`);
    const text = `{\n  "version": 1,\n  "dependencies": {\n   "net8.0": {\n${entries.join(',\n')}\n   }\n  }\n}\n`;
    const inv = parser.parse(text, 'packages.lock.json');
    expect(inv.packages).toHaveLength(3000);
    expect(inv.packages[0]?.location.line).toBe(5);
    expect(inv.packages[2999]?.location.line).toBe(3004);
  });
});
