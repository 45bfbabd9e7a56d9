import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  OsvOfflineSource,
  openInventoryStore,
  policyFromText,
  readIngestInputs,
  readVex,
  reevaluate,
  silentLogger,
  type InventoryStore,
} from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { SQLITE_BACKEND, postgresBackend, writeCycloneDx, type StoreBackend } from '../helpers/inventory-store.js';

const OSV = join(REPO_ROOT, '__tests__/fixtures/osv/npm');
const H = (c: string) => c.repeat(128);
const backends = [SQLITE_BACKEND, postgresBackend()].filter((b): b is StoreBackend => b !== undefined);
const work = mkdtempSync(join(tmpdir(), 'lw-inv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Three repositories: two hold minimist (one affected), the third does not. */
function writeThreeSboms(): Record<'alpha' | 'beta' | 'gamma', string> {
  return {
    alpha: writeCycloneDx(work, 'alpha.cdx.json', 'alpha', [
      { name: 'minimist', version: '1.2.5', license: 'MIT', sha512: H('a'), supplier: 'substack' },
      { name: 'lodash', version: '4.17.21', license: 'MIT', sha512: H('b') },
    ]),
    beta: writeCycloneDx(work, 'beta.cdx.json', 'beta', [
      { name: 'minimist', version: '1.2.8', license: 'MIT', sha512: H('c') },
      { name: '@corp/util', version: '2.0.0', license: 'Apache-2.0', sha512: H('d') },
    ]),
    gamma: writeCycloneDx(work, 'gamma.cdx.json', 'gamma', [
      { name: 'lodash', version: '4.17.20', license: 'MIT', sha512: H('e'), direct: false },
      { name: '@corp/cli', version: '1.0.0', license: 'Apache-2.0', sha512: H('f') },
    ]),
  };
}

describe.each(backends)('inventory store on $name', (backend) => {
  let store: InventoryStore;
  let dispose: () => Promise<void>;
  let spec: string;

  beforeEach(async () => {
    const created = await backend.create();
    spec = created.spec;
    dispose = created.dispose;
    store = await openInventoryStore(spec, { cwd: work, env: {} });
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  async function ingestThree(): Promise<void> {
    const files = writeThreeSboms();
    for (const [repo, file] of Object.entries(files)) {
      const { components, inputs } = await readIngestInputs(work, [file]);
      await store.ingest({ repo, ref: 'main', commit: `${repo}0000`, inputs, components });
    }
  }

  it('migrates once: reopening an existing store applies nothing and keeps the data', async () => {
    await ingestThree();
    await store.close();
    store = await openInventoryStore(spec, { cwd: work, env: {} });
    expect((await store.counts()).repositories).toBe(3);
  });

  it('who-uses names exactly the repositories holding a package, and a range only the affected ones', async () => {
    await ingestThree();
    const all = await store.whoUses('pkg:npm/minimist');
    expect(all.map((r) => [r.repo, r.version])).toEqual([
      ['alpha', '1.2.5'],
      ['beta', '1.2.8'],
    ]);
    expect(all[0]).toMatchObject({ ref: 'main', commit: 'alpha0000', name: 'minimist', purl: 'pkg:npm/minimist@1.2.5', direct: true, lockfile: 'alpha.cdx.json' });
    expect((await store.whoUses('pkg:npm/minimist@<1.2.6')).map((r) => r.repo)).toEqual(['alpha']);
    expect((await store.whoUses('pkg:npm/@corp/*')).map((r) => `${r.repo}:${r.name}`)).toEqual(['beta:@corp/util', 'gamma:@corp/cli']);
    expect(await store.whoUses('pkg:npm/left-pad')).toEqual([]);
    expect(await store.whoUses('pkg:pypi/minimist')).toEqual([]);
  });

  it('who-uses compares PyPI names as PyPI does and applies globs exactly after the indexed prefix', async () => {
    const rec = (name: string, version: string) => ({ ecosystem: 'PyPI', name, version, purl: `pkg:pypi/${name.toLowerCase()}@${version}`, licenses: [], hashes: [], source: { kind: 'registry' }, direct: true, scopes: [], lockfile: 'uv.lock' });
    await store.ingest({ repo: 'py', ref: 'main', inputs: ['uv.lock'], components: [rec('Django_Rest', '1.0'), rec('django-restless', '2.0'), rec('djangox', '3.0')] });
    expect((await store.whoUses('pkg:pypi/django.rest')).map((r) => r.name)).toEqual(['Django_Rest']);
    expect((await store.whoUses('pkg:pypi/django-rest*')).map((r) => r.name)).toEqual(['django-restless', 'Django_Rest']);
    expect((await store.whoUses('pkg:pypi/django-rest*@>=2')).map((r) => r.name)).toEqual(['django-restless']);
  });

  it('who-uses looks at the latest snapshot per repository and ref unless asked for history', async () => {
    await ingestThree();
    const file = writeCycloneDx(work, 'alpha2.cdx.json', 'alpha', [{ name: 'minimist', version: '1.2.8', license: 'MIT', sha512: H('c') }]);
    const { components, inputs } = await readIngestInputs(work, [file]);
    await store.ingest({ repo: 'alpha', ref: 'main', commit: 'alpha1111', inputs, components });
    expect((await store.whoUses('pkg:npm/minimist@<1.2.6')).map((r) => r.repo)).toEqual([]);
    const history = await store.whoUses('pkg:npm/minimist@<1.2.6', { allSnapshots: true });
    expect(history.map((r) => [r.repo, r.commit])).toEqual([['alpha', 'alpha0000']]);
  });

  it('stores an unchanged component set once however often it is ingested', async () => {
    const file = writeCycloneDx(
      work,
      'big.cdx.json',
      'big',
      Array.from({ length: 200 }, (_, i) => ({ name: `pkg-${i}`, version: '1.0.0', license: 'MIT', sha512: H(String(i % 10)) })),
    );
    const { components, inputs } = await readIngestInputs(work, [file]);
    for (let i = 0; i < 30; i++) await store.ingest({ repo: 'big', ref: 'main', commit: `c${i}`, inputs, components, takenAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() });
    // A second repository with the same packages shares the component rows too.
    await store.ingest({ repo: 'big-fork', ref: 'main', inputs, components });
    const counts = await store.counts();
    expect(counts).toMatchObject({ snapshots: 31, components: 200, usages: 200, component_sets: 1, set_members: 200 });
    expect((await store.heads()).map((h) => [h.repo, h.commit, h.components])).toEqual([
      ['big', 'c29', 200],
      ['big-fork', null, 200],
    ]);
  });

  it('an older build ingested late does not displace the head', async () => {
    const file = writeCycloneDx(work, 'late.cdx.json', 'late', [{ name: 'minimist', version: '1.2.5' }]);
    const { components, inputs } = await readIngestInputs(work, [file]);
    await store.ingest({ repo: 'late', ref: 'main', commit: 'new', inputs, components, takenAt: '2026-02-01T00:00:00.000Z' });
    await store.ingest({ repo: 'late', ref: 'main', commit: 'old', inputs, components, takenAt: '2026-01-01T00:00:00.000Z' });
    expect((await store.heads()).map((h) => h.commit)).toEqual(['new']);
  });

  it('reevaluate: the known advisory is new once; an advisory added to the DB is the only new one next time', async () => {
    await ingestThree();
    const db = join(work, `osv-${backend.name}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(db, 'npm'), { recursive: true });
    copyFileSync(join(OSV, 'GHSA-xvch-5gv4-984h.json'), join(db, 'npm', 'GHSA-xvch-5gv4-984h.json'));
    const policy = policyFromText('extends: lockwarden:baseline\n').policy;
    const run = async () => {
      const source = new OsvOfflineSource({ dir: db, logger: silentLogger });
      try {
        return await reevaluate(store, source, { policy });
      } finally {
        await source.close();
      }
    };
    const first = await run();
    expect(first.packagesQueried).toBe(6);
    expect(first.new.map((f) => [f.repo, f.finding.name, f.finding.version, f.advisory])).toEqual([['alpha', 'minimist', '1.2.5', 'GHSA-xvch-5gv4-984h']]);
    expect(first.open).toEqual([]);

    const second = await run();
    expect(second.new).toEqual([]);
    expect(second.open.map((f) => f.advisory)).toEqual(['GHSA-xvch-5gv4-984h']);
    expect(second.resolved).toEqual([]);

    copyFileSync(join(OSV, 'GHSA-35jh-r3h4-6jhm.json'), join(db, 'npm', 'GHSA-35jh-r3h4-6jhm.json'));
    const third = await run();
    expect(third.new.map((f) => [f.repo, f.finding.name, f.finding.version, f.advisory])).toEqual([['gamma', 'lodash', '4.17.20', 'GHSA-35jh-r3h4-6jhm']]);
    expect(third.open.map((f) => f.advisory)).toEqual(['GHSA-xvch-5gv4-984h']);

    // alpha upgrades minimist: its finding is resolved, not silently dropped.
    const fixed = writeCycloneDx(work, 'alpha-fixed.cdx.json', 'alpha', [{ name: 'minimist', version: '1.2.8', sha512: H('c') }]);
    const input = await readIngestInputs(work, [fixed]);
    await store.ingest({ repo: 'alpha', ref: 'main', commit: 'alpha2222', ...input });
    const fourth = await run();
    expect(fourth.new).toEqual([]);
    expect(fourth.resolved.map((f) => [f.repo, f.advisory])).toEqual([['alpha', 'GHSA-xvch-5gv4-984h']]);
    expect(fourth.open.map((f) => [f.repo, f.advisory])).toEqual([['gamma', 'GHSA-35jh-r3h4-6jhm']]);
  });

  it('a not_affected VEX statement suppresses the finding and cites the statement; repo scope is honoured', async () => {
    await ingestThree();
    const vexFile = join(work, 'minimist.openvex.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      vexFile,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.org/vex/1',
        author: 'Security Team',
        timestamp: '2026-01-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2021-44906' },
            products: [{ '@id': 'pkg:npm/alpha', subcomponents: [{ '@id': 'pkg:npm/minimist@1.2.5' }] }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
            impact_statement: 'alpha never parses untrusted argv',
          },
        ],
      }),
    );
    await store.addVexStatements(readVex((await import('node:fs')).readFileSync(vexFile, 'utf8'), 'minimist.openvex.json', 'beta'));
    const db = join(work, 'osv-vex');
    mkdirSync(join(db, 'npm'), { recursive: true });
    copyFileSync(join(OSV, 'GHSA-xvch-5gv4-984h.json'), join(db, 'npm', 'GHSA-xvch-5gv4-984h.json'));
    const policy = policyFromText('extends: lockwarden:baseline\n').policy;
    const source = new OsvOfflineSource({ dir: db, logger: silentLogger });
    // Scoped to beta: alpha's finding stands.
    expect((await reevaluate(store, source, { policy })).new.map((f) => f.repo)).toEqual(['alpha']);
    await store.addVexStatements(readVex((await import('node:fs')).readFileSync(vexFile, 'utf8'), 'minimist.openvex.json', null));
    const run = await reevaluate(store, source, { policy });
    await source.close();
    expect(run.new).toEqual([]);
    expect(run.open).toEqual([]);
    expect(run.resolved).toEqual([]);
    expect(run.suppressed.map((f) => [f.repo, f.vex?.status, f.vex?.justification, f.vex?.document])).toEqual([
      ['alpha', 'not_affected', 'vulnerable_code_not_in_execute_path', 'minimist.openvex.json'],
    ]);
  });
});
