import { join, resolve } from 'node:path';
import { LockwardenError } from '../errors.js';
import { sourceDeadlineFromEnv } from '../http/source-deadline.js';
import type { Logger } from '../log/logger.js';
import { DEFAULT_OSV_API_URL, osvApiSourceName } from './osv-api-url.js';
import type { AdvisoryQueryResult, AdvisorySource } from './types.js';
import type { PackageRef } from '../model/package.js';

/** Where `db download` puts the OSV exports and `--offline` reads them unless told otherwise. */
export const DEFAULT_OSV_DB_DIR = join('.lockwarden-cache', 'osv');

export interface AdvisorySourceOptions {
  /** Use only local data (`--offline`). */
  offline?: boolean;
  /** Offline OSV database folder (`--db`); implies offline. */
  db?: string;
  /** OSV API base URL (`--osv-url`); else `LOCKWARDEN_OSV_URL`, else OSV's public API. */
  osvUrl?: string;
  /** Cache folder for full OSV records; else `LOCKWARDEN_CACHE_DIR`. */
  cacheDir?: string;
  /** How long the OSV API may keep queries waiting without answering (`--source-deadline`); else `LOCKWARDEN_SOURCE_DEADLINE` seconds, else 60 s. */
  deadlineMs?: number;
  cwd: string;
  env: Record<string, string | undefined>;
  logger: Logger;
}

/**
 * The advisory source that flags and environment ask for, built the same way for the CLI, the Action and GitLab:
 * the offline OSV database with `offline`/`db`, else the OSV API (flag, env, default) with an optional record cache.
 * Options are checked now; the source's own modules (HTTP client, response schemas, zip reader) load on its first
 * query, so a run that never asks, or asks offline, does not load the other one.
 */
export function createAdvisorySource(options: AdvisorySourceOptions): AdvisorySource {
  if (options.offline || options.db) {
    if (options.osvUrl) throw new LockwardenError('USAGE_ERROR', '--offline reads only the local database; drop --osv-url');
    const dir = resolve(options.cwd, options.db ?? DEFAULT_OSV_DB_DIR);
    return new DeferredAdvisorySource(`offline OSV database at ${dir}`, async () => {
      const { OsvOfflineSource } = await import('./osv-offline-source.js');
      return new OsvOfflineSource({ dir, logger: options.logger });
    });
  }
  const baseUrl = options.osvUrl ?? options.env.LOCKWARDEN_OSV_URL ?? DEFAULT_OSV_API_URL;
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new LockwardenError('USAGE_ERROR', `the OSV API URL must be http(s), got "${baseUrl}"`);
  }
  // Full records are immutable per `modified`: with a cache folder they are fetched once per cache lifetime.
  const cacheRoot = options.cacheDir ?? options.env.LOCKWARDEN_CACHE_DIR;
  const deadlineMs = options.deadlineMs ?? sourceDeadlineFromEnv(options.env);
  return new DeferredAdvisorySource(osvApiSourceName(baseUrl), async () => {
    const { OsvApiSource } = await import('./osv-api-source.js');
    return new OsvApiSource({
      ...(deadlineMs !== undefined ? { deadlineMs } : {}),
      baseUrl,
      logger: options.logger,
      userAgent: 'lockwarden',
      ...(cacheRoot ? { cacheDir: resolve(options.cwd, cacheRoot, 'osv-records') } : {}),
    });
  });
}

/** A source built on its first query; `name` is the one the built source carries. */
class DeferredAdvisorySource implements AdvisorySource {
  private source: Promise<AdvisorySource> | undefined;

  constructor(
    readonly name: string,
    private readonly create: () => Promise<AdvisorySource>,
  ) {}

  async query(packages: readonly PackageRef[], options?: { signal?: AbortSignal }): Promise<AdvisoryQueryResult> {
    this.source ??= this.create();
    return (await this.source).query(packages, options);
  }

  async close(): Promise<void> {
    if (this.source) await (await this.source).close?.();
  }
}
