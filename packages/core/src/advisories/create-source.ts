import { join, resolve } from 'node:path';
import { LockwardenError } from '../errors.js';
import { sourceDeadlineFromEnv } from '../http/source-deadline.js';
import type { Logger } from '../log/logger.js';
import { DEFAULT_OSV_API_URL, OsvApiSource } from './osv-api-source.js';
import { OsvOfflineSource } from './osv-offline-source.js';
import type { AdvisorySource } from './types.js';

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
 */
export function createAdvisorySource(options: AdvisorySourceOptions): AdvisorySource {
  if (options.offline || options.db) {
    if (options.osvUrl) throw new LockwardenError('USAGE_ERROR', '--offline reads only the local database; drop --osv-url');
    return new OsvOfflineSource({ dir: resolve(options.cwd, options.db ?? DEFAULT_OSV_DB_DIR), logger: options.logger });
  }
  const baseUrl = options.osvUrl ?? options.env.LOCKWARDEN_OSV_URL ?? DEFAULT_OSV_API_URL;
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new LockwardenError('USAGE_ERROR', `the OSV API URL must be http(s), got "${baseUrl}"`);
  }
  // Full records are immutable per `modified`: with a cache folder they are fetched once per cache lifetime.
  const cacheRoot = options.cacheDir ?? options.env.LOCKWARDEN_CACHE_DIR;
  const deadlineMs = options.deadlineMs ?? sourceDeadlineFromEnv(options.env);
  return new OsvApiSource({
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    baseUrl,
    logger: options.logger,
    userAgent: 'lockwarden',
    ...(cacheRoot ? { cacheDir: resolve(options.cwd, cacheRoot, 'osv-records') } : {}),
  });
}
