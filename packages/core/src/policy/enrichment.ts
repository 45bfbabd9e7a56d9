import type { Advisory } from '../advisories/types.js';
import type { Package } from '../model/package.js';
import type { HubRepoFacts } from '../registry/types.js';
import type { PublishingHistory } from '../registry/publishing-history.js';

/**
 * What a registry says about one package version. Every field is optional: a registry client fills what its
 * API answers, and a rule that needs a missing field reports "not evaluated" for that package.
 */
export interface RegistryMetadata {
  /** The registry knows the package name. */
  exists: boolean;
  /** The registry knows this version (undefined when not asked). */
  versionExists?: boolean;
  /** When this version was published (ISO date-time). */
  publishedAt?: string;
  /** When the package's first version was published (ISO date-time). */
  firstPublishedAt?: string;
  versionCount?: number;
  /** Downloads over the registry's usual window (npm: last week; PyPI: last month). */
  downloads?: number;
  /** Deprecation message or yank reason; `true` when deprecated without a message. */
  deprecated?: string | boolean;
  license?: string;
  repository?: string;
  hasInstallScript?: boolean;
  /**
   * True when the ecosystem ships a bundled popularity snapshot and the package is not in it, i.e. it has fewer
   * downloads than the snapshot's least popular name; used as "unpopular" when the registry reports no downloads.
   */
  belowPopularitySnapshot?: boolean;
  /** How this version was published, against the versions before it (npm); filled by the registry module. */
  publishing?: PublishingHistory;
  /** Hugging Face Hub repositories: gating, files, model card. */
  hub?: HubRepoFacts;
}

/** Facts fetched from one data source, keyed by `packageKey()`. */
export interface EnrichmentData<T> {
  byPackage: Map<string, T>;
  /** Human name of the source ("OSV API at https://...", "offline DB at ./osv"). */
  source: string;
  /** Age of the data: offline export time, or the cache entry's time. */
  dataAsOf?: Date;
}

/** A source that was asked and could not answer: its rules cannot be evaluated. */
export interface SourceFailure {
  data: 'advisories' | 'registry';
  source: string;
  message: string;
}

/**
 * Everything `evaluate()` knows beyond the lockfiles. The engine never fetches: callers (runCheck, the Action,
 * `vet`) gather this first. A data kind that is absent was not consulted (offline, or no client); a kind listed in
 * `failures` was consulted and failed, which makes the verdict `error` unless the policy says `fail-open`.
 */
export interface Enrichment {
  advisories?: EnrichmentData<Advisory[]>;
  registry?: EnrichmentData<RegistryMetadata>;
  failures?: SourceFailure[];
  /** Why a data kind was deliberately not consulted (e.g. `registry: "offline"`); listed in the report. */
  skipped?: Partial<Record<'advisories' | 'registry', string>>;
}

/**
 * Answers registry questions for a set of packages (the registry-intelligence module implements it per ecosystem).
 * Like an AdvisorySource it throws SourceUnavailableError after retries and never returns empty on an outage.
 */
export interface RegistryMetadataSource {
  readonly name: string;
  lookup(packages: readonly Package[], options?: { signal?: AbortSignal }): Promise<EnrichmentData<RegistryMetadata>>;
}
