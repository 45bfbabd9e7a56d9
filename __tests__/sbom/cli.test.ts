import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateSbomJson } from '@lockwarden/core';
import { main } from '../../packages/cli/src/main.js';
import type { CliIO } from '../../packages/cli/src/io.js';

const NPM_APP = new URL('../fixtures/sbom/npm-app/', import.meta.url);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockwarden-sbom-cli-'));
  cpSync(NPM_APP, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}, cwd = dir) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const file = (name: string) => readFileSync(join(dir, name), 'utf8');
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

interface Bom {
  components: { name: string; version: string; purl: string }[];
}

describe('lockwarden sbom', () => {
  it('writes a schema-valid CycloneDX 1.6 BOM of the directory, byte-identical under SOURCE_DATE_EPOCH', async () => {
    const first = await run(['sbom', '--output', 'bom.json'], EPOCH);
    expect(first).toMatchObject({ code: 0, stderr: 'wrote bom.json: 14 packages from 1 lockfile(s)\n' });
    const second = await run(['sbom'], EPOCH);
    expect(second.stdout).toBe(file('bom.json'));
    expect(await validateSbomJson(file('bom.json'))).toEqual({ specVersion: '1.6', issues: [] });
    const bom = JSON.parse(file('bom.json')) as Bom & { metadata: { component: { name: string; version: string } } };
    expect(bom.components).toHaveLength(14);
    expect(bom.metadata.component).toMatchObject({ name: 'sbom-fixture-app', version: '1.2.3' });
  });

  it('writes 1.7 and XML on request and refuses other spec versions (exit 2)', async () => {
    const v17 = await run(['sbom', '--spec-version', '1.7', '--reproducible']);
    expect(v17.code).toBe(0);
    expect((await validateSbomJson(v17.stdout)).issues).toEqual([]);
    const xml = await run(['sbom', '--format', 'xml', 'package-lock.json']);
    expect(xml.code).toBe(0);
    expect(xml.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bom xmlns="http:\/\/cyclonedx.org\/schema\/bom\/1.6"/);
    expect((await run(['sbom', '--spec-version', '1.5'])).code).toBe(2);
  });

  it("makes a reproducible, schema-valid BOM with hashes and a full graph of the repository's own lockfile", async () => {
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    const first = await run(['sbom', 'package-lock.json'], EPOCH, repo);
    const second = await run(['sbom', 'package-lock.json'], EPOCH, repo);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect((await validateSbomJson(first.stdout)).issues).toEqual([]);
    const bom = JSON.parse(first.stdout) as {
      metadata: { component: { name: string } };
      components: { type: string; hashes?: unknown[]; properties?: { name: string; value: string }[]; externalReferences?: unknown[] }[];
      dependencies: { ref: string }[];
    };
    expect(bom.metadata.component.name).toBe('lockwarden-monorepo');
    // Only the workspaces lack hashes: each is a project (application) and a link package (no tarball).
    const workspaces = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
    const withoutHashes = bom.components.filter((c) => !c.hashes);
    expect(withoutHashes).toHaveLength(2 * workspaces.length);
    expect(withoutHashes.filter((c) => c.type === 'application')).toHaveLength(workspaces.length);
    expect(withoutHashes.every((c) => !c.externalReferences)).toBe(true);
    expect(bom.dependencies).toHaveLength(bom.components.length + 1);
  });

  it('exits 2 when there is no lockfile', async () => {
    rmSync(join(dir, 'package-lock.json'));
    const result = await run(['sbom']);
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toContain('no lockfiles found');
  });
});

describe('lockwarden sbom verify', () => {
  beforeEach(async () => {
    expect((await run(['sbom', '-o', 'bom.json'], EPOCH)).code).toBe(0);
  });

  it('passes a fresh SBOM against its lockfiles (exit 0)', async () => {
    const result = await run(['sbom', 'verify', 'bom.json', '--against', '.']);
    expect(result).toEqual({
      code: 0,
      stdout: 'schema: valid CycloneDX 1.6\ndrift: none, the SBOM matches the lockfiles\nok\n',
      stderr: '',
    });
  });

  it('catches an edited version and a removed component (exit 1)', async () => {
    const bom = JSON.parse(file('bom.json')) as Bom;
    const debug = bom.components.find((c) => c.name === 'debug');
    if (!debug) throw new Error('fixture');
    debug.version = '4.3.5';
    debug.purl = 'pkg:npm/debug@4.3.5';
    bom.components = bom.components.filter((c) => c.name !== 'ms');
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(bom, null, 2));
    const result = await run(['sbom', 'verify', 'edited.json', '--against', 'package-lock.json', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { valid: boolean; drift: { differences: { kind: string; name: string }[] } };
    expect(report.valid).toBe(false);
    expect(report.drift.differences.map((d) => [d.kind, d.name])).toEqual([
      ['version-mismatch', 'debug'],
      ['missing', 'ms'],
    ]);
  });

  it('reports schema errors with their JSON path (exit 1)', async () => {
    const bom = JSON.parse(file('bom.json')) as { components: Record<string, unknown>[] };
    (bom.components[1] as Record<string, unknown>).type = 'gadget';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bom));
    const result = await run(['sbom', 'verify', 'bad.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('schema: 1 error(s) against CycloneDX 1.6\n  $.components[1].type: must be equal to one of the allowed values');
  });

  it('accepts an SBOM made by cyclonedx-npm for the same lockfile', async () => {
    cpSync(new URL('../fixtures/sbom/cyclonedx-npm-1.6.json', import.meta.url), join(dir, 'peer.json'));
    const result = await run(['sbom', 'verify', 'peer.json', '--against', '.']);
    expect(result.stdout).toBe('schema: valid CycloneDX 1.6\ndrift: none, the SBOM matches the lockfiles\nok\n');
    expect(result.code).toBe(0);
  });

  it('signs with an openssl-made key, verifies, and catches one tampered byte', async () => {
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'key.pem'], { cwd: dir });
    execFileSync('openssl', ['pkey', '-in', 'key.pem', '-pubout', '-out', 'key.pub'], { cwd: dir });
    expect(await run(['sbom', 'sign', 'bom.json', '--key', 'key.pem'])).toMatchObject({
      code: 0,
      stderr: 'wrote bom.json.sig (ecdsa-p256-sha256, base64)\n',
    });
    expect(await run(['sbom', 'sign', 'bom.json', '--key', 'key.pem', '--output', 'raw.sig', '--encoding', 'raw'])).toMatchObject({
      code: 0,
      stderr: 'wrote raw.sig (ecdsa-p256-sha256, raw)\n',
    });
    execFileSync('openssl', ['dgst', '-sha256', '-verify', 'key.pub', '-signature', 'raw.sig', 'bom.json'], { cwd: dir });
    const good = await run(['sbom', 'verify', 'bom.json', '--signature', 'bom.json.sig', '--key', 'key.pub']);
    expect(good).toMatchObject({ code: 0, stdout: 'schema: valid CycloneDX 1.6\nsignature: valid\nok\n' });

    // A raw DER signature made by openssl verifies too.
    execFileSync('openssl', ['dgst', '-sha256', '-sign', 'key.pem', '-out', 'bom.der', 'bom.json'], { cwd: dir });
    expect((await run(['sbom', 'verify', 'bom.json', '--signature', 'bom.der', '--key', 'key.pub'])).code).toBe(0);

    const bytes = readFileSync(join(dir, 'bom.json'));
    const at = bytes.indexOf('"version": "4.3.4"') + 13;
    bytes[at] = '5'.charCodeAt(0);
    writeFileSync(join(dir, 'bom.json'), bytes);
    const bad = await run(['sbom', 'verify', 'bom.json', '--signature', 'bom.json.sig', '--key', 'key.pub']);
    expect(bad).toMatchObject({ code: 1, stdout: 'schema: valid CycloneDX 1.6\nsignature: INVALID\nFAILED\n' });
  });

  it('exits 2 when it cannot run: missing file, --signature without --key, unreadable key', async () => {
    expect((await run(['sbom', 'verify', 'nope.json'])).stderr).toBe('lockwarden: cannot read nope.json: ENOENT\n');
    expect((await run(['sbom', 'verify', 'bom.json', '--signature', 'x.sig'])).code).toBe(2);
    writeFileSync(join(dir, 'bad.pem'), 'not a key');
    writeFileSync(join(dir, 'x.sig'), 'AAAA');
    const result = await run(['sbom', 'verify', 'bom.json', '--signature', 'x.sig', '--key', 'bad.pem']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lockwarden: cannot read the public key/);
  });
});
