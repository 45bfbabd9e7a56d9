import type { EnrichmentData } from '../model/enrichment-data.js';
import type { HubRepoFacts } from '../model/hub-repo-facts.js';
import type { Package } from '../model/package.js';
import type { PublishingHistory } from './publishing-history.js';

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
  /** The declared license; `null` when the registry records licenses and this package declares none. */
  license?: string | null;
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

/**
 * Answers registry questions for a set of packages (the registry-intelligence module implements it per ecosystem).
 * Like an AdvisorySource it throws SourceUnavailableError after retries and never returns empty on an outage.
 */
export interface RegistryMetadataSource {
  readonly name: string;
  lookup(packages: readonly Package[], options?: { signal?: AbortSignal }): Promise<EnrichmentData<RegistryMetadata>>;
}
