import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchRecord, rangeIncludes, sameCommit, toOsvRecord, type Ecosystem, type OsvEvent, type OsvRecord } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';

function record(affected: OsvRecord['affected'], extra: Partial<OsvRecord> = {}): OsvRecord {
  return { id: 'TEST-1', modified: '2024-01-01T00:00:00Z', affected, ...extra };
}

function npmRange(events: OsvEvent[], type = 'ECOSYSTEM'): OsvRecord {
  return record([{ package: { ecosystem: 'npm', name: 'pkg' }, ranges: [{ type, events }] }]);
}

function fixture(path: string): OsvRecord {
  const parsed = toOsvRecord(JSON.parse(readFileSync(`${REPO_ROOT}/__tests__/fixtures/osv/${path}`, 'utf8')));
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

// Every event combination of the OSV schema, evaluated at versions below, at and above each boundary.
const EVENT_CASES: { name: string; events: OsvEvent[]; affected: string[]; unaffected: string[] }[] = [
  { name: 'introduced 0 only (all versions)', events: [{ introduced: '0' }], affected: ['0.0.1', '1.0.0', '99.0.0'], unaffected: [] },
  { name: 'introduced X only', events: [{ introduced: '1.2.0' }], affected: ['1.2.0', '2.0.0'], unaffected: ['1.1.9', '1.2.0-rc.1'] },
  {
    name: 'introduced 0 + fixed',
    events: [{ introduced: '0' }, { fixed: '1.2.6' }],
    affected: ['0.0.1', '1.2.5', '1.2.6-beta.1'],
    unaffected: ['1.2.6', '1.3.0'],
  },
  {
    name: 'introduced + fixed',
    events: [{ introduced: '1.0.0' }, { fixed: '1.2.6' }],
    affected: ['1.0.0', '1.2.5'],
    unaffected: ['0.9.9', '1.0.0-rc.1', '1.2.6', '2.0.0'],
  },
  {
    name: 'introduced + last_affected',
    events: [{ introduced: '1.0.0' }, { last_affected: '1.4.2' }],
    affected: ['1.0.0', '1.4.2'],
    unaffected: ['0.9.0', '1.4.3', '1.5.0'],
  },
  {
    name: 'introduced 0 + last_affected',
    events: [{ introduced: '0' }, { last_affected: '4.5.1' }],
    affected: ['1.0.0', '4.5.1'],
    unaffected: ['4.5.2'],
  },
  {
    name: 'introduced + limit',
    events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }],
    affected: ['1.0.0', '1.9.9'],
    unaffected: ['0.1.0', '2.0.0', '3.0.0'],
  },
  {
    name: 'introduced + fixed + limit (limit caps)',
    events: [{ introduced: '1.0.0' }, { fixed: '3.0.0' }, { limit: '2.0.0' }],
    affected: ['1.5.0'],
    unaffected: ['2.0.0', '2.5.0', '3.0.0'],
  },
  {
    name: 'two introduced/fixed pairs',
    events: [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.5.0' }],
    affected: ['1.0.0', '1.4.9', '2.0.0', '2.4.9'],
    unaffected: ['0.9.0', '1.5.0', '1.9.9', '2.5.0', '3.0.0'],
  },
  {
    name: 'pairs listed out of order are sorted first',
    events: [{ fixed: '2.5.0' }, { introduced: '2.0.0' }, { fixed: '1.5.0' }, { introduced: '1.0.0' }],
    affected: ['1.2.0', '2.2.0'],
    unaffected: ['1.7.0', '2.6.0'],
  },
  {
    name: 'introduced + fixed + introduced (re-introduced, never fixed)',
    events: [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '3.0.0' }],
    affected: ['1.1.0', '3.0.0', '4.0.0'],
    unaffected: ['1.6.0', '2.9.9'],
  },
  {
    name: 'introduced equals fixed (empty range)',
    events: [{ introduced: '1.0.0' }, { fixed: '1.0.0' }],
    affected: [],
    unaffected: ['0.9.0', '1.0.0', '1.1.0'],
  },
  { name: 'fixed only (no introduced: nothing affected)', events: [{ fixed: '1.0.0' }], affected: [], unaffected: ['0.5.0', '1.5.0'] },
];

describe('OSV range evaluation, every event combination', () => {
  for (const type of ['ECOSYSTEM', 'SEMVER']) {
    for (const c of EVENT_CASES) {
      it(`${type}: ${c.name}`, () => {
        const r = npmRange(c.events, type);
        for (const version of c.affected) {
          expect({ version, verdict: matchRecord(r, { ecosystem: 'npm', name: 'pkg', version }).verdict }).toEqual({ version, verdict: 'affected' });
        }
        for (const version of c.unaffected) {
          expect({ version, verdict: matchRecord(r, { ecosystem: 'npm', name: 'pkg', version }).verdict }).toEqual({
            version,
            verdict: 'not-affected',
          });
        }
      });
    }
  }

  it('orders numerically, not as strings', () => {
    const cmp = (a: string, b: string): number => {
      const pa = a.split('.').map(Number);
      const pb = b.split('.').map(Number);
      for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] as number) - (pb[i] as number);
      return 0;
    };
    expect(rangeIncludes([{ introduced: '1.9.0' }, { fixed: '1.10.0' }], '1.9.5', cmp)).toBe(true);
    expect(rangeIncludes([{ introduced: '1.9.0' }, { fixed: '1.10.0' }], '1.10.0', cmp)).toBe(false);
  });
});

describe('matchRecord: package identity, versions[], withdrawn, GIT', () => {
  it('matches explicit versions[] without any range', () => {
    const r = record([{ package: { ecosystem: 'npm', name: 'pkg' }, versions: ['1.0.0', '1.0.1'] }]);
    expect(matchRecord(r, { ecosystem: 'npm', name: 'pkg', version: '1.0.1' })).toMatchObject({ verdict: 'affected', basis: 'versions' });
    expect(matchRecord(r, { ecosystem: 'npm', name: 'pkg', version: '1.0.2' }).verdict).toBe('not-affected');
  });

  it('never matches another package, another ecosystem, or a withdrawn record', () => {
    const r = npmRange([{ introduced: '0' }]);
    expect(matchRecord(r, { ecosystem: 'npm', name: 'other', version: '1.0.0' }).verdict).toBe('not-affected');
    expect(matchRecord(r, { ecosystem: 'PyPI', name: 'pkg', version: '1.0.0' }).verdict).toBe('not-affected');
    const withdrawn = { ...r, withdrawn: '2024-02-01T00:00:00Z' };
    expect(matchRecord(withdrawn, { ecosystem: 'npm', name: 'pkg', version: '1.0.0' }).verdict).toBe('not-affected');
  });

  it('matches by purl when the record gives one', () => {
    const r = record([
      { package: { ecosystem: 'npm', name: '@scope/pkg', purl: 'pkg:npm/%40scope/pkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] },
    ]);
    expect(matchRecord(r, { ecosystem: 'npm', name: 'aliased', version: '1.0.0', purl: 'pkg:npm/%40scope/pkg@1.0.0' }).verdict).toBe('affected');
  });

  it('an ecosystem without an ordering is undetermined, unless versions[] decides', () => {
    // Bitnami is an OSV ecosystem lockwarden has no plug-in for, so nothing can order its versions.
    const eco = 'Bitnami' as Ecosystem;
    const ranged = record([{ package: { ecosystem: eco, name: 'plug' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }] }]);
    const m = matchRecord(ranged, { ecosystem: eco, name: 'plug', version: '1.0.0' });
    expect(m.verdict).toBe('undetermined');
    expect(m.notes).toEqual([
      'could not order Bitnami version "1.0.0" against the record\'s ranges, and it lists no explicit versions',
    ]);
    const listed = record([
      {
        package: { ecosystem: eco, name: 'plug' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }],
        versions: ['1.0.0', '1.1.0'],
      },
    ]);
    const hit = matchRecord(listed, { ecosystem: eco, name: 'plug', version: '1.1.0' });
    expect(hit).toMatchObject({ verdict: 'affected', basis: 'versions' });
    expect(hit.notes[0]).toContain('decided by its explicit versions list');
    expect(matchRecord(listed, { ecosystem: eco, name: 'plug', version: '1.3.0' }).verdict).toBe('not-affected');
  });

  it('an unparsable npm version is undetermined rather than unaffected', () => {
    expect(matchRecord(npmRange([{ introduced: '0' }, { fixed: '2.0.0' }]), { ecosystem: 'npm', name: 'pkg', version: 'banana' }).verdict).toBe(
      'undetermined',
    );
  });

  it('GIT ranges match a pinned commit the record names (abbreviated or full), and not its fix', () => {
    const r = record([
      {
        package: { ecosystem: 'npm', name: 'pkg' },
        ranges: [
          {
            type: 'GIT',
            events: [{ introduced: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, { last_affected: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }, { fixed: 'cccccccccccccccccccccccccccccccccccccccc' }],
          },
        ],
      },
    ]);
    const at = (commit: string) => matchRecord(r, { ecosystem: 'npm', name: 'pkg', version: '', commit });
    expect(at('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toMatchObject({ verdict: 'affected', basis: 'git' });
    expect(at('bbbbbbb')).toMatchObject({ verdict: 'affected', basis: 'git' });
    expect(at('cccccccccccccccccccccccccccccccccccccccc').verdict).toBe('not-affected');
    expect(at('dddddddddddddddddddddddddddddddddddddddd').verdict).toBe('not-affected');
    expect(sameCommit('abc', 'abcdef0')).toBe(false);
  });

  it('collects every fixed event of the ranges naming the package', () => {
    const m = matchRecord(fixture('npm/GHSA-xvch-5gv4-984h.json'), { ecosystem: 'npm', name: 'minimist', version: '1.2.5' });
    expect(m).toMatchObject({ verdict: 'affected', basis: 'range' });
    expect(m.fixed).toEqual(['1.2.6', '0.2.4']);
  });
});

describe('matchRecord on real GHSA records', () => {
  it('PyPI: h11 0.14.0 is affected, 0.16.0 is not, and names match after PEP 503 normalisation', () => {
    const r = fixture('PyPI/GHSA-vqfr-h8mv-ghfj.json');
    expect(matchRecord(r, { ecosystem: 'PyPI', name: 'h11', version: '0.14.0' })).toMatchObject({ verdict: 'affected', basis: 'range', fixed: ['0.16.0'] });
    expect(matchRecord(r, { ecosystem: 'PyPI', name: 'H11', version: '0.16.0' }).verdict).toBe('not-affected');
    expect(matchRecord(r, { ecosystem: 'PyPI', name: 'H11', version: '0.16.0rc1' }).verdict).toBe('affected');
  });

  const cases: [string, string, string, 'affected' | 'not-affected'][] = [
    ['npm/GHSA-35jh-r3h4-6jhm.json', 'lodash', '4.17.20', 'affected'],
    ['npm/GHSA-35jh-r3h4-6jhm.json', 'lodash', '4.17.21', 'not-affected'],
    ['npm/GHSA-35jh-r3h4-6jhm.json', 'lodash-es', '4.17.15', 'affected'],
    ['npm/GHSA-29mw-wpgm-hmr9.json', 'lodash', '4.17.20', 'affected'],
    ['npm/GHSA-29mw-wpgm-hmr9.json', 'lodash.trim', '4.5.1', 'affected'],
    ['npm/GHSA-29mw-wpgm-hmr9.json', 'lodash.trim', '4.5.2', 'not-affected'],
    ['npm/GHSA-xxjr-mmjv-4gpg.json', 'lodash', '4.17.20', 'affected'],
    ['npm/GHSA-xxjr-mmjv-4gpg.json', 'lodash', '3.10.1', 'not-affected'],
    ['npm/GHSA-xxjr-mmjv-4gpg.json', 'lodash', '4.17.23', 'not-affected'],
    ['npm/GHSA-xvch-5gv4-984h.json', 'minimist', '1.2.5', 'affected'],
    ['npm/GHSA-xvch-5gv4-984h.json', 'minimist', '0.2.3', 'affected'],
    ['npm/GHSA-xvch-5gv4-984h.json', 'minimist', '0.2.4', 'not-affected'],
    ['npm/GHSA-xvch-5gv4-984h.json', 'minimist', '1.2.6', 'not-affected'],
  ];
  for (const [file, name, version, verdict] of cases) {
    it(`${file}: ${name}@${version} is ${verdict}`, () => {
      expect(matchRecord(fixture(file), { ecosystem: 'npm', name, version }).verdict).toBe(verdict);
    });
  }
});
