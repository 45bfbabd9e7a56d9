import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { LockwardenError } from '../errors.js';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.js';

/** The calls both SQLite drivers offer (node:sqlite's DatabaseSync and better-sqlite3's Database). */
interface SyncStatement {
  all(...params: SqlValue[]): unknown[];
  run(...params: SqlValue[]): { changes: number | bigint };
}
interface SyncDatabase {
  prepare(sql: string): SyncStatement;
  exec(sql: string): unknown;
  close(): unknown;
}

/** Which driver to use: `auto` takes node:sqlite where the Node.js has it, else better-sqlite3. */
export type SqliteDriverName = 'auto' | 'node:sqlite' | 'better-sqlite3';

/**
 * Opens (creating) an SQLite database file. node:sqlite is built into Node.js 22.5+ (without a flag from 22.13)
 * and needs no native addon, so it works on any Node that has it; on Node 20 it does not exist and better-sqlite3
 * (an optional dependency, a native addon built at install time) is used instead. A better-sqlite3 built for
 * another Node's ABI fails to load; node:sqlite is tried first for that reason.
 */
export async function openSqlite(path: string, driver: SqliteDriverName = 'auto'): Promise<SqlDriver> {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `cannot create the folder of the inventory store ${path}`, { cause: err });
    }
  }
  const failures: string[] = [];
  const order: Exclude<SqliteDriverName, 'auto'>[] = driver === 'auto' ? ['node:sqlite', 'better-sqlite3'] : [driver];
  for (const name of order) {
    let db: SyncDatabase | undefined;
    try {
      db = name === 'node:sqlite' ? await openNodeSqlite(file) : openBetterSqlite(file);
    } catch (err) {
      if (err instanceof LockwardenError) throw err;
      failures.push(`${name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      continue;
    }
    if (db) return new SyncSqliteDriver(db, `SQLite (${name}) at ${path}`);
  }
  throw new LockwardenError(
    'IO_ERROR',
    `no SQLite driver could open ${path} (${failures.join('; ')}); use Node.js 22.13+ (node:sqlite) or install better-sqlite3`,
  );
}

async function openNodeSqlite(file: string): Promise<SyncDatabase> {
  // getBuiltinModule avoids the import-time error on a Node without node:sqlite and the experimental warning on import.
  const getBuiltin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const mod = (getBuiltin ? getBuiltin('node:sqlite') : await import('node:sqlite' as string)) as
    | { DatabaseSync: new (path: string) => SyncDatabase }
    | undefined;
  if (!mod?.DatabaseSync) throw new Error('node:sqlite is not available in this Node.js');
  return openFile(() => new mod.DatabaseSync(file), file);
}

function openBetterSqlite(file: string): SyncDatabase {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as new (path: string) => SyncDatabase;
  return openFile(() => new Database(file), file);
}

function openFile(open: () => SyncDatabase, file: string): SyncDatabase {
  let db: SyncDatabase;
  try {
    db = open();
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot open the inventory store ${file}: ${(err as Error).message}`, { cause: err });
  }
  // WAL lets readers (who-uses) run while an ingest writes; foreign keys are off by default in SQLite.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
  return db;
}

/** Both SQLite drivers are synchronous; this presents them behind the async interface PostgreSQL needs. */
class SyncSqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, SyncStatement>();

  constructor(
    private readonly db: SyncDatabase,
    readonly description: string,
  ) {}

  private statement(sql: string): SyncStatement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return Promise.resolve(this.statement(sql).all(...params) as SqlRow[]);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return Promise.resolve({ changes: Number(this.statement(sql).run(...params).changes) });
  }

  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  close(): Promise<void> {
    this.statements.clear();
    this.db.close();
    return Promise.resolve();
  }
}
