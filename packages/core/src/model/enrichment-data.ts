/**
 * A source that was asked and could not answer: its rules cannot be evaluated. With `packages`, only for those
 * packages (one registry of several failed, or a registry answered for some names and not others); without, for
 * every package that needs this kind of data.
 */
export interface SourceFailure {
  data: 'advisories' | 'registry';
  /** Names the failed source ("PyPI", "npm registry", "OSV API at …"). */
  source: string;
  message: string;
  /** `packageKey()`s of the packages the failure concerns; absent means all. */
  packages?: string[];
}

/** Facts fetched from one data source, keyed by `packageKey()`. */
export interface EnrichmentData<T> {
  byPackage: Map<string, T>;
  /** Human name of the source ("OSV API at https://...", "offline DB at ./osv"). */
  source: string;
  /** Age of the data: offline export time, or the cache entry's time. */
  dataAsOf?: Date;
  /** Parts of the source that failed while the rest answered (per registry, per package). */
  failures?: SourceFailure[];
}
