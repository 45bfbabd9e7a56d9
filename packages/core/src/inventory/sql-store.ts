import { createHash } from 'node:crypto';
import { LockwardenError } from '../errors.js';
import { ecosystemForPurlType, normalizePackageName } from '../ecosystems/registry.js';
import type { Finding } from '../findings/finding.js';
import { parsePurl } from '../model/purl.js';
import { matchPurlPattern, parsePurlPattern } from '../policy/purl-pattern.js';
import { migrate } from './migrations.js';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.js';
import type {
  ComponentRecord,
  EvaluationDiff,
  IngestResult,
  SnapshotInfo,
  SnapshotInput,
  StoredComponent,
  StoredFinding,
  VexStatement,
  WhoUsesRow,
} from './types.js';

/** Keeps the inventory of every build and the findings of re-evaluations; one implementation, two SQL backends. */
export interface InventoryStore {
  readonly description: string;
  ingest(input: SnapshotInput): Promise<IngestResult>;
  /** Who holds packages matching a purl pattern; the latest snapshot per repository and ref unless `allSnapshots`. */
  whoUses(pattern: string, options?: { allSnapshots?: boolean }): Promise<WhoUsesRow[]>;
  /** The latest snapshot of every repository and ref. */
  heads(): Promise<SnapshotInfo[]>;
  /** The latest snapshot of a repository (at `ref`, else its most recent of any ref). */
  latestSnapshot(repo: string, ref?: string): Promise<SnapshotInfo | undefined>;
  components(snapshotId: number): Promise<StoredComponent[]>;
  /** Records one re-evaluation's findings and says what is new, resolved and still open since the last one. */
  recordEvaluation(run: { source: string; dataAsOf?: Date }, findings: StoredFinding[]): Promise<EvaluationDiff>;
  /** Open (or suppressed) findings of a repository head as of the last re-evaluation. */
  findings(repo: string, ref: string): Promise<StoredFinding[]>;
  addVexStatements(statements: VexStatement[]): Promise<number>;
  /** Statements for a repository plus the global ones (all statements without `repo`). */
  vexStatements(repo?: string): Promise<VexStatement[]>;
  /** Row counts, for `inventory stats` and the deduplication tests. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const CHUNK = 400;

/** 128 bits of SHA-256, base64url: collision-free in practice and a third of the hex key's index size. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** The name part a purl pattern is matched against (`namespace/name`) and its ecosystem-canonical form. */
function purlNames(purl: string, ecosystem: string): { type: string; name: string; canonical: string } {
  try {
    const p = parsePurl(purl);
    const name = p.namespace ? `${p.namespace}/${p.name}` : p.name;
    return { type: p.type.toLowerCase(), name, canonical: canonicalName(ecosystem, name) };
  } catch {
    return { type: '', name: '', canonical: '' };
  }
}

function canonicalName(ecosystem: string, name: string): string {
  return name
    .split('/')
    .map((segment) => {
      try {
        return normalizePackageName(ecosystem, segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function componentKey(c: ComponentRecord): string {
  const hashes = [...c.hashes].map((h) => `${h.algorithm}-${h.value}`).sort();
  return sha256(JSON.stringify([c.ecosystem, c.name, c.version, c.purl, [...c.licenses].sort(), hashes, c.source.kind, c.source.url ?? null, c.supplier ?? null, c.author ?? null]));
}

function usageKey(componentKeyValue: string, c: ComponentRecord): string {
  return sha256(JSON.stringify([componentKeyValue, c.lockfile, c.direct, [...c.scopes].sort()]));
}

function str(v: SqlValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

function optionalStr(v: SqlValue | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** The store over any SqlDriver: the same schema and the same statements on SQLite and PostgreSQL. */
export class SqlInventoryStore implements InventoryStore {
  private constructor(private readonly db: SqlDriver) {}

  /** Migrates the database and returns the store. */
  static async open(db: SqlDriver): Promise<SqlInventoryStore> {
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return new SqlInventoryStore(db);
  }

  get description(): string {
    return this.db.description;
  }

  async ingest(input: SnapshotInput): Promise<IngestResult> {
    if (input.repo.trim() === '') throw new LockwardenError('USAGE_ERROR', 'a snapshot needs a repository name (--repo)');
    if (input.ref.trim() === '') throw new LockwardenError('USAGE_ERROR', 'a snapshot needs a ref (--ref)');
    const takenAt = input.takenAt ?? new Date().toISOString();
    // One usage per (component, lockfile, direct, scopes): an SBOM may list the same package twice.
    const usages = new Map<string, { component: ComponentRecord; componentKey: string }>();
    for (const component of input.components) {
      const key = componentKey(component);
      usages.set(usageKey(key, component), { component, componentKey: key });
    }
    const digest = sha256([...usages.keys()].sort().join('\n'));
    return this.db.transaction(async () => {
      const repoId = (await this.repoId(input.repo, true))!;
      let setId = await this.scalar('SELECT id FROM component_sets WHERE digest = ?', [digest]);
      const reusedSet = setId !== undefined;
      let newComponents = 0;
      if (setId === undefined) {
        const stored = await this.storeComponents([...usages.values()]);
        newComponents = stored.added;
        const usageIds = await this.storeUsages(usages, stored.ids);
        const created = await this.db.all('INSERT INTO component_sets (digest, size) VALUES (?, ?) RETURNING id', [digest, usages.size]);
        setId = Number(created[0]?.id);
        for (let i = 0; i < usageIds.length; i += CHUNK) {
          const chunk = usageIds.slice(i, i + CHUNK);
          await this.db.run(
            `INSERT INTO set_members (set_id, usage_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
            chunk.flatMap((id) => [setId!, id]),
          );
        }
      }
      const rows = await this.db.all(
        'INSERT INTO snapshots (repo_id, ref, commit_sha, taken_at, set_id, inputs) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
        [repoId, input.ref, input.commit ?? null, takenAt, setId, JSON.stringify(input.inputs)],
      );
      const snapshotId = Number(rows[0]?.id);
      // The head is the snapshot taken last; an older build ingested late does not displace it.
      await this.db.run(
        `INSERT INTO heads (repo_id, ref, snapshot_id) VALUES (?, ?, ?)
         ON CONFLICT (repo_id, ref) DO UPDATE SET snapshot_id = excluded.snapshot_id
         WHERE (SELECT taken_at FROM snapshots WHERE id = heads.snapshot_id) <= ?`,
        [repoId, input.ref, snapshotId, takenAt],
      );
      return {
        snapshot: { id: snapshotId, repo: input.repo, ref: input.ref, commit: input.commit ?? null, takenAt, inputs: input.inputs, components: usages.size },
        newComponents,
        reusedSet,
      };
    });
  }

  private async repoId(name: string, create: boolean): Promise<number | undefined> {
    if (create) await this.db.run('INSERT INTO repositories (name) VALUES (?) ON CONFLICT (name) DO NOTHING', [name]);
    return this.scalar('SELECT id FROM repositories WHERE name = ?', [name]);
  }

  private async scalar(sql: string, params: SqlValue[]): Promise<number | undefined> {
    const rows = await this.db.all(sql, params);
    const v = rows[0] ? Object.values(rows[0])[0] : undefined;
    return v === undefined || v === null ? undefined : Number(v);
  }

  private async idsByKey(table: 'components' | 'usages', keys: string[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const rows = await this.db.all(`SELECT id, key FROM ${table} WHERE key IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const r of rows) ids.set(str(r.key), Number(r.id));
    }
    return ids;
  }

  /** Inserts what is missing and returns the id of every key (existing rows are looked up once). */
  private async storeComponents(entries: { component: ComponentRecord; componentKey: string }[]): Promise<{ ids: Map<string, number>; added: number }> {
    const byKey = new Map(entries.map((e) => [e.componentKey, e.component]));
    const ids = await this.idsByKey('components', [...byKey.keys()]);
    const missing = [...byKey].filter(([key]) => !ids.has(key));
    const columns = 14;
    const size = Math.floor(CHUNK / 2);
    for (let i = 0; i < missing.length; i += size) {
      const chunk = missing.slice(i, i + size);
      const rows = await this.db.all(
        `INSERT INTO components (key, ecosystem, name, version, purl, purl_type, purl_name, canonical_name, licenses, hashes, source_kind, source_url, supplier, author)
         VALUES ${chunk.map(() => `(${Array(columns).fill('?').join(', ')})`).join(', ')} ON CONFLICT (key) DO NOTHING RETURNING id, key`,
        chunk.flatMap(([key, c]) => {
          const names = purlNames(c.purl, c.ecosystem);
          return [key, c.ecosystem, c.name, c.version, c.purl, names.type, names.name, names.canonical, JSON.stringify(c.licenses), JSON.stringify(c.hashes), c.source.kind, c.source.url ?? null, c.supplier ?? null, c.author ?? null];
        }),
      );
      for (const r of rows) ids.set(str(r.key), Number(r.id));
    }
    // Rows another writer inserted between the lookup and the insert were not returned: look them up.
    const late = missing.filter(([key]) => !ids.has(key)).map(([key]) => key);
    for (const [key, id] of await this.idsByKey('components', late)) ids.set(key, id);
    return { ids, added: missing.length };
  }

  private async storeUsages(usages: Map<string, { component: ComponentRecord; componentKey: string }>, componentIds: Map<string, number>): Promise<number[]> {
    const ids = await this.idsByKey('usages', [...usages.keys()]);
    const missing = [...usages].filter(([key]) => !ids.has(key));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const chunk = missing.slice(i, i + CHUNK);
      const rows = await this.db.all(
        `INSERT INTO usages (key, component_id, lockfile, direct, scopes) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (key) DO NOTHING RETURNING id, key`,
        chunk.flatMap(([key, u]) => [key, componentIds.get(u.componentKey)!, u.component.lockfile, u.component.direct ? 1 : 0, JSON.stringify([...u.component.scopes].sort())]),
      );
      for (const r of rows) ids.set(str(r.key), Number(r.id));
    }
    const late = missing.filter(([key]) => !ids.has(key)).map(([key]) => key);
    for (const [key, id] of await this.idsByKey('usages', late)) ids.set(key, id);
    return [...ids.values()];
  }

  async whoUses(patternText: string, options: { allSnapshots?: boolean } = {}): Promise<WhoUsesRow[]> {
    const pattern = parsePurlPattern(patternText);
    const ecosystem = ecosystemForPurlType(pattern.type) ?? pattern.type;
    const glob = pattern.name.search(/[*?[\]]/);
    const params: SqlValue[] = [pattern.type];
    let nameClause: string;
    // Stored canonical names are canonical forms of the plain names, so one indexed column answers both the plain
    // and the ecosystem-normalised comparison of matchPurlPattern (an OR of two columns would defeat the index).
    if (glob < 0) {
      nameClause = 'c.canonical_name = ?';
      params.push(canonicalName(ecosystem, pattern.name));
    } else {
      // The literal prefix narrows the rows; the glob itself is applied below. Separators that normalisation may
      // rewrite are left off the end of the prefix.
      const prefix = canonicalName(ecosystem, pattern.name.slice(0, glob)).replace(/[-_.]+$/, '');
      if (prefix === '') nameClause = '1 = 1';
      else if (this.db.dialect === 'sqlite') {
        // BINARY collation: a code-point range is exactly the names with that prefix, and it uses the index.
        nameClause = 'c.canonical_name >= ? AND c.canonical_name < ?';
        params.push(prefix, `${prefix}\u{10ffff}`);
      } else {
        nameClause = "c.canonical_name LIKE ? ESCAPE '\\'";
        params.push(`${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      }
    }
    // Versions are judged on the few matching components first, so only their usages are joined to snapshots.
    const candidates = await this.db.all(`SELECT c.id, c.ecosystem, c.version, c.purl FROM components c WHERE c.purl_type = ? AND ${nameClause}`, params);
    const unknown = new Set<number>();
    const ids: number[] = [];
    for (const c of candidates) {
      const match = matchPurlPattern(pattern, { purl: str(c.purl), ecosystem: str(c.ecosystem) as never, version: str(c.version) });
      if (match === false) continue;
      ids.push(Number(c.id));
      if (match === 'unknown') unknown.add(Number(c.id));
    }
    const scope = options.allSnapshots ? '' : 'JOIN heads h ON h.snapshot_id = s.id';
    const out: WhoUsesRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await this.db.all(
        `SELECT c.id AS component_id, r.name AS repo, s.ref, s.commit_sha, s.taken_at, c.name, c.version, c.purl, u.direct, u.lockfile
         FROM components c
         JOIN usages u ON u.component_id = c.id
         JOIN set_members m ON m.usage_id = u.id
         JOIN snapshots s ON s.set_id = m.set_id
         ${scope}
         JOIN repositories r ON r.id = s.repo_id
         WHERE c.id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const r of rows) {
        const row: WhoUsesRow = {
          repo: str(r.repo),
          ref: str(r.ref),
          commit: optionalStr(r.commit_sha),
          takenAt: str(r.taken_at),
          name: str(r.name),
          version: str(r.version),
          purl: str(r.purl),
          direct: Number(r.direct) === 1,
          lockfile: str(r.lockfile),
        };
        if (unknown.has(Number(r.component_id))) row.versionUnknown = true;
        out.push(row);
      }
    }
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return out.sort((a, b) => cmp(a.repo, b.repo) || cmp(a.ref, b.ref) || cmp(a.takenAt, b.takenAt) || cmp(a.purl, b.purl) || cmp(a.lockfile, b.lockfile));
  }

  private snapshotInfo(r: SqlRow): SnapshotInfo {
    return {
      id: Number(r.id),
      repo: str(r.repo),
      ref: str(r.ref),
      commit: optionalStr(r.commit_sha),
      takenAt: str(r.taken_at),
      inputs: JSON.parse(str(r.inputs) || '[]') as string[],
      components: Number(r.size),
    };
  }

  private static readonly SNAPSHOT_COLUMNS =
    'SELECT s.id, r.name AS repo, s.ref, s.commit_sha, s.taken_at, s.inputs, cs.size FROM snapshots s JOIN repositories r ON r.id = s.repo_id JOIN component_sets cs ON cs.id = s.set_id';

  async heads(): Promise<SnapshotInfo[]> {
    const rows = await this.db.all(`${SqlInventoryStore.SNAPSHOT_COLUMNS} JOIN heads h ON h.snapshot_id = s.id ORDER BY r.name, s.ref`);
    return rows.map((r) => this.snapshotInfo(r));
  }

  async latestSnapshot(repo: string, ref?: string): Promise<SnapshotInfo | undefined> {
    const rows = await this.db.all(
      `${SqlInventoryStore.SNAPSHOT_COLUMNS} WHERE r.name = ? ${ref === undefined ? '' : 'AND s.ref = ?'} ORDER BY s.taken_at DESC, s.id DESC LIMIT 1`,
      ref === undefined ? [repo] : [repo, ref],
    );
    return rows[0] ? this.snapshotInfo(rows[0]) : undefined;
  }

  async components(snapshotId: number): Promise<StoredComponent[]> {
    const rows = await this.db.all(
      `SELECT c.id, c.ecosystem, c.name, c.version, c.purl, c.licenses, c.hashes, c.source_kind, c.source_url, c.supplier, c.author, u.direct, u.scopes, u.lockfile
       FROM snapshots s JOIN set_members m ON m.set_id = s.set_id JOIN usages u ON u.id = m.usage_id JOIN components c ON c.id = u.component_id
       WHERE s.id = ? ORDER BY c.ecosystem, c.name, c.version, u.lockfile`,
      [snapshotId],
    );
    return rows.map((r) => {
      const c: StoredComponent = {
        id: Number(r.id),
        ecosystem: str(r.ecosystem),
        name: str(r.name),
        version: str(r.version),
        purl: str(r.purl),
        licenses: JSON.parse(str(r.licenses)) as string[],
        hashes: JSON.parse(str(r.hashes)) as StoredComponent['hashes'],
        source: { kind: str(r.source_kind), ...(r.source_url === null ? {} : { url: str(r.source_url) }) },
        direct: Number(r.direct) === 1,
        scopes: JSON.parse(str(r.scopes)) as string[],
        lockfile: str(r.lockfile),
      };
      if (r.supplier !== null) c.supplier = str(r.supplier);
      if (r.author !== null) c.author = str(r.author);
      return c;
    });
  }

  async recordEvaluation(run: { source: string; dataAsOf?: Date }, current: StoredFinding[]): Promise<EvaluationDiff> {
    return this.db.transaction(async () => {
      const runRows = await this.db.all('INSERT INTO evaluation_runs (started_at, source, data_as_of) VALUES (?, ?, ?) RETURNING id', [
        new Date().toISOString(),
        run.source,
        run.dataAsOf?.toISOString() ?? null,
      ]);
      const runId = Number(runRows[0]?.id);
      const previous = new Map<string, { state: string; finding: StoredFinding }>();
      for (const r of await this.db.all("SELECT key, state, finding FROM findings WHERE state IN ('open', 'suppressed')")) {
        previous.set(str(r.key), { state: str(r.state), finding: JSON.parse(str(r.finding)) as StoredFinding });
      }
      const diff: EvaluationDiff = { run: runId, new: [], resolved: [], open: [], suppressed: [] };
      const seen = new Set<string>();
      for (const f of current) {
        if (seen.has(f.key)) continue;
        seen.add(f.key);
        const state = f.vex?.status === 'not_affected' ? 'suppressed' : 'open';
        const before = previous.get(f.key);
        if (state === 'suppressed') diff.suppressed.push(f);
        else if (before?.state === 'open') diff.open.push(f);
        else diff.new.push(f);
        const repoId = await this.repoId(f.repo, false);
        await this.db.run(
          `INSERT INTO findings (key, repo_id, ref, purl, advisory_id, state, finding, first_run, last_run, resolved_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
           ON CONFLICT (key) DO UPDATE SET state = excluded.state, finding = excluded.finding, last_run = excluded.last_run, resolved_run = NULL,
             first_run = CASE WHEN findings.state = 'resolved' THEN excluded.first_run ELSE findings.first_run END`,
          [f.key, repoId ?? null, f.ref, f.purl, f.advisory, state, JSON.stringify(f), runId, runId],
        );
      }
      for (const [key, before] of previous) {
        if (seen.has(key)) continue;
        if (before.state === 'open') diff.resolved.push(before.finding);
        await this.db.run("UPDATE findings SET state = 'resolved', resolved_run = ? WHERE key = ?", [runId, key]);
      }
      return diff;
    });
  }

  async findings(repo: string, ref: string): Promise<StoredFinding[]> {
    const rows = await this.db.all(
      "SELECT f.finding FROM findings f JOIN repositories r ON r.id = f.repo_id WHERE r.name = ? AND f.ref = ? AND f.state IN ('open', 'suppressed') ORDER BY f.key",
      [repo, ref],
    );
    return rows.map((r) => JSON.parse(str(r.finding)) as StoredFinding);
  }

  async addVexStatements(statements: VexStatement[]): Promise<number> {
    return this.db.transaction(async () => {
      let added = 0;
      const now = new Date().toISOString();
      for (const s of statements) {
        const repoId = s.repo === null ? null : await this.repoId(s.repo, true);
        // A later statement about the same vulnerability, component and scope replaces the earlier one.
        const key = sha256(JSON.stringify([s.repo, s.vulnerability, s.purl]));
        const r = await this.db.run(
          `INSERT INTO vex_statements (key, repo_id, vulnerability, purl, status, justification, detail, action_statement, document, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET status = excluded.status, justification = excluded.justification, detail = excluded.detail,
             action_statement = excluded.action_statement, document = excluded.document, imported_at = excluded.imported_at`,
          [key, repoId ?? null, s.vulnerability, s.purl, s.status, s.justification ?? null, s.detail ?? null, s.actionStatement ?? null, s.document, now],
        );
        added += r.changes > 0 ? 1 : 0;
      }
      return added;
    });
  }

  async vexStatements(repo?: string): Promise<VexStatement[]> {
    const rows = await this.db.all(
      `SELECT r.name AS repo, v.vulnerability, v.purl, v.status, v.justification, v.detail, v.action_statement, v.document
       FROM vex_statements v LEFT JOIN repositories r ON r.id = v.repo_id
       ${repo === undefined ? '' : 'WHERE v.repo_id IS NULL OR r.name = ?'} ORDER BY v.vulnerability, v.purl, r.name`,
      repo === undefined ? [] : [repo],
    );
    return rows.map((r) => {
      const s: VexStatement = {
        repo: optionalStr(r.repo),
        vulnerability: str(r.vulnerability),
        purl: str(r.purl),
        status: str(r.status) as VexStatement['status'],
        document: str(r.document),
      };
      if (r.justification !== null) s.justification = str(r.justification);
      if (r.detail !== null) s.detail = str(r.detail);
      if (r.action_statement !== null) s.actionStatement = str(r.action_statement);
      return s;
    });
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of ['repositories', 'snapshots', 'components', 'usages', 'component_sets', 'set_members', 'findings', 'vex_statements']) {
      out[table] = (await this.scalar(`SELECT COUNT(*) FROM ${table}`, [])) ?? 0;
    }
    return out;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** A finding's identity across runs. */
export function findingKey(repo: string, ref: string, f: Pick<Finding, 'ecosystem' | 'name' | 'version' | 'rule'> & { advisory: string }): string {
  return JSON.stringify([repo, ref, f.ecosystem, f.name, f.version, f.rule, f.advisory]);
}
