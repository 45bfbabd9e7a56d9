import { resolve } from 'node:path';
import { LockwardenError } from '../errors.js';
import { SqlInventoryStore, type InventoryStore } from './sql-store.js';
import type { SqliteDriverName } from './sqlite-driver.js';

/** Where the store lives when neither `--store` nor LOCKWARDEN_STORE says. */
export const DEFAULT_STORE_PATH = '.lockwarden/inventory.db';

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/**
 * Opens the inventory store `spec` names: a `postgres://` URL, else an SQLite file (created when missing).
 * Drivers are loaded here, on first use, so commands that do not touch the store never load them.
 */
export async function openInventoryStore(
  spec: string | undefined,
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<InventoryStore> {
  const target = spec ?? options.env.LOCKWARDEN_STORE ?? DEFAULT_STORE_PATH;
  if (target.trim() === '') throw new LockwardenError('USAGE_ERROR', '--store is empty');
  if (isPostgresUrl(target)) {
    const { openPostgres } = await import('./postgres-driver.js');
    return SqlInventoryStore.open(await openPostgres(target));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new LockwardenError('USAGE_ERROR', `--store takes an SQLite file path or a postgres:// URL, got "${target.replace(/\/\/[^@/]*@/, '//***@')}"`);
  }
  const driver = (options.env.LOCKWARDEN_SQLITE_DRIVER ?? 'auto') as SqliteDriverName;
  if (!['auto', 'node:sqlite', 'better-sqlite3'].includes(driver)) {
    throw new LockwardenError('USAGE_ERROR', `LOCKWARDEN_SQLITE_DRIVER must be auto, node:sqlite or better-sqlite3, got "${driver}"`);
  }
  const { openSqlite } = await import('./sqlite-driver.js');
  return SqlInventoryStore.open(await openSqlite(target === ':memory:' ? target : resolve(options.cwd, target), driver));
}
