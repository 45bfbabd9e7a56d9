import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { packFixtures, startNpmRegistry, type NpmTestRegistry } from '../helpers/npm-registry.js';
import { guardPackages, isolatedEnv, newProject, tempRoot, writeOsvDb } from './guard-fixtures.js';

let root: string;
let registry: NpmTestRegistry;
let db: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = tempRoot();
  env = isolatedEnv(root);
  db = writeOsvDb(root);
  const packages = guardPackages();
  registry = await startNpmRegistry(packages, await packFixtures(root, packages, env));
}, 120_000);

afterAll(async () => {
  await registry?.close();
});

/** `lockwarden guard --db DB --npm-upstream URL [extra] -- COMMAND...` in `cwd`. */
function guard(cwd: string, command: string[], extra: string[] = []) {
  return runCli(['guard', '--db', db, '--npm-upstream', `${registry.url}/`, ...extra, '--', ...command], { cwd, env });
}

describe('lockwarden guard -- npm install (the real npm against a local upstream)', () => {
  it('skips a one-hour-old latest release in favour of the previous one, and the lockfile keeps upstream URLs', async () => {
    const project = newProject(root, 'fresh');
    const audit = join(root, 'fresh-audit.jsonl');
    const r = await guard(project, ['npm', 'install', 'lw-fresh', 'lw-app'], ['--audit-log', audit]);
    expect(r.code, r.stderr).toBe(0);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'lw-fresh', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe('1.0.0');
    const lockText = readFileSync(join(project, 'package-lock.json'), 'utf8');
    const lock = JSON.parse(lockText) as { packages: Record<string, { version: string; resolved: string }> };
    expect(lock.packages['node_modules/lw-fresh']).toMatchObject({ version: '1.0.0', resolved: `${registry.url}/lw-fresh/-/lw-fresh-1.0.0.tgz` });
    expect(lock.packages['node_modules/lw-leaf']?.resolved).toBe(`${registry.url}/lw-leaf/-/lw-leaf-1.2.3.tgz`);
    // No trace of the proxy: every URL in the lockfile is the upstream's.
    const urls = lockText.match(/https?:\/\/[^"/]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set([registry.url]));
    expect(r.stderr).toMatch(/FILTER npm lw-fresh@1\.0\.0 \(release-age\) removed 1\.1\.0/);

    const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const filter = lines.find((l) => l.name === 'lw-fresh' && l.decision === 'filter');
    expect(filter).toMatchObject({ ecosystem: 'npm', version: '1.0.0', rules: ['release-age'], removed: ['1.1.0'] });
    expect(String(filter?.userAgent)).toMatch(/^npm\//);
    expect(lines.some((l) => l.name === 'lw-leaf' && l.decision === 'allow')).toBe(true);
    // The tarballs came through the proxy (npm's replace-registry-host), judged by version.
    expect(lines.filter((l) => l.decision === 'allow' && l.version === '1.0.0' && l.name === 'lw-fresh')).toHaveLength(1);
  });

  it('fails an install of a package with a malware advisory, naming the advisory', async () => {
    const project = newProject(root, 'evil');
    const r = await guard(project, ['npm', 'install', 'lw-evil']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('MAL-2026-0042');
    expect(r.stderr).toMatch(/npm error .*403.*lockwarden: lw-evil blocked .*malware MAL-2026-0042/);
    expect(existsSync(join(project, 'node_modules', 'lw-evil'))).toBe(false);
    // npm's own error is not the last word: the guard's decision is repeated after it.
    const recap = r.stderr.slice(r.stderr.lastIndexOf('npm error'));
    expect(recap).toMatch(/lockwarden guard: npm exited \d+; the guard filtered or refused what it asked for:\n {2}BLOCK npm lw-evil.*MAL-2026-0042/);
  });

  it('fails an install of a name the registry does not have, saying it does not exist', async () => {
    const project = newProject(root, 'missing');
    const r = await guard(project, ['npm', 'install', 'lw-hallucinated-helper']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/404.*lw-hallucinated-helper does not exist in the registry; it may be a hallucinated/);
  });

  it('fails an install of a typosquat with "did you mean"', async () => {
    const project = newProject(root, 'typo');
    const r = await guard(project, ['npm', 'install', 'expresss']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/403.*expresss blocked by typosquat.*did you mean `express`\?/);
  });

  it('blocks a tarball of a removed version even when a lockfile pins it (npm ci)', async () => {
    const project = newProject(root, 'pinned');
    const resolved = `${registry.url}/lw-fresh/-/lw-fresh-1.1.0.tgz`;
    const pkgJson = { name: 'pinned', version: '1.0.0', private: true, dependencies: { 'lw-fresh': '1.1.0' } };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(project, 'package.json'), JSON.stringify(pkgJson));
    const tarball = await fetch(resolved).then(async (r) => Buffer.from(await r.arrayBuffer()));
    const { createHash } = await import('node:crypto');
    const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify({
      name: 'pinned', version: '1.0.0', lockfileVersion: 3, requires: true,
      packages: {
        '': { name: 'pinned', version: '1.0.0', dependencies: { 'lw-fresh': '1.1.0' } },
        'node_modules/lw-fresh': { version: '1.1.0', resolved, integrity, license: 'MIT' },
      },
    }));
    const r = await guard(project, ['npm', 'ci']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/403.*lw-fresh@1\.1\.0 blocked by release-age/);
  });

  it('answers 503 when the upstream fails, and the install fails', async () => {
    const project = newProject(root, 'down');
    registry.fail({ kind: 'status', status: 502 }, '/lw-leaf');
    try {
      const r = await guard(project, ['npm', 'install', 'lw-leaf']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/503.*cannot judge lw-leaf: .*HTTP 502.*fail closed/);
      expect(r.stderr).toContain('UNAVAILABLE npm lw-leaf');
    } finally {
      registry.fail(undefined);
    }
  });

  it('answers 503 when the upstream times out, and the install fails', async () => {
    const project = newProject(root, 'slow');
    registry.fail({ kind: 'hang' }, '/lw-app');
    try {
      const r = await guard(project, ['npm', 'install', 'lw-app'], ['--upstream-timeout', '0.5']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/503.*cannot judge lw-app: .*timed out/);
    } finally {
      registry.fail(undefined);
    }
  });
});
