import { isRecord } from '../parse/json.js';

/** One event of an OSV range (https://ossf.github.io/osv-schema/#affectedrangesevents-fields); exactly one key is set. */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: 'SEMVER' | 'ECOSYSTEM' | 'GIT' | string;
  repo?: string;
  events: OsvEvent[];
}

export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  severity?: OsvSeverity[];
  database_specific?: Record<string, unknown>;
  ecosystem_specific?: Record<string, unknown>;
}

/** The fields of an OSV record (schema 1.x) that lockwarden reads; the rest is carried along untouched. */
export interface OsvRecord {
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  database_specific?: Record<string, unknown>;
}

/**
 * Checks that a parsed JSON value has the shape of an OSV record and returns it typed, or a reason it is not one.
 * Only the fields the matcher depends on are checked strictly; a record that fails is skipped with a warning
 * rather than trusted half-way.
 */
export function toOsvRecord(value: unknown): OsvRecord | string {
  if (!isRecord(value)) return 'not a JSON object';
  if (typeof value.id !== 'string' || value.id === '') return 'missing "id"';
  if (value.modified !== undefined && typeof value.modified !== 'string') return `${value.id}: "modified" is not a string`;
  if (value.aliases !== undefined && !isStringArray(value.aliases)) return `${value.id}: "aliases" is not a list of strings`;
  if (value.affected !== undefined) {
    if (!Array.isArray(value.affected)) return `${value.id}: "affected" is not a list`;
    for (const affected of value.affected) {
      const problem = checkAffected(affected);
      if (problem) return `${value.id}: ${problem}`;
    }
  }
  if (value.severity !== undefined && !isSeverityList(value.severity)) return `${value.id}: "severity" is malformed`;
  return { ...(value as unknown as OsvRecord), modified: typeof value.modified === 'string' ? value.modified : '' };
}

function checkAffected(affected: unknown): string | undefined {
  if (!isRecord(affected)) return '"affected" entry is not an object';
  const pkg = affected.package;
  if (pkg !== undefined) {
    if (!isRecord(pkg) || typeof pkg.ecosystem !== 'string' || typeof pkg.name !== 'string') {
      return '"affected[].package" needs "ecosystem" and "name" strings';
    }
    if (pkg.purl !== undefined && typeof pkg.purl !== 'string') return '"affected[].package.purl" is not a string';
  }
  if (affected.versions !== undefined && !isStringArray(affected.versions)) return '"affected[].versions" is not a list of strings';
  if (affected.severity !== undefined && !isSeverityList(affected.severity)) return '"affected[].severity" is malformed';
  if (affected.ranges !== undefined) {
    if (!Array.isArray(affected.ranges)) return '"affected[].ranges" is not a list';
    for (const range of affected.ranges) {
      if (!isRecord(range) || typeof range.type !== 'string' || !Array.isArray(range.events)) {
        return '"affected[].ranges[]" needs "type" and "events"';
      }
      for (const event of range.events) {
        if (!isRecord(event)) return 'a range event is not an object';
        const keys = Object.keys(event).filter((k) => ['introduced', 'fixed', 'last_affected', 'limit'].includes(k));
        if (keys.length !== 1 || typeof event[keys[0] as string] !== 'string') {
          return 'a range event must have exactly one of introduced/fixed/last_affected/limit as a string';
        }
      }
    }
  }
  return undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isSeverityList(value: unknown): value is OsvSeverity[] {
  return Array.isArray(value) && value.every((s) => isRecord(s) && typeof s.type === 'string' && typeof s.score === 'string');
}

/** True when the record was withdrawn: OSV keeps withdrawn records, but they no longer claim anything. */
export function isWithdrawn(record: OsvRecord): boolean {
  return typeof record.withdrawn === 'string' && record.withdrawn !== '';
}

/** Malicious-package reports: OpenSSF `MAL-` ids, or CWE-506 (embedded malicious code) on the record or an affected entry. */
export function isMalwareRecord(record: OsvRecord): boolean {
  if (record.id.startsWith('MAL-')) return true;
  if (hasCwe506(record.database_specific?.cwe_ids) || hasCwe506(record.database_specific?.cwes)) return true;
  return (record.affected ?? []).some((a) => hasCwe506(a.database_specific?.cwes) || hasCwe506(a.database_specific?.cwe_ids));
}

function hasCwe506(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.some((entry) => {
    // OSV uses plain strings ("CWE-506"); some feeds (OpenSSF) use objects with a `cweId`.
    const id = typeof entry === 'string' ? entry : isRecord(entry) ? entry.cweId ?? entry.id : undefined;
    return typeof id === 'string' && id.toUpperCase() === 'CWE-506';
  });
}
