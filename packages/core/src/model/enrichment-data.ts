/** Facts fetched from one data source, keyed by `packageKey()`. */
export interface EnrichmentData<T> {
  byPackage: Map<string, T>;
  /** Human name of the source ("OSV API at https://...", "offline DB at ./osv"). */
  source: string;
  /** Age of the data: offline export time, or the cache entry's time. */
  dataAsOf?: Date;
}
