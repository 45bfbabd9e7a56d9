import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { SourceUnavailableError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { redactSecrets } from '../log/redact.js';
import { splitUrlCredentials } from './url-credentials.js';
import { fetchWithRedirects, RedirectError } from './redirects.js';
import { DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES, readCappedText, refuseDeclaredOversize, ResponseTooLargeError } from './response-limits.js';
import { attemptSignal, DEFAULT_SOURCE_DEADLINE_MS, SourceDeadline } from './source-deadline.js';
import { causeSuffix } from './error-cause.js';

/** Settings shared by every client that talks JSON over HTTP (OSV, the package registries, the GitHub API). */
export interface HttpClientOptions {
  /** Names the remote in errors and logs ("OSV API", "npm registry"). */
  source: string;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** Per attempt, covering connect, headers and body (default 30 s). */
  timeoutMs?: number;
  /**
   * How long this source may keep requests waiting without answering any, over the client's lifetime (one run);
   * then every pending and later request fails at once (default 60 s; see `SourceDeadline`).
   */
  deadlineMs?: number;
  /** A JSON body larger than this is refused while streaming (default 64 MB, the same cap as the registries). */
  maxResponseBytes?: number;
  /** A download larger than this is refused while streaming (default 2 GB). */
  maxDownloadBytes?: number;
  userAgent?: string;
  logger?: Logger;
  /** First backoff delay; doubles each retry, with jitter (default 500 ms). */
  backoffBaseMs?: number;
  /** Cap on one backoff delay (default 30 s). */
  backoffMaxMs?: number;
  /** Longest `Retry-After` honoured; a server asking for longer is treated as unavailable (default 120 s). */
  retryAfterMaxMs?: number;
  /** Extra headers on every request (e.g. authorization for a private registry). */
  headers?: Record<string, string>;
  /** Waits between attempts; replaceable so tests can observe the delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Resolve to `undefined` on 404 instead of failing (a registry's "no such package" is an answer, not an outage). */
  notFoundAsUndefined?: boolean;
}

/** A response that says "try again": 408, 429 and 5xx. Every other non-2xx status is final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

class FinalError extends Error {}

/**
 * JSON over HTTP with the manners every lockwarden remote needs: a timeout per attempt (AbortSignal), retries on
 * 408/429/5xx, network errors, timeouts and truncated bodies, exponential backoff with jitter, `Retry-After`
 * honoured, and `SourceUnavailableError` once retries run out, so an outage can never read as "nothing found".
 * Uses the global fetch of Node 20.
 */
export class HttpClient {
  readonly source: string;
  private readonly retries: number;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly retryAfterMaxMs: number;
  private readonly headers: Record<string, string>;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly deadline: SourceDeadline;
  private readonly maxResponseBytes: number;
  private readonly maxDownloadBytes: number;

  constructor(options: HttpClientOptions) {
    this.source = options.source;
    this.retries = options.retries ?? 4;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.logger = options.logger ?? silentLogger;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.retryAfterMaxMs = options.retryAfterMaxMs ?? 120_000;
    this.headers = { 'user-agent': options.userAgent ?? 'lockwarden', ...options.headers };
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
    this.deadline = new SourceDeadline(this.source, options.deadlineMs ?? DEFAULT_SOURCE_DEADLINE_MS);
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.maxDownloadBytes = options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  }

  /** Fetches `url` and parses the body as JSON; see the class comment for retries and failure. */
  async fetchJson<T = unknown>(url: string, init: RequestOptions = {}): Promise<T | undefined> {
    return this.withRetries(url, init, async (response) => {
      const text = await readCappedText(response, this.maxResponseBytes, this.source, url);
      try {
        return JSON.parse(text) as T;
      } catch (err) {
        // A cut connection shows up as a truncated body: worth another attempt.
        throw new RetryableError(`invalid JSON in response (${text.length} bytes)`, undefined, { cause: err });
      }
    });
  }

  /** Streams `url` to `file` (written to a temporary name, renamed when complete); same retries as fetchJson. */
  async download(url: string, file: string, init: Omit<RequestOptions, 'json' | 'notFoundAsUndefined'> = {}): Promise<number> {
    const partial = `${file}.partial`;
    const written = await this.withRetries(url, init, async (response) => {
      await refuseDeclaredOversize(response, this.maxDownloadBytes, this.source, url);
      if (!response.body) throw new RetryableError('response has no body');
      const out = createWriteStream(partial);
      let bytes = 0;
      const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
      let tooLarge: ResponseTooLargeError | undefined;
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // A download streaming in is a source answering: a big export must not trip the deadline.
        this.deadline.answered();
        if (bytes > this.maxDownloadBytes && !tooLarge) {
          tooLarge = new ResponseTooLargeError(this.source, url, this.maxDownloadBytes);
          body.destroy(tooLarge);
        }
      });
      try {
        await pipeline(body, out);
      } catch (err) {
        await rm(partial, { force: true });
        if (tooLarge) throw tooLarge;
        throw new RetryableError(`download interrupted after ${bytes} bytes`, undefined, { cause: err });
      }
      const expected = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(expected) && expected !== bytes) {
        await rm(partial, { force: true });
        throw new RetryableError(`download truncated: ${bytes} of ${expected} bytes`);
      }
      return bytes;
    });
    if (written === undefined) throw new SourceUnavailableError(this.source, `${redactSecrets(url)}: not found (HTTP 404)`);
    await rename(partial, file);
    return written;
  }

  private withRetries<T>(url: string, init: RequestOptions, read: (response: Response) => Promise<T>): Promise<T | undefined> {
    return this.deadline.run((deadline) => this.retrying(url, init, read, deadline));
  }

  private async retrying<T>(
    url: string,
    init: RequestOptions,
    read: (response: Response) => Promise<T>,
    deadline: AbortSignal,
  ): Promise<T | undefined> {
    const request = splitUrlCredentials(url);
    url = redactSecrets(url);
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (init.signal?.aborted) throw new SourceUnavailableError(this.source, `${url}: aborted`, { cause: init.signal.reason });
      try {
        // The userinfo goes as basic auth (fetch refuses URLs with credentials); a caller's own header wins.
        const auth = request.authorization ? { ...init, headers: { authorization: request.authorization, ...init.headers } } : init;
        return await this.attempt(request.url, auth, read, deadline);
      } catch (err) {
        if (err instanceof SourceUnavailableError) throw err;
        if (deadline.aborted) throw deadline.reason;
        if (err instanceof FinalError) throw new SourceUnavailableError(this.source, `${url}: ${err.message}`, { cause: err });
        if (init.signal?.aborted) throw new SourceUnavailableError(this.source, `${url}: aborted`, { cause: init.signal.reason });
        lastError = err;
        if (attempt === this.retries) break;
        const retryAfter = err instanceof RetryableError ? err.retryAfterMs : undefined;
        if (retryAfter !== undefined && retryAfter > this.retryAfterMaxMs) {
          throw new SourceUnavailableError(
            this.source,
            `${url}: server asked to retry after ${Math.round(retryAfter / 1000)} s, longer than the ${Math.round(this.retryAfterMaxMs / 1000)} s allowed`,
            { cause: err },
          );
        }
        const delay = retryAfter ?? this.backoff(attempt);
        this.logger.debug(`${this.source}: ${describe(err)}; retry ${attempt + 1}/${this.retries} in ${delay} ms`);
        await this.sleep(delay, init.signal ? AbortSignal.any([init.signal, deadline]) : deadline);
        if (deadline.aborted) throw deadline.reason;
      }
    }
    throw new SourceUnavailableError(
      this.source,
      `${url}: ${describe(lastError)} (after ${this.retries + 1} attempts)`,
      { cause: lastError },
    );
  }

  private async attempt<T>(
    url: string,
    init: RequestOptions,
    read: (response: Response) => Promise<T>,
    deadline: AbortSignal,
  ): Promise<T | undefined> {
    const attemptSignals = attemptSignal(this.timeoutMs, deadline, init.signal);
    try {
      return await this.attemptWith(url, init, read, attemptSignals.signal, attemptSignals.timedOut);
    } finally {
      attemptSignals.dispose();
    }
  }

  private async attemptWith<T>(
    url: string,
    init: RequestOptions,
    read: (response: Response) => Promise<T>,
    signal: AbortSignal,
    timedOut: () => boolean,
  ): Promise<T | undefined> {
    const timeout = { get aborted() { return timedOut(); } };
    const headers: Record<string, string> = { accept: 'application/json', ...this.headers, ...init.headers };
    let body: string | undefined;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await fetchWithRedirects(
        url,
        { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }), signal },
        { source: this.source, logger: this.logger },
      );
    } catch (err) {
      if (err instanceof RedirectError) throw new FinalError(err.message);
      throw new RetryableError(timeout.aborted ? `timed out after ${this.timeoutMs} ms` : `network error: ${describe(err)}`, undefined, {
        cause: err,
      });
    }
    if (response.status === 404 && init.notFoundAsUndefined) {
      await response.body?.cancel();
      this.deadline.answered();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      this.deadline.answered();
      const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (isRetryableStatus(response.status)) {
        throw new RetryableError(message, parseRetryAfter(response.headers.get('retry-after')));
      }
      throw new FinalError(message);
    }
    try {
      const result = await read(response);
      this.deadline.answered();
      return result;
    } catch (err) {
      if (err instanceof RetryableError || err instanceof SourceUnavailableError) throw err;
      throw new RetryableError(timeout.aborted ? `timed out after ${this.timeoutMs} ms reading the body` : describe(err), undefined, {
        cause: err,
      });
    }
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** attempt);
    // Jitter keeps many clients that failed together from retrying together.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

function describe(err: unknown): string {
  // Our own retry reasons are already worded for the user.
  if (err instanceof RetryableError) return err.message;
  if (err instanceof Error) {
    return `${err.message}${causeSuffix(err)}`;
  }
  return String(err);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
