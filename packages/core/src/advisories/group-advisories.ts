import { compareVersions } from '../ecosystems/registry.js';
import { severityRank, type Severity } from '../findings/finding.js';
import type { PackageRef } from '../model/package.js';
import type { Advisory } from './types.js';
import type { RecordMatch } from './osv-match.js';
import { isMalwareRecord, type OsvRecord } from './osv-record.js';
import { recordSeverity, type CvssScorer } from './severity.js';

/** An OSV record together with what matching it against one package decided. */
export interface MatchedRecord {
  record: OsvRecord;
  match: RecordMatch;
  /** The source (the OSV API) reported the record as affecting the package, whatever local matching said. */
  reportedBySource?: boolean;
}

// GHSA ids lead (reviewed, with package ranges), CVE ids trail (they carry no package data of their own).
function idRank(id: string): number {
  if (id.startsWith('GHSA-')) return 0;
  if (id.startsWith('MAL-')) return 1;
  if (id.startsWith('CVE-')) return 3;
  return 2;
}

function byIdRank(a: string, b: string): number {
  return idRank(a) - idRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Turns the records that affect one package into advisories: records that alias each other (directly or through
 * a shared alias, e.g. a GHSA and a PYSEC record both naming one CVE) become one advisory listing every id.
 * Severity is the most severe of the group; the remedy is the lowest fixed version above the installed one.
 */
export function groupAdvisories(pkg: PackageRef, matched: readonly MatchedRecord[], scoreOf: CvssScorer): Advisory[] {
  const groups = groupByAlias(matched);
  const advisories = groups.map((group) => toAdvisory(pkg, group, scoreOf));
  return advisories.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || byIdRank(a.id, b.id));
}

function groupByAlias(matched: readonly MatchedRecord[]): MatchedRecord[][] {
  const parent = matched.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const owner = new Map<string, number>();
  matched.forEach((m, i) => {
    for (const id of [m.record.id, ...(m.record.aliases ?? [])]) {
      const seen = owner.get(id);
      if (seen === undefined) owner.set(id, i);
      else parent[find(i)] = find(seen);
    }
  });
  const groups = new Map<number, MatchedRecord[]>();
  matched.forEach((m, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(m);
    groups.set(root, list);
  });
  return [...groups.values()];
}

function toAdvisory(pkg: PackageRef, group: MatchedRecord[], scoreOf: CvssScorer): Advisory {
  const records = group.map((m) => m.record);
  const primary = [...records].sort((a, b) => byIdRank(a.id, b.id))[0] as OsvRecord;
  const ids = [...new Set(records.flatMap((r) => [r.id, ...(r.aliases ?? [])]))].filter((id) => id !== primary.id).sort(byIdRank);
  const kind = records.some(isMalwareRecord) ? 'malware' : 'vulnerability';

  let severity: Severity = 'unknown';
  let score: number | undefined;
  let vector: string | undefined;
  for (const record of records) {
    const s = recordSeverity(record, scoreOf);
    if (severityRank(s.severity) < severityRank(severity) || (s.severity === severity && (s.score ?? -1) > (score ?? -1))) {
      severity = s.severity;
      score = s.score;
      vector = s.vector;
    }
  }
  // OpenSSF malware reports carry no CVSS; a malicious package is as bad as it gets.
  if (kind === 'malware' && severity === 'unknown') severity = 'critical';

  const advisory: Advisory = {
    id: primary.id,
    ids: [primary.id, ...ids],
    kind,
    summary: summaryOf(primary) || records.map(summaryOf).find((s) => s !== '') || '',
    severity,
    match: matchOf(group),
  };
  if (score !== undefined) advisory.score = score;
  if (vector !== undefined) advisory.vector = vector;
  const fixed = lowestFixedAbove(pkg, group.flatMap((m) => m.match.fixed));
  if (fixed !== undefined) advisory.fixed = fixed;
  const published = records.map((r) => r.published).filter((d): d is string => !!d).sort()[0];
  if (published) advisory.published = published;
  const modified = records.map((r) => r.modified).filter((d) => d !== '').sort().at(-1);
  if (modified) advisory.modified = modified;
  const references = [...new Set(records.flatMap((r) => (r.references ?? []).map((ref) => ref.url)))];
  if (references.length > 0) advisory.references = references;
  const notes = [...new Set(group.flatMap((m) => m.match.notes))];
  if (notes.length > 0) advisory.notes = notes;
  return advisory;
}

function summaryOf(record: OsvRecord): string {
  if (record.summary?.trim()) return record.summary.trim();
  return (record.details ?? '').trim().split('\n')[0]?.slice(0, 200) ?? '';
}

function matchOf(group: MatchedRecord[]): Advisory['match'] {
  const order: Advisory['match'][] = ['range', 'versions', 'git'];
  for (const basis of order) if (group.some((m) => m.match.verdict === 'affected' && m.match.basis === basis)) return basis;
  if (group.some((m) => m.reportedBySource)) return 'source';
  return 'undetermined';
}

/** The lowest of `candidates` strictly above the installed version, ordered as the ecosystem orders versions. */
export function lowestFixedAbove(pkg: PackageRef, candidates: readonly string[]): string | undefined {
  if (pkg.version === '') return undefined;
  const compare = (a: string, b: string): number | undefined => {
    try {
      return compareVersions(pkg.ecosystem, a, b);
    } catch {
      // No ordering for the ecosystem (yet) or an unparsable version: no remedy rather than a guessed one.
      return undefined;
    }
  };
  let best: string | undefined;
  for (const candidate of new Set(candidates)) {
    if (compare(candidate, pkg.version) !== 1) continue;
    if (best === undefined || compare(candidate, best) === -1) best = candidate;
  }
  return best;
}
