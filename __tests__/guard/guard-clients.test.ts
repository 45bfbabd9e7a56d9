import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { runCli } from '../helpers/run-cli.js';
import { packFixtures, startNpmRegistry, type NpmTestRegistry } from '../helpers/npm-registry.js';
import { guardPackages, isolatedEnv, newProject, tempRoot, writeOsvDb } from './guard-fixtures.js';

let root: string;
let registry: NpmTestRegistry;
let db: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = tempRoot();
  // yarn 2+ installs node_modules too, so every client's result is checked the same way.
  env = { ...isolatedEnv(root), YARN_ENABLE_TELEMETRY: '0', YARN_NODE_LINKER: 'node-modules' };
  db = writeOsvDb(root);
  const packages = guardPackages();
  registry = await startNpmRegistry(packages, await packFixtures(root, packages, env));
}, 120_000);

afterAll(async () => {
  await registry?.close();
});

/** The real clients, from the root devDependencies (CI installs them with `npm ci`). */
const CLIENTS = [
  { client: 'pnpm', lockfile: 'pnpm-lock.yaml', add: [join(REPO_ROOT, 'node_modules', '.bin', 'pnpm'), 'add'], hostsInLock: false },
  { client: 'yarn classic', lockfile: 'yarn.lock', add: [process.execPath, join(REPO_ROOT, 'node_modules', 'yarn', 'bin', 'yarn.js'), 'add'], hostsInLock: true },
  { client: 'yarn berry', lockfile: 'yarn.lock', add: [process.execPath, join(REPO_ROOT, 'node_modules', '@yarnpkg', 'cli-dist', 'bin', 'yarn.js'), 'add'], hostsInLock: false },
] as const;

function guard(cwd: string, command: string[]) {
  return runCli(['guard', '--db', db, '--npm-upstream', `${registry.url}/`, '--', ...command], { cwd, env });
}

describe.each(CLIENTS)('lockwarden guard -- $client', ({ client, lockfile, add, hostsInLock }) => {
  const dirName = client.replace(' ', '-');

  it('installs the previous release instead of a one-hour-old latest; the lockfile names no proxy', async () => {
    const project = newProject(root, `${dirName}-fresh`);
    const r = await guard(project, [...add, 'lw-fresh', 'lw-app']);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'lw-fresh', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe('1.0.0');
    const lock = readFileSync(join(project, lockfile), 'utf8');
    expect(lock).toContain('lw-leaf');
    expect(lock).toMatch(/lw-fresh@(npm:)?1\.0\.0|lw-fresh@\^1\.0\.0:\n\s+version "1\.0\.0"/);
    const hosts = new Set([...lock.matchAll(/https?(?::|%3A)(?:\/\/|%2F%2F)([^/"%]+(?:%3A\d+)?)/g)].map((m) => decodeURIComponent(m[1]!)));
    // pnpm and yarn 2+ leave conventional tarball URLs out; yarn 1 records the upstream's.
    expect(hosts).toEqual(hostsInLock ? new Set([new URL(registry.url).host]) : new Set());
    expect(lock).not.toContain('lw-proxied');
  });

  it('fails an install of a package with a malware advisory, naming the advisory', async () => {
    const project = newProject(root, `${dirName}-evil`);
    const r = await guard(project, [...add, 'lw-evil']);
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toContain('MAL-2026-0042');
    expect(r.stderr).toMatch(/BLOCK npm lw-evil \(malware MAL-2026-0042\)/);
  });

  it('fails an install of a nonexistent name and of a typosquat', async () => {
    const project = newProject(root, `${dirName}-names`);
    const missing = await guard(project, [...add, 'lw-hallucinated-helper']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/NOT-FOUND npm lw-hallucinated-helper .*does not exist in the registry/);
    const typo = await guard(project, [...add, 'expresss']);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toMatch(/BLOCK npm expresss \(typosquat\).*did you mean `express`\?/);
  });
});
