import { LockwardenError, SourceUnavailableError } from '../errors.js';

/** How long a source may keep requests waiting without answering any, per run, unless configured (60 s). */
export const DEFAULT_SOURCE_DEADLINE_MS = 60_000;

/** The environment variable that sets the deadline, in seconds (`0` or unset keeps the default). */
export const SOURCE_DEADLINE_ENV = 'LOCKWARDEN_SOURCE_DEADLINE';

/**
 * The deadline from `LOCKWARDEN_SOURCE_DEADLINE` (seconds); `undefined` when unset. A value that is not a positive
 * number is a usage error rather than a silent default, because it decides how long a run may hang.
 */
export function sourceDeadlineFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env[SOURCE_DEADLINE_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  return parseDeadlineSeconds(raw, SOURCE_DEADLINE_ENV);
}

/** Seconds (`"45"`, `"2.5"`) as milliseconds; throws `USAGE_ERROR` naming `origin` otherwise. */
export function parseDeadlineSeconds(raw: string, origin: string): number {
  const seconds = Number(raw.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new LockwardenError('USAGE_ERROR', `${origin}: expected a number of seconds greater than 0, got "${raw}"`);
  }
  return Math.round(seconds * 1000);
}

/**
 * One deadline per data source per run, shared by every request to it. The clock runs while at least one request
 * is pending and restarts whenever the source answers; once the source has kept requests waiting `ms` without a
 * single answer, `signal` aborts and stays aborted for the rest of the run, so every pending and later request
 * fails at once instead of each one spending its own timeouts and retries (a hanging source used to cost 30 s ×
 * 5 attempts per request). A slow but working source never trips it, however long the run.
 */
export class SourceDeadline {
  private readonly controller = new AbortController();
  private pending = 0;
  private lastAnswer = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly source: string,
    readonly ms: number = DEFAULT_SOURCE_DEADLINE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Aborted once the deadline has passed; combine it with each request's own signal. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  /** The error every request gets once the deadline has passed. */
  error(): SourceUnavailableError {
    return new SourceUnavailableError(this.source, `no answer within the ${formatSeconds(this.ms)} deadline for this source; not asked again in this run`);
  }

  /** Marks a request as started (including its retries); pair with `end`. */
  begin(): void {
    if (this.pending++ === 0) {
      // Time with nothing pending is not the source's fault.
      this.lastAnswer = this.now();
      this.arm();
    }
  }

  /** The source answered something (any HTTP response counts: it is alive). */
  answered(): void {
    this.lastAnswer = this.now();
  }

  /** Marks a request as finished. */
  end(): void {
    if (--this.pending <= 0) {
      this.pending = 0;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Runs `work` as one pending request; rejects with the deadline error as soon as the deadline passes. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.expired) throw this.error();
    this.begin();
    try {
      return await work(this.signal);
    } catch (err) {
      if (this.expired) throw this.error();
      throw err;
    } finally {
      this.end();
    }
  }

  private arm(): void {
    if (this.timer || this.expired) return;
    const wait = Math.max(0, this.lastAnswer + this.ms - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.pending === 0) return;
      if (this.now() - this.lastAnswer >= this.ms) this.controller.abort(this.error());
      else this.arm();
    }, wait);
    // The deadline must never keep a finished CLI process alive.
    this.timer.unref?.();
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A signal for one attempt: aborts after `timeoutMs` or when `deadline` aborts. `dispose` removes the listener
 * from the long-lived deadline signal, which thousands of requests share.
 */
export function attemptSignal(timeoutMs: number, deadline?: AbortSignal, outer?: AbortSignal): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  timer.unref?.();
  const parents = [deadline, outer].filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const p of parents) {
    if (p.aborted) controller.abort(p.reason);
    else p.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      for (const p of parents) p.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits `ms` with `sleep`, cut short when `signal` aborts; never leaves a listener behind. */
export function sleepUnlessAborted(sleep: (ms: number, signal?: AbortSignal) => Promise<void>, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    void sleep(ms, signal).then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
