import type { DiskCache } from './disk-cache.js';
import { RegistryHttp, type RegistryResponse } from './registry-http.js';

/** What every client needs to fetch documents: the HTTP client and, optionally, the on-disk cache. */
export interface RegistryFetchContext {
  http: RegistryHttp;
  cache?: DiskCache;
}

/** Reads and checks a 200 body (parse + shape), returning the document; throws when the body is unusable. */
export type BodyCheck = (body: string) => Promise<unknown>;

/** A response whose 200 body passed the caller's check, with the parsed document. */
export interface CheckedResponse extends RegistryResponse {
  /** The document `check` returned, for a 200 answer fetched with a check. */
  doc?: unknown;
}

/**
 * GETs through the cache: a fresh cached answer (200 or 404) is used as is; otherwise the registry is asked and
 * the answer stored. With `check`, a 200 body is parsed and shape-checked before it is stored, so a broken answer
 * (`{}`, an HTML error page) fails this run without being served from the cache for the next hour; a cached body
 * that no longer passes is asked for again. Identical concurrent requests share one fetch.
 */
export class RegistryFetcher {
  private readonly inFlight = new Map<string, Promise<CheckedResponse>>();

  constructor(private readonly context: RegistryFetchContext) {}

  get(
    url: string,
    source: string,
    headers: Record<string, string> = {},
    check?: BodyCheck,
    options: { notFound?: (res: Response) => boolean } = {},
  ): Promise<CheckedResponse> {
    const key = `${url}\n${headers.accept ?? ''}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const run = (async (): Promise<CheckedResponse> => {
      const cached = this.context.cache?.get(key);
      if (cached) {
        if (cached.status !== 200 || !check) return cached;
        try {
          return { ...cached, doc: await check(cached.body) };
        } catch {
          // A cached answer that no longer reads: ask the registry again.
        }
      }
      const res = await this.context.http.get(url, source, headers, options);
      const doc = res.status === 200 && check ? await check(res.body) : undefined;
      this.context.cache?.set(key, res);
      return doc === undefined ? res : { ...res, doc };
    })();
    this.inFlight.set(key, run);
    run.catch(() => this.inFlight.delete(key));
    return run;
  }
}
