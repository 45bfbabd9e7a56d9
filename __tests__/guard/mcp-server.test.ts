import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';
import { makeRepo } from '../helpers/git-repo.js';
import { packageLockV3 } from '../helpers/lockfile-builder.js';
import { writeFileSync } from 'node:fs';
import type { TestServer } from '../helpers/http-server.js';
import { packFixtures, startNpmRegistry, type NpmTestRegistry } from '../helpers/npm-registry.js';
import { guardPackages, isolatedEnv, newProject, tempRoot, writeOsvDb } from './guard-fixtures.js';

let registry: NpmTestRegistry;
let client: Client;
let osv: TestServer;
let hookEnv: Record<string, string>;
let hookCwd: string;
let dbDir: string;

interface Verdict {
  spec: string;
  verdict: string;
  version?: string;
  exists?: boolean;
  errors?: string[];
  safeVersion?: string;
  didYouMean?: string;
  findings: { rule: string; advisories?: string[]; message: string }[];
}

beforeAll(async () => {
  const root = tempRoot();
  const env = isolatedEnv(root);
  const packages = guardPackages();
  registry = await startNpmRegistry(packages, await packFixtures(root, packages, env));
  const db = writeOsvDb(root);
  dbDir = db;
  osv = await startOsvServer(loadOsvRecords(db));
  hookCwd = newProject(root, 'hook');
  hookEnv = { ...env, npm_config_registry: `${registry.url}/`, LOCKWARDEN_OSV_URL: osv.url, LOCKWARDEN_BIN: join(REPO_ROOT, 'packages', 'cli', 'bin', 'lockwarden.js') };
  // The real server process, spoken to by the SDK's own client over stdio (built CLI: `npm run build` first).
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(REPO_ROOT, 'packages', 'cli', 'bin', 'lockwarden.js'), 'mcp', '--db', db],
    cwd: newProject(root, 'agent'),
    env: { ...env, npm_config_registry: `${registry.url}/` },
    stderr: 'pipe',
  });
  client = new Client({ name: 'lockwarden-test', version: '1.0.0' });
  await client.connect(transport);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await registry?.close();
  await osv?.close();
});

async function vet(packages: string[]): Promise<Verdict[]> {
  const result = await client.callTool({ name: 'vet_packages', arguments: { packages } });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return (result.structuredContent as { results: Verdict[] }).results;
}

describe('lockwarden mcp (the SDK client over stdio)', () => {
  it('lists its three tools with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check_dependency_change', 'explain_finding', 'vet_packages']);
    const vetTool = tools.find((t) => t.name === 'vet_packages')!;
    expect(vetTool.inputSchema.properties).toHaveProperty('packages');
    expect(vetTool.outputSchema?.properties).toHaveProperty('results');
  });

  it('vet_packages: a malware package fails with its advisory id', async () => {
    const [evil] = await vet(['npm:lw-evil']);
    expect(evil).toMatchObject({ spec: 'npm:lw-evil', verdict: 'fail', version: '1.0.0', exists: true });
    expect(evil!.safeVersion).toBeUndefined();
    expect(evil!.findings.find((f) => f.rule === 'malware')?.advisories).toEqual(['MAL-2026-0042']);
  });

  it('vet_packages: a latest release that is too new fails, and safeVersion is the previous one', async () => {
    const [fresh] = await vet(['npm:lw-fresh']);
    expect(fresh).toMatchObject({ verdict: 'fail', version: '1.1.0', safeVersion: '1.0.0' });
    expect(fresh!.findings.map((f) => f.rule)).toEqual(['release-age']);
    const [pinned] = await vet(['npm:lw-fresh@1.0.0']);
    expect(pinned).toMatchObject({ verdict: 'pass', version: '1.0.0', safeVersion: '1.0.0', findings: [] });
  });

  it('vet_packages: a name the registry does not have fails as nonexistent; a typosquat says did you mean', async () => {
    const [missing, typo] = await vet(['npm:lw-hallucinated-helper', 'pkg:npm/expresss']);
    expect(missing).toMatchObject({ verdict: 'fail', exists: false });
    expect(missing!.findings.map((f) => f.rule)).toContain('nonexistent');
    expect(typo).toMatchObject({ verdict: 'fail', didYouMean: 'express' });
  });

  it('bad arguments come back as tool errors, and the server keeps serving', async () => {
    const bad = await client.callTool({ name: 'vet_packages', arguments: { packages: ['not-a-spec'] } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain('expected TYPE:NAME[@VERSION]');
    const wrongShape = await client.callTool({ name: 'vet_packages', arguments: { packages: 'npm:x' } });
    expect(wrongShape.isError).toBe(true);
    const unknownRule = await client.callTool({ name: 'explain_finding', arguments: { rule: 'nope' } });
    expect(unknownRule.isError).toBe(true);
    const [still] = await vet(['npm:lw-leaf']);
    expect(still?.verdict).toBe('pass');
  });

  it('explain_finding says what a rule means and what it finds for a package now', async () => {
    const r = await client.callTool({ name: 'explain_finding', arguments: { rule: 'release-age', package: 'npm:lw-fresh' } });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ rule: 'release-age', safeVersion: '1.0.0' });
    expect((r.structuredContent as { fix: string }).fix).toMatch(/previous version/);
    expect((r.structuredContent as { findings: unknown[] }).findings).toHaveLength(1);
  });
});

describe('vet_packages when the registry is down', () => {
  it('answers error (fail closed) and does not claim the name is unknown', { timeout: 90_000 }, async () => {
    const root = tempRoot();
    // A port nothing listens on any more: every request is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(REPO_ROOT, 'packages', 'cli', 'bin', 'lockwarden.js'), 'mcp', '--db', dbDir],
      cwd: newProject(root, 'down'),
      env: { ...isolatedEnv(root), npm_config_registry: `http://127.0.0.1:${port}/` },
      stderr: 'pipe',
    });
    const down = new Client({ name: 'lockwarden-test', version: '1.0.0' });
    await down.connect(transport);
    try {
      const result = await down.callTool({ name: 'vet_packages', arguments: { packages: ['npm:lw-leaf'] } });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const [leaf] = (result.structuredContent as { results: Verdict[] }).results;
      expect(leaf).toMatchObject({ verdict: 'error', findings: [] });
      // The cause, not fetch's bare "fetch failed": what a user needs to fix it.
      expect(leaf!.errors?.join(' ')).toContain(`127.0.0.1:${port}`);
      expect(leaf!.errors?.join(' ')).toContain('ECONNREFUSED');
      expect(leaf).not.toHaveProperty('exists');
    } finally {
      await down.close();
    }
  });
});

describe('check_dependency_change', () => {
  it('judges the working tree against HEAD and returns the check report as structured content', async () => {
    const repo = makeRepo([{ 'package.json': '{"name":"app","version":"1.0.0"}', 'package-lock.json': packageLockV3({ 'lw-leaf': '1.2.3' }) }]);
    writeFileSync(join(repo.dir, 'package-lock.json'), packageLockV3({ 'lw-leaf': '1.2.3', 'lw-evil': '1.0.0' }));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(REPO_ROOT, 'packages', 'cli', 'bin', 'lockwarden.js'), 'mcp', '--db', dbDir],
      cwd: repo.dir,
      env: { ...hookEnv },
      stderr: 'pipe',
    });
    const repoClient = new Client({ name: 'lockwarden-test', version: '1.0.0' });
    await repoClient.connect(transport);
    try {
      const r = await repoClient.callTool({ name: 'check_dependency_change', arguments: {} });
      expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
      const out = r.structuredContent as { verdict: string; report: { findings: { rule: string; name: string; advisories?: string[] }[] } };
      expect(out.verdict).toBe('fail');
      const malware = out.report.findings.filter((f) => f.rule === 'malware');
      expect(malware.map((f) => [f.name, f.advisories])).toEqual([['lw-evil', ['MAL-2026-0042']]]);
    } finally {
      await repoClient.close();
      repo.cleanup();
    }
  });
});

describe('the pre-tool hook (packages/cli/hooks/vet-before-install.mjs)', () => {
  /**
   * Runs the hook as an agent does: the tool call as JSON on stdin. Asynchronously, because the registry and OSV
   * servers it reaches live in this process.
   */
  function hook(command: string): Promise<{ status: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'packages', 'cli', 'hooks', 'vet-before-install.mjs')], { cwd: hookCwd, env: hookEnv });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('close', (status) => resolve({ status, stderr }));
      child.stdin.end(JSON.stringify({ tool_name: 'Bash', tool_input: { command } }));
    });
  }

  it('blocks `npm install` of a typosquat with lockwarden vet\'s reason', async () => {
    const r = await hook('cd app && npm install expresss');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lockwarden blocked this install');
    expect(r.stderr).toMatch(/typosquat/);
    expect(r.stderr).toContain('express');
  });

  it('lets a clean install and commands that install nothing run', async () => {
    const clean = await hook('npm install lw-leaf');
    expect(clean.status, clean.stderr).toBe(0);
    expect((await hook('ls -la && git status')).status).toBe(0);
    expect((await hook('npm ci')).status).toBe(0);
  });
});
