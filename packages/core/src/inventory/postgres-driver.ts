import { LockwardenError, SourceUnavailableError } from '../errors.js';
import { numberPlaceholders, type SqlDriver, type SqlRow, type SqlValue } from './sql-driver.js';

interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string, params?: readonly SqlValue[]): Promise<{ rows: SqlRow[]; rowCount: number | null }>;
  end(): Promise<void>;
}

/**
 * Connects to PostgreSQL with node-postgres (`pg`, pure JavaScript, so it loads on every Node). One connection:
 * the CLI runs one command at a time, and a transaction must stay on one connection.
 */
export async function openPostgres(url: string): Promise<SqlDriver> {
  const pg = (await import('pg')).default as unknown as { Client: new (config: { connectionString: string }) => PgClient; types: { setTypeParser(oid: number, fn: (v: string) => unknown): void } };
  // COUNT(*) and BIGINT come back as strings by default; the store's ids and counts fit in a double.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new SourceUnavailableError('PostgreSQL', `cannot connect to ${redact(url)}: ${(err as Error).message}`, { cause: err });
  }
  return new PostgresDriver(client, `PostgreSQL at ${redact(url)}`);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly client: PgClient,
    readonly description: string,
  ) {}

  async all(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return (await this.query(sql, params)).rows;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql, []);
  }

  private async query(sql: string, params: readonly SqlValue[]): Promise<{ rows: SqlRow[]; rowCount: number | null }> {
    try {
      return await this.client.query(params.length > 0 ? numberPlaceholders(sql) : sql, params);
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `PostgreSQL: ${(err as Error).message}`, { cause: err });
    }
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.query('BEGIN', []);
    try {
      const result = await fn();
      await this.query('COMMIT', []);
      return result;
    } catch (err) {
      await this.query('ROLLBACK', []).catch(() => undefined);
      throw err;
    }
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
