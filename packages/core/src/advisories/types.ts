import type { SourceFailure } from '../model/enrichment-data.js';
import type { PackageRef } from '../model/package.js';
import type { Severity } from '../findings/finding.js';

/** One known vulnerability or malware report affecting one package version, after range matching. */
export interface Advisory {
  /** Primary id (the OSV record id). */
  id: string;
  /** All ids of the records grouped as one (GHSA, CVE, PYSEC, ...), primary first. */
  ids: string[];
  kind: 'vulnerability' | 'malware';
  summary: string;
  severity: Severity;
  /** CVSS base score where a vector was given. */
  score?: number;
  /** The CVSS vector the score came from. */
  vector?: string;
  /** Lowest fixed version above the installed one, when there is one. */
  fixed?: string;
  published?: string;
  modified?: string;
  references?: string[];
  /**
   * What the match rests on: an ordered range, the record's explicit versions list, a pinned git commit, the
   * source's own word (the OSV API matched it and lockwarden could not confirm it locally), or `undetermined`
   * (the record names the package but its versions could not be ordered and it lists none explicitly).
   */
  match: 'range' | 'versions' | 'git' | 'source' | 'undetermined';
  /** Fallbacks taken while matching, for the report. */
  notes?: string[];
}

/** What an advisory source found for a set of packages. */
export interface AdvisoryQueryResult {
  /** Matched advisories by `packageKey(pkg)`; packages with none may be absent. */
  byPackage: Map<string, Advisory[]>;
  /** Name of the source, for the report ("OSV API at https://...", "offline DB"). */
  source: string;
  /** When the data was last refreshed (offline DB export time); undefined for live APIs. */
  dataAsOf?: Date;
  /**
   * Packages the source could not answer for while it answered for the others (an offline database without one
   * ecosystem's export). Their advisory rules are "not evaluated", never "no advisories".
   */
  failures?: SourceFailure[];
}

/** Answers "which advisories affect these packages". Throws SourceUnavailableError after retries, never returns empty on an outage. */
export interface AdvisorySource {
  readonly name: string;
  query(packages: readonly PackageRef[], options?: { signal?: AbortSignal }): Promise<AdvisoryQueryResult>;
  /** Releases what the source holds open (the offline database's files); a no-op where there is nothing. */
  close?(): Promise<void>;
}
