import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allLockfileParsers, validateSbomJson } from '@lockwarden/core';
import { runCli } from '../helpers/run-cli.js';
import { FORMAT_PROJECTS as PROJECTS } from './format-projects.js';

/*
 * `sbom` then `sbom verify --against` on a small generated project of every lockfile format: the SBOM must be
 * schema-valid and describe exactly what the lockfiles lock (issue: Go modules came back as one version mismatch
 * per module, `v1.6.0` against `1.6.0`). A format added without a project in format-projects.ts fails the first test.
 */

/** Root component expected from the project's manifest, where the project has one. */
const ROOTS: Record<string, { name: string; version?: string; purl: string }> = {
  'go.mod': { name: 'example.com/app', purl: 'pkg:golang/example.com/app' },
  'Cargo.lock': { name: 'app', version: '0.1.0', purl: 'pkg:cargo/app@0.1.0' },
  'pubspec.lock': { name: 'my_app', version: '1.2.0', purl: 'pkg:pub/my_app@1.2.0' },
  'mix.lock': { name: 'my_app', version: '0.4.0', purl: 'pkg:hex/my_app@0.4.0' },
  'composer.lock': { name: 'app', purl: 'pkg:composer/acme/app' },
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(format: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockwarden-roundtrip-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(PROJECTS[format] ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('sbom -> sbom verify --against, for every lockfile format', () => {
  it('has a generated project for every registered lockfile parser', async () => {
    // Scanners (source code, CI files, model files) are not lockfiles; their SBOM output has its own end-to-end test.
    expect(Object.keys(PROJECTS).sort()).toEqual((await allLockfileParsers()).filter((p) => !p.scanner).map((p) => p.id).sort());
  });

  for (const format of Object.keys(PROJECTS)) {
    it(`${format}: the SBOM is valid, names its root and verifies clean against its lockfiles`, async () => {
      const dir = project(format);
      const made = await runCli(['sbom', '--reproducible', '-o', 'bom.json', '.'], { cwd: dir });
      expect(made.code, made.stderr).toBe(0);
      const text = readFileSync(join(dir, 'bom.json'), 'utf8');
      expect((await validateSbomJson(text, 'bom.json')).issues).toEqual([]);
      const bom = JSON.parse(text) as { metadata: { component: Record<string, unknown> }; components: unknown[] };
      expect(bom.components.length).toBeGreaterThan(0);
      const root = ROOTS[format];
      if (root) expect(bom.metadata.component).toMatchObject(root);

      const verified = await runCli(['sbom', 'verify', 'bom.json', '--against', '.', '--json'], { cwd: dir });
      const report = JSON.parse(verified.stdout) as { valid: boolean; drift: { differences: unknown[] } };
      expect(report.drift.differences).toEqual([]);
      expect(report.valid).toBe(true);
      expect(verified.code).toBe(0);
    });
  }
});

describe('sbom verify catches an edited component', () => {
  it('reports a version field that disagrees with its purl, although the purl still matches the lockfile', async () => {
    const dir = project('go.mod');
    await runCli(['sbom', '-o', 'bom.json', '.'], { cwd: dir });
    const path = join(dir, 'bom.json');
    const bom = JSON.parse(readFileSync(path, 'utf8')) as { components: { name: string; version: string }[] };
    const uuid = bom.components.find((c) => c.name === 'github.com/google/uuid');
    if (!uuid) throw new Error('uuid component missing');
    uuid.version = '1.6.1';
    writeFileSync(path, JSON.stringify(bom, null, 2));
    const verified = await runCli(['sbom', 'verify', 'bom.json', '--against', '.', '--json'], { cwd: dir });
    const report = JSON.parse(verified.stdout) as { valid: boolean; drift: { differences: { kind: string; name: string; version?: string }[] } };
    expect(report.drift.differences).toEqual([
      expect.objectContaining({ kind: 'purl-mismatch', name: 'github.com/google/uuid', version: '1.6.1' }),
    ]);
    expect(verified.code).toBe(1);
  });
});

describe('reproducible SBOMs do not depend on the working directory', () => {
  it('gives the same bytes for the folder named from its parent, from inside, and by its lockfile', async () => {
    const dir = project('go.mod');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const inside = await runCli(['sbom', '.'], { cwd: dir, env });
    const parent = await runCli(['sbom', dir.split('/').pop() as string], { cwd: dirname(dir), env });
    const byFile = await runCli(['sbom', join(dir, 'go.mod')], { cwd: tmpdir(), env });
    expect(inside.code).toBe(0);
    expect(parent.stdout).toBe(inside.stdout);
    expect(byFile.stdout).toBe(inside.stdout);
  });
});

describe('local packages in the SBOM', () => {
  it('gives Cargo workspace members no crates.io purl, and verify still passes', async () => {
    const dir = project('Cargo.lock');
    writeFileSync(join(dir, 'Cargo.toml'), '[workspace]\nmembers = ["crates/util"]\n\n[package]\nname = "app"\nversion = "0.1.0"\n');
    mkdirSync(join(dir, 'crates/util'), { recursive: true });
    writeFileSync(join(dir, 'crates/util/Cargo.toml'), '[package]\nname = "util"\nversion = "0.2.0"\n');
    writeFileSync(
      join(dir, 'Cargo.lock'),
      `version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["itoa", "util"]\n\n[[package]]\nname = "itoa"\nversion = "1.0.11"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n\n[[package]]\nname = "util"\nversion = "0.2.0"\n`,
    );
    const made = await runCli(['sbom', '-o', 'bom.json', '.'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const bom = JSON.parse(readFileSync(join(dir, 'bom.json'), 'utf8')) as { components: { name: string; purl?: string }[] };
    const byName = Object.fromEntries(bom.components.map((c) => [c.name, c.purl]));
    expect(byName).toEqual({ app: undefined, util: undefined, itoa: 'pkg:cargo/itoa@1.0.11' });
    const verified = await runCli(['sbom', 'verify', 'bom.json', '--against', '.'], { cwd: dir });
    expect(verified.code, verified.stdout).toBe(0);
  });
});
