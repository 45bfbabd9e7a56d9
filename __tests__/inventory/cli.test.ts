import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateSbomJson } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { chromiumPath, pngStats, screenshot } from '../helpers/chromium.js';
import { SQLITE_BACKEND, postgresBackend, writeCycloneDx, type StoreBackend } from '../helpers/inventory-store.js';
import { runCli } from '../helpers/run-cli.js';

const OSV = join(REPO_ROOT, '__tests__/fixtures/osv/npm');
const H = (c: string) => c.repeat(128);
const backends = [SQLITE_BACKEND, postgresBackend()].filter((b): b is StoreBackend => b !== undefined);
const work = mkdtempSync(join(tmpdir(), 'lw-inv-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

writeCycloneDx(work, 'alpha.cdx.json', 'alpha', [
  { name: 'minimist', version: '1.2.5', license: 'MIT', sha512: H('a'), supplier: 'substack' },
  { name: 'lodash', version: '4.17.21', license: 'MIT', sha512: H('b') },
]);
writeCycloneDx(work, 'beta.cdx.json', 'beta', [{ name: 'minimist', version: '1.2.8', license: 'MIT', sha512: H('c') }]);
writeCycloneDx(work, 'gamma.cdx.json', 'gamma', [
  { name: 'lodash', version: '4.17.20', license: 'MIT', sha512: H('e') },
  // Untrusted text reaches the HTML report: it must arrive as text, not markup.
  { name: 'evil', version: '1.0.0', license: '<img src=x onerror=alert(1)>', sha512: H('f') },
]);

describe.each(backends)('lockwarden inventory on $name', (backend) => {
  let store: string;
  let dispose: () => Promise<void>;
  let db: string;
  beforeEach(async () => {
    ({ spec: store, dispose } = await backend.create());
    db = mkdtempSync(join(tmpdir(), 'lw-osv-'));
    mkdirSync(join(db, 'npm'));
    copyFileSync(join(OSV, 'GHSA-xvch-5gv4-984h.json'), join(db, 'npm', 'GHSA-xvch-5gv4-984h.json'));
    for (const repo of ['alpha', 'beta', 'gamma']) {
      const r = await cli(['inventory', 'ingest', '--repo', repo, '--ref', 'main', '--commit', `${repo}-sha`, `${repo}.cdx.json`]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterEach(async () => {
    rmSync(db, { recursive: true, force: true });
    await dispose();
  });
  const cli = (argv: string[]) => runCli(argv, { cwd: work, env: { LOCKWARDEN_STORE: store } });

  it('who-uses names exactly the repositories holding minimist, and the range only the affected one', async () => {
    const all = await cli(['inventory', 'who-uses', 'pkg:npm/minimist', '--format', 'json']);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual([
      { repo: 'alpha', ref: 'main', commit: 'alpha-sha', name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5', direct: true, lockfile: 'alpha.cdx.json' },
      { repo: 'beta', ref: 'main', commit: 'beta-sha', name: 'minimist', version: '1.2.8', purl: 'pkg:npm/minimist@1.2.8', direct: true, lockfile: 'beta.cdx.json' },
    ]);
    const affected = await cli(['inventory', 'who-uses', 'pkg:npm/minimist@<1.2.6', '--format', 'json']);
    expect(JSON.parse(affected.stdout).map((r: { repo: string }) => r.repo)).toEqual(['alpha']);
    const table = await cli(['inventory', 'who-uses', 'pkg:npm/minimist@<1.2.6']);
    expect(table.stdout).toContain('minimist@1.2.5');
    expect(table.stdout).not.toContain('beta');
  });

  it('reevaluate: known advisory new once, nothing new the second time, only the added advisory the third', async () => {
    const run = async () => {
      const r = await cli(['inventory', 'reevaluate', '--db', db, '--format', 'json']);
      return { code: r.code, json: JSON.parse(r.stdout) as { new: { repo: string; advisories: string[] }[]; open: unknown[] } };
    };
    const first = await run();
    expect(first.code).toBe(1);
    expect(first.json.new.map((f) => [f.repo, f.advisories[0]])).toEqual([['alpha', 'GHSA-xvch-5gv4-984h']]);
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.json.new).toEqual([]);
    expect(second.json.open).toHaveLength(1);
    copyFileSync(join(OSV, 'GHSA-35jh-r3h4-6jhm.json'), join(db, 'npm', 'GHSA-35jh-r3h4-6jhm.json'));
    const third = await run();
    expect(third.json.new.map((f) => [f.repo, f.advisories[0]])).toEqual([['gamma', 'GHSA-35jh-r3h4-6jhm']]);
    const markdown = await cli(['inventory', 'reevaluate', '--db', db, '--format', 'markdown']);
    expect(markdown.stdout).toContain('0 new, 0 resolved, 2 still open');
    // A head is one ref of a repository: three repositories, one of them with a second ref, are not four.
    expect(markdown.stdout).toContain('; 3 repositories, ');
    const sarif = await cli(['inventory', 'reevaluate', '--db', db, '--format', 'sarif']);
    expect(JSON.parse(sarif.stdout).runs[0].results).toHaveLength(2);
    const release = await cli(['inventory', 'ingest', '--repo', 'alpha', '--ref', 'v1.0.0', '--commit', 'alpha-sha', 'alpha.cdx.json']);
    expect(release.code, release.stderr).toBe(0);
    const table = await cli(['inventory', 'reevaluate', '--db', db]);
    expect(table.stdout).toContain('; 3 repositories (4 refs), ');
  });

  it('an outage of the advisory source is exit 2 and records nothing', async () => {
    const r = await cli(['inventory', 'reevaluate', '--osv-url', 'http://127.0.0.1:9', '--format', 'json']);
    expect(r.code).toBe(2);
    const after = await cli(['inventory', 'reevaluate', '--db', db, '--format', 'json']);
    expect(JSON.parse(after.stdout).new).toHaveLength(1);
  });

  it('report --format json lists every component with version, purl, license and hash', async () => {
    await cli(['inventory', 'reevaluate', '--db', db]);
    const r = await cli(['inventory', 'report', '--repo', 'alpha', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.components.map((c: Record<string, unknown>) => [c.name, c.version, c.purl, (c.licenses as { declared: string[] }).declared, c.sha512])).toEqual([
      ['lodash', '4.17.21', 'pkg:npm/lodash@4.17.21', ['MIT'], H('b')],
      ['minimist', '1.2.5', 'pkg:npm/minimist@1.2.5', ['MIT'], H('a')],
    ]);
    const minimist = record.components[1];
    expect(minimist.supplier).toBe('substack');
    expect(minimist.vulnerabilities).toMatchObject([{ id: 'GHSA-xvch-5gv4-984h', severity: 'critical', vex: 'unassessed', fixed: '1.2.6' }]);
    // The summary is the advisory's title: its id and aliases are columns of their own, not repeated in it.
    expect(minimist.vulnerabilities[0].summary).toBe('Prototype Pollution in minimist');
    expect(minimist.vulnerabilities[0].aliases).toEqual(['CVE-2021-44906']);
    expect(minimist.bsi.present).toContain('hash-sha512');
    expect(record.components[0].bsi.missing).toContain('creator');
    expect(record.summary).toMatchObject({ components: 2, withSha512: 2, withLicense: 2, openVulnerabilities: 1 });
  });

  it('CycloneDX VEX import suppresses the finding; export writes schema-valid CycloneDX VEX citing it', async () => {
    const vex = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', 'bom-ref': 'mm', name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5' }],
      vulnerabilities: [{ id: 'GHSA-xvch-5gv4-984h', analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'argv is ours' }, affects: [{ ref: 'mm' }] }],
    };
    writeFileSync(join(work, `vex-${backend.name}.cdx.json`), JSON.stringify(vex));
    const imported = await cli(['inventory', 'vex', 'import', `vex-${backend.name}.cdx.json`, '--repo', 'alpha']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 1 VEX statement');
    const r = await cli(['inventory', 'reevaluate', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.new).toEqual([]);
    expect(json.suppressed).toMatchObject([{ repo: 'alpha', vex: { status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', detail: 'argv is ours' } }]);

    const out = join(work, `alpha-${backend.name}.vex.json`);
    const exported = await cli(['inventory', 'vex', 'export', '--repo', 'alpha', '--output', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const doc = JSON.parse(text);
    expect(doc.vulnerabilities).toMatchObject([{ id: 'GHSA-xvch-5gv4-984h', analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'argv is ours' }, affects: [{ ref: 'pkg:npm/minimist@1.2.5' }] }]);
    const validation = await validateSbomJson(text, out);
    expect(validation.specVersion).toBe('1.6');
    expect(validation.issues).toEqual([]);
  });

  it('a malformed VEX document is exit 2 naming the file and the statement', async () => {
    writeFileSync(join(work, 'bad.openvex.json'), JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', statements: [{ vulnerability: { name: 'CVE-1' }, products: [{ '@id': 'pkg:npm/a@1' }], status: 'not_affected' }] }));
    const r = await cli(['inventory', 'vex', 'import', 'bad.openvex.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.openvex.json: statements[0]: a not_affected statement needs a justification or an impact_statement');
  });

  it('the HTML report is one self-contained page that renders in headless Chromium', async () => {
    copyFileSync(join(OSV, 'GHSA-35jh-r3h4-6jhm.json'), join(db, 'npm', 'GHSA-35jh-r3h4-6jhm.json'));
    await cli(['inventory', 'reevaluate', '--db', db]);
    const html = join(work, `gamma-${backend.name}.html`);
    const r = await cli(['inventory', 'report', '--repo', 'gamma', '--format', 'html', '--output', html]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('<img');
    expect(text).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(text).not.toMatch(/<(script|link)\b|src="http/);
    expect(text).toContain('GHSA-35jh-r3h4-6jhm');
    // What a reader acts on comes first: the vulnerabilities, ahead of the component table.
    const section = text.slice(text.indexOf('<h2>Vulnerabilities</h2>'), text.indexOf('<h2>Components</h2>'));
    expect(section).toContain('GHSA-35jh-r3h4-6jhm');
    expect(section).toMatch(/<td>lodash 4\.17\.20<\/td>/);
    const markdown = await cli(['inventory', 'report', '--repo', 'gamma', '--format', 'markdown']);
    expect(markdown.stdout.indexOf('## Vulnerabilities')).toBeLessThan(markdown.stdout.indexOf('## Components'));
    expect(markdown.stdout).toMatch(/\| high \| GHSA-35jh-r3h4-6jhm \| lodash@4\.17\.20 \|/);
    const chromium = chromiumPath();
    if (!chromium) {
      console.warn('\n*** chromium is not installed: the HTML report was not rendered (.ci/run installs Debian chromium) ***\n');
      return;
    }
    const png = join(REPO_ROOT, 'tmp-inventory-report.png');
    screenshot(chromium, html, png);
    const stats = pngStats(png);
    expect(stats.width).toBe(1280);
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.inked).toBeGreaterThan(0.01);
    if (process.env.LOCKWARDEN_KEEP_SCREENSHOT !== '1') rmSync(png, { force: true });
  });
});
