import { SourceUnavailableError } from '../errors.js';
import type { Logger } from '../log/logger.js';

/** A registry response: only 2xx and 404 reach the caller; everything else is retried, then thrown. */
export interface RegistryResponse {
  status: number;
  body: string;
  /** The final URL after redirects. */
  url: string;
  /** The `Last-Modified` header, for repositories whose files carry no publish time of their own (Maven). */
  lastModified?: string;
}

/** Tuning for retries and limits; tests shorten the delays. */
export interface RegistryHttpOptions {
  /** Attempts after the first one for 408/429/5xx and network errors. Default 3. */
  retries?: number;
  /** First backoff delay; doubled each attempt, with full jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest wait honoured from a `Retry-After` header. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Bodies larger than this are refused (a packument of a huge package is ~30 MB). Default 64 MB. */
  maxBytes?: number;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  logger?: Logger;
  /** Sleeps between attempts; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * GETs registry documents with retries (408/429/5xx and network errors, exponential backoff with full jitter,
 * `Retry-After` honoured), a timeout and a size cap. After the last attempt it throws `SourceUnavailableError`:
 * an outage must never read as "package does not exist".
 */
export class RegistryHttp {
  private readonly options: Required<Omit<RegistryHttpOptions, 'logger'>> & { logger?: Logger };

  constructor(options: RegistryHttpOptions = {}) {
    this.options = {
      retries: options.retries ?? 3,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
      fetch: options.fetch ?? globalThis.fetch,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      ...(options.logger ? { logger: options.logger } : {}),
    };
  }

  /** GETs `url`; `source` names the registry in errors ("npm registry"). */
  async get(
    url: string,
    source: string,
    headers: Record<string, string> = {},
    options: { notFound?: (res: Response) => boolean } = {},
  ): Promise<RegistryResponse> {
    const { retries, baseDelayMs } = this.options;
    let lastProblem = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const res = await this.options.fetch(url, {
          headers: { 'user-agent': 'lockwarden', ...headers },
          redirect: 'follow',
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        if (res.ok || res.status === 404) {
          const body = await this.readBody(res, url, source);
          const lastModified = res.headers.get('last-modified');
          return { status: res.status, body, url: res.url || url, ...(lastModified ? { lastModified } : {}) };
        }
        // Some registries answer "no such package" with another status (the Hugging Face Hub: 401 RepoNotFound).
        if (options.notFound?.(res)) {
          await res.body?.cancel();
          return { status: 404, body: '', url: res.url || url };
        }
        await res.body?.cancel();
        lastProblem = `HTTP ${res.status}`;
        if (!RETRYABLE.has(res.status)) break;
        retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      } catch (err) {
        if (err instanceof SourceUnavailableError) throw err;
        lastProblem = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      if (attempt < retries) {
        const backoff = Math.random() * baseDelayMs * 2 ** attempt;
        const wait = Math.min(Math.max(backoff, retryAfterMs ?? 0), this.options.maxRetryAfterMs);
        this.options.logger?.debug(`${source}: ${lastProblem} for ${redact(url)}, retrying in ${Math.round(wait)} ms`);
        await this.options.sleep(wait);
      }
    }
    throw new SourceUnavailableError(source, `${lastProblem} for ${redact(url)} after ${retries + 1} attempts`);
  }

  private async readBody(res: Response, url: string, source: string): Promise<string> {
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > this.options.maxBytes) {
      await res.body?.cancel();
      throw new SourceUnavailableError(source, `response for ${redact(url)} is larger than ${this.options.maxBytes} bytes`);
    }
    const reader = res.body?.getReader();
    if (!reader) return '';
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.options.maxBytes) {
        await reader.cancel();
        throw new SourceUnavailableError(source, `response for ${redact(url)} is larger than ${this.options.maxBytes} bytes`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A URL with any userinfo removed, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}
