import { resolve } from 'node:path';
import { LockwardenError, type AdvisorySource, type Logger } from '@lockwarden/core';

export interface AdvisorySourceOptions {
  offline: boolean;
  /** Offline database folder (`--db`). */
  db?: string;
  /** OSV API base URL (`--osv-url`). */
  osvUrl?: string;
  cwd: string;
  logger: Logger;
}

/**
 * Builds the advisory source a command uses from its flags: the offline OSV database with `--offline --db DIR`,
 * else the OSV API. Returns `undefined` when this build has no advisory source, which `runCheck` reports as
 * "advisories not checked".
 */
export function createAdvisorySource(options: AdvisorySourceOptions): AdvisorySource | undefined {
  if (options.offline && !options.db) {
    throw new LockwardenError('USAGE_ERROR', '--offline needs --db DIR (an offline OSV database)');
  }
  if (options.db) resolve(options.cwd, options.db);
  return undefined;
}
