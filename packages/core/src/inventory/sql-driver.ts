/** A value a statement parameter or a result column holds; booleans are stored as 0/1 on both backends. */
export type SqlValue = string | number | null;

/** A result row, columns by name. */
export type SqlRow = Record<string, SqlValue>;

/**
 * Runs SQL on one database, for the inventory store. Statements are written once with `?` placeholders and in
 * the SQL both SQLite and PostgreSQL accept; the PostgreSQL driver renumbers the placeholders.
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** What the store runs on, for messages ("SQLite (node:sqlite) at inventory.db"). */
  readonly description: string;
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders → `$1, $2, ...` (PostgreSQL). No statement of the store has a literal `?` in a string. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
