import { SourceUnavailableError } from '@lockwarden/core';

/** An upstream answer the proxy can act on: 2xx, 304 or 404. Everything else is retried, then thrown. */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  url: string;
}

/** Tuning of the upstream client; tests shorten the timeout and delays. */
export interface UpstreamHttpOptions {
  /** Per attempt (connect, headers and body). Default 30 s. */
  timeoutMs?: number;
  /** Attempts after the first for 408/429/5xx and network errors. Default 2. */
  retries?: number;
  /** First backoff delay, doubled per attempt. Default 250 ms. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || (status >= 500 && status <= 599);

/**
 * The proxy's HTTP client towards the upstream registries: retries with backoff, a per-attempt timeout, and after
 * the last attempt a `SourceUnavailableError`, which the proxy answers with 503. An outage is never passed on as
 * metadata or as "not found".
 */
export class UpstreamHttp {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: UpstreamHttpOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 250;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** GETs a document; `source` names the upstream in errors. */
  async get(url: string, source: string, headers: Record<string, string> = {}): Promise<UpstreamResponse> {
    const res = await this.request(url, source, headers, async (r) => Buffer.from(await r.arrayBuffer()));
    return res;
  }

  /**
   * GETs a download and hands back the open response for streaming; retries happen only before the headers
   * arrive (a half-sent body cannot be retried transparently). 404 is returned, not thrown.
   */
  async open(url: string, source: string, headers: Record<string, string> = {}): Promise<Response> {
    let problem = '';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      try {
        // The timeout covers the wait for the headers only: the body streams at the pace the client reads it,
        // and a client that queues hundreds of downloads (npm does) must not see them cut off mid-way.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), this.timeoutMs);
        let res: Response;
        try {
          res = await this.fetchImpl(url, { headers: { 'user-agent': 'lockwarden-guard', ...headers }, redirect: 'follow', signal: controller.signal });
        } finally {
          clearTimeout(timer);
        }
        if (res.ok || res.status === 404 || !RETRYABLE(res.status)) return res;
        await res.body?.cancel();
        problem = `HTTP ${res.status}`;
      } catch (err) {
        problem = describe(err);
      }
      if (attempt < this.retries) await sleep(this.backoffMs * 2 ** attempt);
    }
    throw new SourceUnavailableError(source, `${problem} for ${redact(url)} after ${this.retries + 1} attempts`);
  }

  private async request(
    url: string,
    source: string,
    headers: Record<string, string>,
    read: (r: Response) => Promise<Buffer>,
  ): Promise<UpstreamResponse> {
    let problem = '';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      try {
        const res = await this.fetchImpl(url, {
          headers: { 'user-agent': 'lockwarden-guard', ...headers },
          redirect: 'follow',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (res.ok || res.status === 304 || res.status === 404) {
          return { status: res.status, headers: res.headers, body: await read(res), url: res.url || url };
        }
        await res.body?.cancel();
        problem = `HTTP ${res.status}`;
        if (!RETRYABLE(res.status)) break;
      } catch (err) {
        problem = describe(err);
      }
      if (attempt < this.retries) await sleep(this.backoffMs * 2 ** attempt);
    }
    throw new SourceUnavailableError(source, `${problem} for ${redact(url)} after ${this.retries + 1} attempts`);
  }
}

function describe(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'timed out';
  if (err instanceof Error) return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
  return String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A URL without userinfo, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}
