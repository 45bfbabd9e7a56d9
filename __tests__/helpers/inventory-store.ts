import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** One backend the inventory store suite runs against: a store spec and how to throw it away. */
export interface StoreBackend {
  name: string;
  /** A fresh, empty store (an SQLite file or a new PostgreSQL database). */
  create(): Promise<{ spec: string; dispose(): Promise<void> }>;
}

export const SQLITE_BACKEND: StoreBackend = {
  name: 'sqlite',
  create() {
    const dir = mkdtempSync(join(tmpdir(), 'lw-store-'));
    return Promise.resolve({ spec: join(dir, 'inventory.db'), dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) });
  },
};

/**
 * The PostgreSQL backend when LOCKWARDEN_TEST_PG_URL names a server (.ci/run starts one), else undefined and the
 * suite says loudly that it skipped. Each store is a new database, dropped afterwards.
 */
export function postgresBackend(): StoreBackend | undefined {
  const url = process.env.LOCKWARDEN_TEST_PG_URL;
  if (!url) {
    console.warn('\n*** LOCKWARDEN_TEST_PG_URL is not set: the PostgreSQL inventory store suite is SKIPPED (.ci/run starts a server) ***\n');
    return undefined;
  }
  return {
    name: 'postgres',
    async create() {
      const name = `lw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      return {
        spec: u.toString(),
        async dispose() {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

export interface SbomComponent {
  name: string;
  version: string;
  license?: string;
  sha512?: string;
  supplier?: string;
  direct?: boolean;
}

/** Writes a small CycloneDX 1.6 JSON SBOM of npm packages, as third-party tools make them. */
export function writeCycloneDx(dir: string, file: string, root: string, components: SbomComponent[]): string {
  const ref = (c: SbomComponent) => `pkg:npm/${c.name.startsWith('@') ? `%40${c.name.slice(1)}` : c.name}@${c.version}`;
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', 'bom-ref': 'root', name: root, version: '1.0.0' } },
    components: components.map((c) => ({
      type: 'library',
      'bom-ref': ref(c),
      name: c.name,
      version: c.version,
      purl: ref(c),
      ...(c.license ? { licenses: [{ license: { id: c.license } }] } : {}),
      ...(c.sha512 ? { hashes: [{ alg: 'SHA-512', content: c.sha512 }] } : {}),
      ...(c.supplier ? { supplier: { name: c.supplier } } : {}),
    })),
    dependencies: [{ ref: 'root', dependsOn: components.filter((c) => c.direct !== false).map(ref) }],
  };
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(bom, null, 2));
  return path;
}
