import { LockwardenError } from '../errors.js';
import type { SqlDriver } from './sql-driver.js';

/** One schema change. Applied in order, each once, recorded in `schema_migrations`; never edit a released one. */
export interface Migration {
  version: number;
  name: string;
  /** The statements, written for both dialects; `{{ID}}` is the dialect's auto-increment primary key. */
  sql: string;
}

/**
 * The schema, versioned in code. Components are stored once (keyed by a digest of purl, licenses, hashes and
 * origin); how a lockfile uses one is a `usage` (direct, scopes, lockfile), also stored once; a snapshot points at a
 * content-addressed set of usages, so an unchanged repository ingested 1,000 times stores its usages once.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'inventory',
    sql: `
CREATE TABLE repositories (id {{ID}}, name TEXT NOT NULL UNIQUE);
CREATE TABLE components (
  id {{ID}}, key TEXT NOT NULL UNIQUE,
  ecosystem TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL, purl TEXT NOT NULL,
  purl_type TEXT NOT NULL, purl_name TEXT NOT NULL, canonical_name TEXT NOT NULL,
  licenses TEXT NOT NULL, hashes TEXT NOT NULL,
  source_kind TEXT NOT NULL, source_url TEXT, supplier TEXT, author TEXT);
CREATE INDEX components_by_canonical_name ON components (purl_type, canonical_name);
CREATE TABLE usages (
  id {{ID}}, key TEXT NOT NULL UNIQUE, component_id BIGINT NOT NULL REFERENCES components (id),
  lockfile TEXT NOT NULL, direct INTEGER NOT NULL, scopes TEXT NOT NULL);
CREATE INDEX usages_by_component ON usages (component_id);
CREATE TABLE component_sets (id {{ID}}, digest TEXT NOT NULL UNIQUE, size INTEGER NOT NULL);
CREATE TABLE set_members (
  set_id BIGINT NOT NULL REFERENCES component_sets (id), usage_id BIGINT NOT NULL REFERENCES usages (id),
  PRIMARY KEY (set_id, usage_id));
CREATE INDEX set_members_by_usage ON set_members (usage_id);
CREATE TABLE snapshots (
  id {{ID}}, repo_id BIGINT NOT NULL REFERENCES repositories (id), ref TEXT NOT NULL, commit_sha TEXT,
  taken_at TEXT NOT NULL, set_id BIGINT NOT NULL REFERENCES component_sets (id), inputs TEXT NOT NULL);
CREATE INDEX snapshots_by_repo_ref ON snapshots (repo_id, ref, taken_at);
CREATE INDEX snapshots_by_set ON snapshots (set_id);
CREATE TABLE heads (
  repo_id BIGINT NOT NULL REFERENCES repositories (id), ref TEXT NOT NULL,
  snapshot_id BIGINT NOT NULL REFERENCES snapshots (id), PRIMARY KEY (repo_id, ref));
CREATE INDEX heads_by_snapshot ON heads (snapshot_id);
CREATE TABLE evaluation_runs (id {{ID}}, started_at TEXT NOT NULL, source TEXT NOT NULL, data_as_of TEXT);
CREATE TABLE findings (
  id {{ID}}, key TEXT NOT NULL UNIQUE, repo_id BIGINT NOT NULL REFERENCES repositories (id), ref TEXT NOT NULL,
  purl TEXT NOT NULL, advisory_id TEXT NOT NULL, state TEXT NOT NULL, finding TEXT NOT NULL,
  first_run BIGINT NOT NULL, last_run BIGINT NOT NULL, resolved_run BIGINT);
CREATE INDEX findings_by_repo ON findings (repo_id, ref, state);
CREATE TABLE vex_statements (
  id {{ID}}, key TEXT NOT NULL UNIQUE, repo_id BIGINT REFERENCES repositories (id), vulnerability TEXT NOT NULL,
  purl TEXT NOT NULL, status TEXT NOT NULL, justification TEXT, detail TEXT, action_statement TEXT,
  document TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE INDEX vex_by_vulnerability ON vex_statements (vulnerability);
`,
  },
];

/** The newest schema version this lockwarden knows. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * Brings the database to SCHEMA_VERSION, each pending migration in its own transaction. A store written by a newer
 * lockwarden is refused rather than misread.
 */
export async function migrate(db: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const rows = await db.all('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => Number(r.version)));
  const newest = Math.max(0, ...applied);
  const known = Math.max(...migrations.map((m) => m.version));
  if (newest > known) {
    throw new LockwardenError('USAGE_ERROR', `${db.description} has schema version ${newest}; this lockwarden knows up to ${known}: upgrade lockwarden`);
  }
  const id = db.dialect === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY';
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await db.transaction(async () => {
      await db.exec(m.sql.replaceAll('{{ID}}', id));
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    });
    done.push(m.version);
  }
  return done;
}
