import { compareVersions, normalizePackageName } from '../ecosystems/registry.js';
import { compareSemver } from '../ecosystems/semver-order.js';
import type { PackageRef } from '../model/package.js';
import { parsePurl } from '../model/purl.js';
import { isWithdrawn, type OsvAffected, type OsvEvent, type OsvRecord } from './osv-record.js';

/** How a match was decided: an ordered range, the explicit `versions[]` list, or a pinned git commit. */
export type MatchBasis = 'range' | 'versions' | 'git';

/** The outcome of evaluating one OSV record against one package version. */
export interface RecordMatch {
  /**
   * `undetermined` means the record names the package but lockwarden could not order its versions (no ordering
   * for the ecosystem yet, or a version it cannot parse) and the record has no `versions[]` list to fall back on.
   */
  verdict: 'affected' | 'not-affected' | 'undetermined';
  basis?: MatchBasis;
  /** Every `fixed` event of the ranges that name this package; the caller picks the lowest above the installed version. */
  fixed: string[];
  /** Why the verdict rests on weaker ground than an ordered range (the fallbacks taken). */
  notes: string[];
}

type Compare = (a: string, b: string) => number;

/**
 * Evaluates `record` for `pkg` as the OSV schema defines it (https://ossf.github.io/osv-schema/#evaluation):
 * matching `affected[].package` by ecosystem and normalised name (or purl), then explicit `versions[]`, then
 * SEMVER and ECOSYSTEM ranges with introduced/fixed/last_affected/limit events. GIT ranges are matched only
 * when the package is pinned to a commit the record names. Withdrawn records never match.
 */
export function matchRecord(record: OsvRecord, pkg: PackageRef): RecordMatch {
  const result: RecordMatch = { verdict: 'not-affected', fixed: [], notes: [] };
  if (isWithdrawn(record)) return result;
  const entries = (record.affected ?? []).filter((a) => affectsPackage(a, pkg));
  if (entries.length === 0) return result;

  let affected: MatchBasis | undefined;
  let unordered = false;
  let hasVersionList = false;
  for (const entry of entries) {
    const ecosystemCompare = orderingFor(pkg.ecosystem);
    for (const range of entry.ranges ?? []) {
      if (range.type === 'GIT') {
        if (pkg.commit && gitRangeListsCommit(range.events, pkg.commit)) affected ??= 'git';
        continue;
      }
      if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') continue;
      for (const e of range.events) if (e.fixed !== undefined) result.fixed.push(e.fixed);
      if (pkg.version === '') continue;
      const compare = range.type === 'SEMVER' ? compareOsvSemver : ecosystemCompare;
      try {
        if (rangeIncludes(range.events, pkg.version, compare)) affected ??= 'range';
      } catch {
        unordered = true;
      }
    }
    const versions = entry.versions ?? [];
    if (versions.length > 0) hasVersionList = true;
    if (pkg.version !== '' && versions.some((v) => sameVersion(v, pkg.version, ecosystemCompare))) affected ??= 'versions';
    if (pkg.commit && versions.some((v) => sameCommit(v, pkg.commit as string))) affected ??= 'git';
  }

  if (unordered) {
    result.notes.push(
      hasVersionList
        ? `could not order ${pkg.ecosystem} version "${pkg.version}" against the record's ranges; decided by its explicit versions list`
        : `could not order ${pkg.ecosystem} version "${pkg.version}" against the record's ranges, and it lists no explicit versions`,
    );
  }
  if (affected) {
    result.verdict = 'affected';
    result.basis = affected;
  } else if (unordered && !hasVersionList) {
    result.verdict = 'undetermined';
  }
  return result;
}

/** The OSV evaluation loop over one range's events, sorted by version; `limit` events cap the whole range. */
export function rangeIncludes(events: readonly OsvEvent[], version: string, compare: Compare): boolean {
  for (const e of events) {
    if (e.limit !== undefined && e.limit !== '*' && compare(version, e.limit) >= 0) return false;
  }
  const ordered = events
    .filter((e) => e.limit === undefined)
    .map((e) => ({ e, at: eventVersion(e) }))
    .sort((x, y) => compareEvents(x.e, x.at, y.e, y.at, compare));
  let vulnerable = false;
  for (const { e } of ordered) {
    if (e.introduced !== undefined) {
      if (e.introduced === '0' || compare(version, e.introduced) >= 0) vulnerable = true;
    } else if (e.fixed !== undefined) {
      if (compare(version, e.fixed) >= 0) vulnerable = false;
    } else if (e.last_affected !== undefined) {
      if (compare(version, e.last_affected) > 0) vulnerable = false;
    }
  }
  return vulnerable;
}

function eventVersion(e: OsvEvent): string {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
}

// At equal versions an introduced event comes first, so `introduced: X, fixed: X` describes an empty range.
const EVENT_RANK = (e: OsvEvent): number => (e.introduced !== undefined ? 0 : e.last_affected !== undefined ? 1 : 2);

function compareEvents(a: OsvEvent, av: string, b: OsvEvent, bv: string, compare: Compare): number {
  const aZero = a.introduced === '0';
  const bZero = b.introduced === '0';
  if (aZero || bZero) return aZero && bZero ? 0 : aZero ? -1 : 1;
  return compare(av, bv) || EVENT_RANK(a) - EVENT_RANK(b);
}

function orderingFor(ecosystem: string): Compare {
  return (a, b) => compareVersions(ecosystem, a, b);
}

function compareOsvSemver(a: string, b: string): number {
  return compareSemver(a, b, 'SEMVER-range');
}

function sameVersion(listed: string, version: string, compare: Compare): boolean {
  if (listed === version) return true;
  try {
    return compare(listed, version) === 0;
  } catch {
    return false;
  }
}

/** Commit ids match when equal, or when one is an abbreviation (at least 7 hex digits) of the other. */
export function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 7 || !/^[0-9a-f]+$/.test(x) || !/^[0-9a-f]+$/.test(y)) return false;
  return x.startsWith(y) || y.startsWith(x);
}

function gitRangeListsCommit(events: readonly OsvEvent[], commit: string): boolean {
  // Without the repository's history only the commits the record names can be placed: introduced and
  // last_affected commits are affected, a fixed or limit commit is not.
  return events.some(
    (e) =>
      (e.introduced !== undefined && e.introduced !== '0' && sameCommit(e.introduced, commit)) ||
      (e.last_affected !== undefined && sameCommit(e.last_affected, commit)),
  );
}

/** True when an `affected[]` entry names the package, by ecosystem + normalised name or by purl. */
export function affectsPackage(affected: OsvAffected, pkg: PackageRef): boolean {
  const p = affected.package;
  if (!p) return false;
  // Ecosystems may carry a suffix ("Debian:12", "Ubuntu:22.04:LTS"); the part before it names the ecosystem.
  const ecosystem = p.ecosystem.split(':')[0];
  if (ecosystem === pkg.ecosystem && normalizeName(pkg.ecosystem, p.name) === normalizeName(pkg.ecosystem, pkg.name)) {
    return true;
  }
  return p.purl !== undefined && pkg.purl !== undefined && samePurlPackage(p.purl, pkg.purl);
}

/** The ecosystem's canonical name, or the name as written while the ecosystem has no plug-in yet. */
export function normalizeName(ecosystem: string, name: string): string {
  try {
    return normalizePackageName(ecosystem, name);
  } catch {
    return name;
  }
}

function samePurlPackage(a: string, b: string): boolean {
  try {
    const x = parsePurl(a);
    const y = parsePurl(b);
    return x.type === y.type && (x.namespace ?? '') === (y.namespace ?? '') && x.name === y.name;
  } catch {
    return false;
  }
}
