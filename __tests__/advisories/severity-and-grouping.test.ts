import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cvssScore,
  groupAdvisories,
  isMalwareRecord,
  matchRecord,
  recordSeverity,
  severityFromScore,
  toOsvRecord,
  type OsvRecord,
  type PackageRef,
} from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';

function fixture(path: string): OsvRecord {
  const parsed = toOsvRecord(JSON.parse(readFileSync(`${REPO_ROOT}/__tests__/fixtures/osv/${path}`, 'utf8')));
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function rec(id: string, extra: Partial<OsvRecord> = {}): OsvRecord {
  return {
    id,
    modified: '2024-01-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'npm', name: 'pkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }],
    ...extra,
  };
}

const PKG: PackageRef = { ecosystem: 'npm', name: 'pkg', version: '1.0.0' };

function advisoriesFor(pkg: PackageRef, records: OsvRecord[]) {
  return groupAdvisories(
    pkg,
    records.map((record) => ({ record, match: matchRecord(record, pkg) })),
    cvssScore,
  );
}

describe('CVSS scoring', () => {
  const cases: [string, number | undefined][] = [
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    // v4.0 scores the vector as written: the E:P threat metric lowers 7.9 to 6.9, as FIRST's calculator shows.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:L/SC:H/SI:H/SA:H/E:P', 6.9],
    ['CVSS:4.0/AV:N', undefined],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q', undefined],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', undefined],
    ['garbage', undefined],
  ];
  for (const [vector, score] of cases) {
    it(`${vector} → ${String(score)}`, () => expect(cvssScore(vector)).toBe(score));
  }

  it('maps scores to FIRST bands', () => {
    expect([0, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityFromScore)).toEqual([
      'low',
      'low',
      'moderate',
      'moderate',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

describe('record severity', () => {
  it('uses the CVSS vector of real records', () => {
    expect(recordSeverity(fixture('npm/GHSA-35jh-r3h4-6jhm.json'), cvssScore)).toEqual({
      severity: 'high',
      score: 7.2,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
    });
    expect(recordSeverity(fixture('npm/GHSA-xvch-5gv4-984h.json'), cvssScore).severity).toBe('critical');
    expect(recordSeverity(fixture('npm/GHSA-29mw-wpgm-hmr9.json'), cvssScore)).toMatchObject({ severity: 'moderate', score: 5.3 });
    expect(recordSeverity(fixture('PyPI/GHSA-vqfr-h8mv-ghfj.json'), cvssScore)).toMatchObject({ severity: 'critical', score: 9.1 });
  });

  it('prefers a CVSS v4.0 vector over v3.1 on the same record', () => {
    expect(recordSeverity(fixture('npm/GHSA-xxjr-mmjv-4gpg.json'), cvssScore)).toEqual({
      severity: 'moderate',
      score: 6.9,
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:L/SC:H/SI:H/SA:H/E:P',
    });
  });

  it('falls back to the GHSA rating, then to unknown', () => {
    expect(recordSeverity(rec('X-1', { database_specific: { severity: 'MODERATE' } }), cvssScore).severity).toBe('moderate');
    expect(recordSeverity(rec('X-2', { severity: [{ type: 'CVSS_V3', score: 'not a vector' }], database_specific: { severity: 'LOW' } }), cvssScore)).toEqual({
      severity: 'low',
    });
    expect(recordSeverity(rec('X-3'), cvssScore).severity).toBe('unknown');
  });

  it('reads per-package severity of schema 1.5 records', () => {
    const r = rec('X-4');
    (r.affected ?? [])[0]!.severity = [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }];
    expect(recordSeverity(r, cvssScore)).toMatchObject({ severity: 'critical', score: 9.8 });
  });
});

describe('malware classification', () => {
  it('MAL- ids and CWE-506 are malware; other CWEs are not', () => {
    expect(isMalwareRecord(rec('MAL-2024-1'))).toBe(true);
    const cwe = rec('GHSA-aaaa-bbbb-cccc');
    cwe.affected![0]!.database_specific = { cwes: [{ cweId: 'CWE-506', name: 'Embedded Malicious Code' }] };
    expect(isMalwareRecord(cwe)).toBe(true);
    expect(isMalwareRecord(rec('GHSA-dddd-eeee-ffff', { database_specific: { cwe_ids: ['CWE-506'] } }))).toBe(true);
    expect(isMalwareRecord(fixture('npm/GHSA-35jh-r3h4-6jhm.json'))).toBe(false);
  });

  it('a malware advisory without a rating is critical', () => {
    const [advisory] = advisoriesFor(PKG, [rec('MAL-2024-1', { summary: 'Malicious code in pkg (npm)' })]);
    expect(advisory).toMatchObject({ id: 'MAL-2024-1', kind: 'malware', severity: 'critical', fixed: '2.0.0' });
  });
});

describe('grouping by alias', () => {
  it('merges records that alias each other directly or through a shared CVE', () => {
    const ghsa = rec('GHSA-aaaa-bbbb-cccc', { aliases: ['CVE-2024-0001'], database_specific: { severity: 'HIGH' }, summary: 'GHSA text' });
    const pysec = rec('PYSEC-2024-1', { aliases: ['CVE-2024-0001', 'GHSA-aaaa-bbbb-cccc'], summary: 'PYSEC text' });
    const cve = rec('CVE-2024-0001', { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] });
    const other = rec('GHSA-zzzz-yyyy-xxxx', { database_specific: { severity: 'LOW' } });
    const advisories = advisoriesFor(PKG, [pysec, other, cve, ghsa]);
    expect(advisories).toHaveLength(2);
    expect(advisories[0]).toMatchObject({
      id: 'GHSA-aaaa-bbbb-cccc',
      ids: ['GHSA-aaaa-bbbb-cccc', 'PYSEC-2024-1', 'CVE-2024-0001'],
      severity: 'critical',
      score: 9.8,
      summary: 'GHSA text',
      fixed: '2.0.0',
      match: 'range',
    });
    expect(advisories[1]).toMatchObject({ id: 'GHSA-zzzz-yyyy-xxxx', ids: ['GHSA-zzzz-yyyy-xxxx'], severity: 'low' });
  });

  it('the remedy is the lowest fixed version above the installed one', () => {
    const r = fixture('npm/GHSA-xvch-5gv4-984h.json');
    expect(advisoriesFor({ ecosystem: 'npm', name: 'minimist', version: '1.2.5' }, [r])[0]?.fixed).toBe('1.2.6');
    expect(advisoriesFor({ ecosystem: 'npm', name: 'minimist', version: '0.1.0' }, [r])[0]?.fixed).toBe('0.2.4');
    const noFix = rec('GHSA-nofi-xxxx-xxxx', {
      affected: [{ package: { ecosystem: 'npm', name: 'pkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }],
    });
    expect(advisoriesFor(PKG, [noFix])[0]?.fixed).toBeUndefined();
  });
});
