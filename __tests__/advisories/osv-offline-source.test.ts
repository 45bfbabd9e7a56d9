import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OsvIndex, OsvOfflineSource, SourceUnavailableError, downloadOsvDatabase, type PackageRef } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { startTestServer, type TestServer } from '../helpers/http-server.js';
import { loadOsvRecords } from '../helpers/osv-server.js';
import { writeOsvZip } from '../helpers/osv-zip.js';

const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures', 'osv');
const LODASH: PackageRef = { ecosystem: 'npm', name: 'lodash', version: '4.17.20' };
const MINIMIST: PackageRef = { ecosystem: 'npm', name: 'minimist', version: '1.2.5' };
const H11: PackageRef = { ecosystem: 'PyPI', name: 'h11', version: '0.14.0' };

const temp: string[] = [];
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lw-osv-db-'));
  temp.push(dir);
  return dir;
}

/** The fixture records as the OSV export lays them out: `<dir>/<ecosystem>/all.zip`. */
async function zipDatabase(extraNpm: object[] = []): Promise<string> {
  const dir = tempDir();
  for (const ecosystem of ['npm', 'PyPI']) {
    mkdirSync(join(dir, ecosystem));
    await writeOsvZip(join(dir, ecosystem, 'all.zip'), [...loadOsvRecords(join(FIXTURES, ecosystem)), ...(extraNpm as { id: string }[]).filter(() => ecosystem === 'npm')]);
  }
  return dir;
}

describe('OsvOfflineSource', () => {
  it('reads all.zip exports and reports the real advisories and the data age', async () => {
    const dir = await zipDatabase();
    const osv = new OsvOfflineSource({ dir });
    const result = await osv.query([LODASH, MINIMIST, H11, { ecosystem: 'npm', name: 'lodash', version: '4.17.23' }]);
    await osv.close();
    expect(result.source).toBe(`offline OSV database at ${dir}`);
    // The oldest data consulted: the PyPI export's newest record.
    expect(result.dataAsOf?.toISOString()).toBe('2025-04-24T21:41:36.000Z');
    expect(result.byPackage.get('npm:lodash@4.17.20')?.map((a) => [a.id, a.severity, a.fixed])).toEqual([
      ['GHSA-35jh-r3h4-6jhm', 'high', '4.17.21'],
      ['GHSA-29mw-wpgm-hmr9', 'moderate', '4.17.21'],
      ['GHSA-xxjr-mmjv-4gpg', 'moderate', '4.17.23'],
    ]);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.map((a) => [a.ids, a.severity, a.fixed])).toEqual([
      [['GHSA-xvch-5gv4-984h', 'CVE-2021-44906'], 'critical', '1.2.6'],
    ]);
    expect(result.byPackage.has('npm:lodash@4.17.23')).toBe(false);
    const h11 = result.byPackage.get('PyPI:h11@0.14.0') ?? [];
    expect(h11).toHaveLength(1);
    expect(h11[0]?.id).toBe('GHSA-vqfr-h8mv-ghfj');
    expect(h11[0]).toMatchObject({ match: 'range', severity: 'critical', score: 9.1, fixed: '0.16.0', ids: ['GHSA-vqfr-h8mv-ghfj', 'CVE-2025-43859'] });
  });

  it('reads a folder of OSV JSON files (the fixture layout itself)', async () => {
    const dir = tempDir();
    cpSync(FIXTURES, dir, { recursive: true });
    const result = await new OsvOfflineSource({ dir }).query([MINIMIST]);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.[0]?.fixed).toBe('1.2.6');
    expect(existsSync(join(dir, 'npm', '.lockwarden-index', 'meta.json'))).toBe(true);
  });

  it('builds the index once and rebuilds it when the zip changes', async () => {
    const dir = await zipDatabase();
    const zip = join(dir, 'npm', 'all.zip');
    const first = await OsvIndex.open(zip);
    expect(first.meta).toMatchObject({ records: 5, withdrawn: 0, skipped: 0, dataAsOf: '2026-01-21T23:01:22Z' });
    expect(first.lookup('npm', 'lodash').map((r) => r.id).sort()).toEqual(['GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm', 'GHSA-xxjr-mmjv-4gpg']);
    expect(first.lookup('npm', 'lodash.trim').map((r) => r.id)).toEqual(['GHSA-29mw-wpgm-hmr9']);
    expect(first.lookup('npm', 'nothing-here')).toEqual([]);
    first.close();

    const again = await OsvIndex.open(zip);
    expect(again.meta.builtAt).toBe(first.meta.builtAt);
    again.close();

    await writeOsvZip(zip, [
      ...loadOsvRecords(join(FIXTURES, 'npm')),
      { id: 'MAL-2024-9999', modified: '2026-03-01T00:00:00Z', summary: 'Malicious code in evil-pkg (npm)', affected: [{ package: { ecosystem: 'npm', name: 'evil-pkg' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] },
    ] as { id: string }[]);
    utimesSync(zip, new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await OsvIndex.open(zip);
    expect(rebuilt.meta.records).toBe(6);
    expect(rebuilt.meta.builtAt).not.toBe(first.meta.builtAt);
    rebuilt.close();
  });

  it('reports malware, skips withdrawn and malformed records', async () => {
    const dir = await zipDatabase([
      { id: 'MAL-2024-9999', modified: '2026-03-01T00:00:00Z', summary: 'Malicious code in evil-pkg (npm)', affected: [{ package: { ecosystem: 'npm', name: 'evil-pkg' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] },
      { id: 'GHSA-with-draw-nnnn', modified: '2024-01-01T00:00:00Z', withdrawn: '2024-02-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'minimist' }, versions: ['1.2.5'] }] },
      { id: 'BROKEN-1', affected: [{ package: { ecosystem: 'npm' } }] },
    ]);
    const warnings: string[] = [];
    const osv = new OsvOfflineSource({ dir, logger: { debug() {}, info() {}, warn: (m) => warnings.push(m) } });
    const result = await osv.query([{ ecosystem: 'npm', name: 'evil-pkg', version: '1.0.0' }, MINIMIST]);
    expect(result.byPackage.get('npm:evil-pkg@1.0.0')?.map((a) => [a.id, a.kind, a.severity])).toEqual([['MAL-2024-9999', 'malware', 'critical']]);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.map((a) => a.id)).toEqual(['GHSA-xvch-5gv4-984h']);
    expect(warnings).toEqual([
      `${join(dir, 'npm', 'all.zip')}: skipped a record: ${join(dir, 'npm', 'all.zip')}!BROKEN-1.json: BROKEN-1: "affected[].package" needs "ecosystem" and "name" strings`,
    ]);
  });

  it('an ecosystem without data, or no database at all, is SourceUnavailableError', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'npm'));
    await writeOsvZip(join(dir, 'npm', 'all.zip'), loadOsvRecords(join(FIXTURES, 'npm')));
    await expect(new OsvOfflineSource({ dir }).query([H11])).rejects.toThrow(
      'no data for PyPI (fetch it with `lockwarden db download --ecosystems PyPI`)',
    );
    await expect(new OsvOfflineSource({ dir: join(dir, 'missing') }).query([LODASH])).rejects.toBeInstanceOf(SourceUnavailableError);
  });

  it('a corrupt zip is a typed error', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'npm'));
    writeFileSync(join(dir, 'npm', 'all.zip'), 'PK\u0003\u0004 this is not really a zip');
    await expect(new OsvOfflineSource({ dir }).query([LODASH])).rejects.toThrow(/not a readable zip archive/);
  });
});

describe('downloadOsvDatabase', () => {
  it('fetches <base>/<ecosystem>/all.zip into <dir>/<ecosystem>/all.zip', async () => {
    const source = await zipDatabase();
    const zips = Object.fromEntries(['npm', 'PyPI'].map((e) => [`/${e}/all.zip`, readFileSync(join(source, e, 'all.zip'))]));
    server = await startTestServer((req, res) => {
      const body = zips[req.url];
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(body.length) });
      res.end(body);
    });
    const dir = tempDir();
    const done = await downloadOsvDatabase({ baseUrl: server.url, ecosystems: ['npm', 'PyPI'], dir, backoffBaseMs: 1 });
    expect(done.map((d) => [d.ecosystem, d.entries, d.bytes])).toEqual([
      ['npm', 5, zips['/npm/all.zip']?.length],
      ['PyPI', 1, zips['/PyPI/all.zip']?.length],
    ]);
    const result = await new OsvOfflineSource({ dir }).query([MINIMIST]);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.[0]?.id).toBe('GHSA-xvch-5gv4-984h');
    await expect(downloadOsvDatabase({ baseUrl: server.url, ecosystems: ['Go'], dir, backoffBaseMs: 1 })).rejects.toThrow(
      `${server.url}/Go/all.zip: HTTP 404`,
    );
  });

  it('rejects a download that is not a zip and keeps the previous copy', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.end('<html>captive portal</html>');
    });
    const dir = tempDir();
    mkdirSync(join(dir, 'npm'));
    writeFileSync(join(dir, 'npm', 'all.zip'), 'previous');
    await expect(downloadOsvDatabase({ baseUrl: server.url, ecosystems: ['npm'], dir })).rejects.toThrow(/not a valid zip archive/);
    expect(readFileSync(join(dir, 'npm', 'all.zip'), 'utf8')).toBe('previous');
  });
});

describe('OsvOfflineSource with one ecosystem missing', () => {
  it('answers for the ecosystems it has and names the packages it could not answer for', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'npm'));
    await writeOsvZip(join(dir, 'npm', 'all.zip'), loadOsvRecords(join(FIXTURES, 'npm')));
    const source = new OsvOfflineSource({ dir });
    const result = await source.query([LODASH, H11]);
    await source.close();
    expect([...result.byPackage.keys()]).toEqual(['npm:lodash@4.17.20']);
    expect(result.failures).toEqual([
      { data: 'advisories', source: source.name, message: 'no data for PyPI (fetch it with `lockwarden db download --ecosystems PyPI`)', packages: ['PyPI:h11@0.14.0'] },
    ]);
  });
});
