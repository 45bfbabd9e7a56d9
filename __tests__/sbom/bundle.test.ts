import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Action ships core inside an ncc bundle, where `node_modules` is gone: SBOM generation and schema validation
 * must work from the bundle, with the schemas copied into `cyclonedx-schema/` next to it (docs/sbom.md).
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const coreDist = join(repo, 'packages', 'core', 'dist', 'index.js');
const ncc = join(repo, 'node_modules', '.bin', 'ncc');

const ENTRY = `
import { generateSbom, renderSbom, validateSbomJson } from ${JSON.stringify(coreDist)};
const pkg = { id: 'node_modules/@acme/a', ecosystem: 'npm', name: '@acme/a', version: '1.0.0', purl: 'pkg:npm/%40acme/a@1.0.0',
  direct: true, scopes: [], integrity: [{ algorithm: 'sha512', value: 'ab'.repeat(64) }], source: { kind: 'registry' },
  location: { file: 'package-lock.json' }, license: 'MIT OR Apache-2.0' };
const inventory = { lockfile: 'package-lock.json', format: 'package-lock.json', ecosystem: 'npm', packages: [pkg],
  edges: [{ from: '', to: pkg.id }], projects: [{ id: '', path: '' }] };
try {
  const good = generateSbom([inventory], { toolVersion: '1', reproducible: true });
  const bad = good.replace('"version": "1.0.0"', '"version": 1');
  const xml = await renderSbom([inventory], { toolVersion: '1', format: 'xml' });
  const results = [await validateSbomJson(good), await validateSbomJson(bad)];
  console.log(JSON.stringify({ results, xml: xml.includes('<group>@acme</group>') }));
} catch (err) {
  console.log(JSON.stringify({ error: err.code, message: err.message }));
}
`;

describe.skipIf(!existsSync(coreDist) || !existsSync(ncc))('SBOM from an ncc bundle', () => {
  let dir: string;
  let bundle: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockwarden-sbom-bundle-'));
    writeFileSync(join(dir, 'entry.mjs'), ENTRY);
    execFileSync(ncc, ['build', join(dir, 'entry.mjs'), '-o', join(dir, 'out'), '--quiet'], { stdio: 'pipe' });
    bundle = join(dir, 'out', 'index.mjs');
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function runBundle(): unknown {
    // Run from a folder outside the repository, so that no node_modules can be found.
    const result = spawnSync(process.execPath, [bundle], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  }

  it('says where the schemas are missing when they were not copied', () => {
    const out = runBundle() as { error: string; message: string };
    expect(out.error).toBe('SBOM_ERROR');
    expect(out.message).toContain('CycloneDX JSON schemas not found');
    expect(out.message).toContain(join(dir, 'out', 'cyclonedx-schema'));
  });

  it('generates and validates once res/schema is copied next to the bundle', () => {
    const library = dirname(
      createRequire(join(repo, 'packages', 'core', 'package.json')).resolve('@cyclonedx/cyclonedx-library/package.json'),
    );
    const schemas = join(library, 'res', 'schema');
    mkdirSync(join(dir, 'out', 'cyclonedx-schema'));
    for (const file of readdirSync(schemas).filter((f) => f.endsWith('.schema.json'))) {
      cpSync(join(schemas, file), join(dir, 'out', 'cyclonedx-schema', file));
    }
    expect(runBundle()).toEqual({
      results: [
        { specVersion: '1.6', issues: [] },
        { specVersion: '1.6', issues: [{ path: '$.components[0].version', message: 'must be string' }] },
      ],
      xml: true,
    });
  });
});
