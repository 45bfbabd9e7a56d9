import type { DiskCache } from './disk-cache.js';
import { RegistryHttp, type RegistryResponse } from './registry-http.js';

/** What every client needs to fetch documents: the HTTP client and, optionally, the on-disk cache. */
export interface RegistryFetchContext {
  http: RegistryHttp;
  cache?: DiskCache;
}

/**
 * GETs through the cache: a fresh cached answer (200 or 404) is used as is; otherwise the registry is asked and
 * the answer stored. Identical concurrent requests share one fetch.
 */
export class RegistryFetcher {
  private readonly inFlight = new Map<string, Promise<RegistryResponse>>();

  constructor(private readonly context: RegistryFetchContext) {}

  get(
    url: string,
    source: string,
    headers: Record<string, string> = {},
    options: { notFound?: (res: Response) => boolean } = {},
  ): Promise<RegistryResponse> {
    const key = `${url}\n${headers.accept ?? ''}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const run = (async () => {
      const cached = this.context.cache?.get(key);
      if (cached) return cached;
      const res = await this.context.http.get(url, source, headers, options);
      this.context.cache?.set(key, res);
      return res;
    })();
    this.inFlight.set(key, run);
    run.catch(() => this.inFlight.delete(key));
    return run;
  }
}
