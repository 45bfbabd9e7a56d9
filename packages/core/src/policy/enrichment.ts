import type { Advisory } from '../advisories/types.js';
import type { EnrichmentData } from '../model/enrichment-data.js';
import type { RegistryMetadata } from '../registry/registry-metadata.js';

// The data types are defined where they are produced (model, registry); re-exported so policy users find them here.
export type { EnrichmentData } from '../model/enrichment-data.js';
export type { RegistryMetadata, RegistryMetadataSource } from '../registry/registry-metadata.js';

/** A source that was asked and could not answer: its rules cannot be evaluated. */
export interface SourceFailure {
  data: 'advisories' | 'registry';
  source: string;
  message: string;
}

/**
 * Everything `evaluate()` knows beyond the lockfiles. Rules never fetch: the engine (runCheck, vetPackages)
 * gathers this first. A data kind that is absent was not consulted (offline, or no client); a kind listed in
 * `failures` was consulted and failed, which makes the verdict `error` unless the policy says `fail-open`.
 */
export interface Enrichment {
  advisories?: EnrichmentData<Advisory[]>;
  registry?: EnrichmentData<RegistryMetadata>;
  failures?: SourceFailure[];
  /** Why a data kind was deliberately not consulted (e.g. `registry: "offline"`); listed in the report. */
  skipped?: Partial<Record<'advisories' | 'registry', string>>;
}
