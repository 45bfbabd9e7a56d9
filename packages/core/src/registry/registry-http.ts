import { SourceUnavailableError } from '../errors.js';
import { fetchWithRedirects, RedirectError } from '../http/redirects.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readCappedText } from '../http/response-limits.js';
import { attemptSignal, DEFAULT_SOURCE_DEADLINE_MS, SourceDeadline, sleepUnlessAborted } from '../http/source-deadline.js';
import type { Logger } from '../log/logger.js';
import { redactSecrets as redact } from '../log/redact.js';
import { splitUrlCredentials } from '../http/url-credentials.js';
import { causeSuffix } from '../http/error-cause.js';

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
  /** Bodies larger than this are refused, streaming (a packument of a huge package is ~30 MB). Default 64 MB. */
  maxBytes?: number;
  /**
   * How long one registry may keep requests waiting without answering any, per run (see `SourceDeadline`).
   * Default 60 s, or `LOCKWARDEN_SOURCE_DEADLINE` seconds when the caller reads it.
   */
  deadlineMs?: number;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  logger?: Logger;
  /** Sleeps between attempts, ending early when `signal` aborts; replaced in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * GETs registry documents with retries (408/429/5xx and network errors, exponential backoff with full jitter,
 * `Retry-After` honoured), a timeout and a size cap. After the last attempt it throws `SourceUnavailableError`:
 * an outage must never read as "package does not exist".
 */
export class RegistryHttp {
  private readonly options: Required<Omit<RegistryHttpOptions, 'logger'>> & { logger?: Logger };
  /** Basic auth learnt from a URL's userinfo, per origin: links a registry hands out omit it, as pip expects. */
  private readonly originAuth = new Map<string, string>();
  /** One deadline per registry (by source name), for the lifetime of this client: one run. */
  private readonly deadlines = new Map<string, SourceDeadline>();

  constructor(options: RegistryHttpOptions = {}) {
    this.options = {
      retries: options.retries ?? 3,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      deadlineMs: options.deadlineMs ?? DEFAULT_SOURCE_DEADLINE_MS,
      fetch: options.fetch ?? globalThis.fetch,
      sleep: options.sleep ?? cancellableSleep,
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
    return this.deadlineFor(source).run((deadline) => this.getWithRetries(url, source, headers, deadline, options));
  }

  private deadlineFor(source: string): SourceDeadline {
    let deadline = this.deadlines.get(source);
    if (!deadline) this.deadlines.set(source, (deadline = new SourceDeadline(source, this.options.deadlineMs)));
    return deadline;
  }

  private async getWithRetries(
    url: string,
    source: string,
    headers: Record<string, string>,
    deadline: AbortSignal,
    options: { notFound?: (res: Response) => boolean },
  ): Promise<RegistryResponse> {
    const { retries, baseDelayMs } = this.options;
    // Userinfo in a configured registry or index URL is sent as basic auth; a token header set by the caller wins.
    const request = splitUrlCredentials(url);
    const origin = originOf(request.url);
    if (request.authorization && origin) this.originAuth.set(origin, request.authorization);
    else if (origin && this.originAuth.has(origin)) request.authorization = this.originAuth.get(origin) as string;
    const tracker = this.deadlines.get(source);
    let lastProblem = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      let retryAfterMs: number | undefined;
      const signal = attemptSignal(this.options.timeoutMs, deadline);
      try {
        const res = await fetchWithRedirects(
          request.url,
          {
            headers: { 'user-agent': 'lockwarden', ...(request.authorization ? { authorization: request.authorization } : {}), ...headers },
            signal: signal.signal,
          },
          { source, fetch: this.options.fetch, ...(this.options.logger ? { logger: this.options.logger } : {}) },
        );
        if (res.ok || res.status === 404) {
          const body = await readCappedText(res, this.options.maxBytes, source, redact(url));
          // A whole answer, even an unwelcome one, shows the registry is alive: the deadline starts over.
          tracker?.answered();
          const lastModified = res.headers.get('last-modified');
          return { status: res.status, body, url: res.url || request.url, ...(lastModified ? { lastModified } : {}) };
        }
        // Some registries answer "no such package" with another status (the Hugging Face Hub: 401 RepoNotFound).
        if (options.notFound?.(res)) {
          await res.body?.cancel();
          return { status: 404, body: '', url: res.url || url };
        }
        await res.body?.cancel();
        tracker?.answered();
        lastProblem = `HTTP ${res.status}`;
        if (!RETRYABLE.has(res.status)) break;
        retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      } catch (err) {
        if (err instanceof SourceUnavailableError) throw err;
        if (err instanceof RedirectError) throw new SourceUnavailableError(source, err.message);
        if (deadline.aborted) throw deadline.reason;
        lastProblem = signal.timedOut() ? `timed out after ${this.options.timeoutMs} ms` : redact(err instanceof Error ? `${err.name}: ${err.message}${causeSuffix(err)}` : String(err));
      } finally {
        signal.dispose();
      }
      if (attempt < retries) {
        const backoff = Math.random() * baseDelayMs * 2 ** attempt;
        const wait = Math.min(Math.max(backoff, retryAfterMs ?? 0), this.options.maxRetryAfterMs);
        this.options.logger?.debug(`${source}: ${lastProblem} for ${redact(url)}, retrying in ${Math.round(wait)} ms`);
        await sleepUnlessAborted(this.options.sleep, wait, deadline);
        if (deadline.aborted) throw deadline.reason;
      }
    }
    throw new SourceUnavailableError(source, `${lastProblem} for ${redact(url)} after ${retries + 1} attempts`);
  }
}

/** A sleep whose timer is cleared when `signal` aborts, so an abandoned backoff never keeps the process alive. */
function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
