import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectorySnapshot, loadWorkTreeInventories, type Logger } from '@lockwarden/core';
import { makeRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A temp folder holding `project/` (the scanned root) and, beside it, `secret/` that must never be read. */
function layout(files: Record<string, string>): { top: string; project: string } {
  const top = mkdtempSync(join(tmpdir(), 'lw-contain-'));
  cleanups.push(() => rmSync(top, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(top, path)), { recursive: true });
    writeFileSync(join(top, path), text);
  }
  return { top, project: join(top, 'project') };
}

function recorder(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, warn: (m) => warnings.push(m) };
}

describe('references that leave the scanned folder', () => {
  it('are not read by -r/-c, absolute paths or symlinks, and each is a warning on stderr', async () => {
    const { top, project } = layout({ 'secret/creds.txt': 'stolen-secret==6.6.6\n', 'project/sub/base.txt': 'flask==3.0.0\n' });
    writeFileSync(
      join(project, 'requirements.txt'),
      [
        'requests==2.31.0',
        '-r ../secret/creds.txt',
        '-c ../secret/creds.txt',
        `-r ${join(top, 'secret', 'creds.txt')}`,
        '-r ../../proc/self/environ',
        '-r linked.txt',
        '-r linked-dir/creds.txt',
        '-r sub/base.txt',
        '',
      ].join('\n'),
    );
    symlinkSync(join(top, 'secret', 'creds.txt'), join(project, 'linked.txt'));
    symlinkSync(join(top, 'secret'), join(project, 'linked-dir'));

    const run = await runCli(['ls', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(0);
    const names = (JSON.parse(run.stdout) as { packages: Array<{ name: string }> }).packages.map((p) => p.name).sort();
    expect(names).toEqual(['flask', 'requests']);
    expect(run.stdout + run.stderr).not.toContain('stolen-secret');
    const warned = run.stderr.split('\n').filter((l) => l.includes('outside the scanned folder'));
    // `-r` and `-c` of the same file count once: pip reads each file once, and so does the parser.
    expect(warned.map((l) => /not reading "([^"]+)"/.exec(l)?.[1])).toEqual([
      '../secret/creds.txt',
      join(top, 'secret', 'creds.txt'),
      '../../proc/self/environ',
      'linked.txt',
      'linked-dir/creds.txt',
    ]);
    for (const line of warned) expect(line).toContain('requirements.txt: ');
  });

  it('does not follow a parent POM outside the folder', async () => {
    const parent = `<project><groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version>
      <dependencies><dependency><groupId>org.secret</groupId><artifactId>leak</artifactId><version>9</version></dependency></dependencies></project>`;
    const child = `<project><parent><groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version></parent>
      <artifactId>svc</artifactId>
      <dependencies><dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>1</version></dependency></dependencies></project>`;
    const { project } = layout({ 'pom.xml': parent, 'project/pom.xml': child });
    const log = recorder();
    const inventories = await loadWorkTreeInventories(project, [], { logger: log });
    expect(inventories.flatMap((i) => i.packages.map((p) => p.name))).toEqual(['org.a:a']);
    expect(log.warnings).toEqual([expect.stringContaining('pom.xml: not reading "../pom.xml": it is outside the scanned folder')]);
  });

  it('against a git base stay inside the repository on both sides', async () => {
    const repo = makeRepo([
      { 'shared.txt': 'six==1.16.0\n', 'app/requirements.txt': '-r ../shared.txt\n-r ../../outside.txt\nrequests==2.31.0\n' },
      { 'app/requirements.txt': '-r ../shared.txt\n-r ../../outside.txt\nrequests==2.32.0\n' },
    ]);
    cleanups.push(() => repo.cleanup());
    writeFileSync(join(dirname(repo.dir), 'outside.txt'), 'stolen-secret==6.6.6\n');
    cleanups.push(() => rmSync(join(dirname(repo.dir), 'outside.txt'), { force: true }));

    const run = await runCli(['diff', '--base', repo.commits[0] as string, '--format', 'json'], { cwd: join(repo.dir, 'app') });
    expect(run.code).toBe(0);
    const { changes } = JSON.parse(run.stdout) as { changes: Array<{ type: string; name: string }> };
    // six comes from the repository on both sides, so it is no change; the file beside the repository is read on neither.
    expect(changes.map((c) => `${c.type} ${c.name}`)).toEqual(['upgraded requests']);
    expect(run.stdout + run.stderr).not.toContain('stolen-secret');
    expect(run.stderr.split('\n').filter((l) => l.includes('"../../outside.txt": it is outside'))).toHaveLength(2);
  });

  it('are refused by the snapshot itself, whoever asks', () => {
    const { project } = layout({ 'secret/creds.txt': 'x', 'project/a.txt': 'a' });
    const snapshot = new DirectorySnapshot(project);
    expect(snapshot.readFile('a.txt')).toBe('a');
    expect(snapshot.readFile('missing.txt')).toBeUndefined();
    for (const path of ['../secret/creds.txt', '/etc/hostname', 'sub/../../secret/creds.txt']) {
      expect(() => snapshot.readFile(path)).toThrow(expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' }));
    }
  });
});

describe('.npmrc', () => {
  it('in the project cannot point lockwarden at another user config with userconfig=', async () => {
    const { project } = layout({
      'secret/npmrc': 'registry=https://attacker.example.org/\n//registry.example.org/:_authToken=stolen\n',
      'project/package.json': '{}',
      'project/.npmrc': 'userconfig=../secret/npmrc\n',
    });
    const { NpmRegistryConfig } = await import('@lockwarden/core');
    const config = await NpmRegistryConfig.load({ cwd: project, env: {}, home: project, askNpm: async () => 'https://registry.example.org/' });
    expect(config.registryFor('left-pad')).toBe('https://registry.example.org/');
    expect(config.authHeaders('https://registry.example.org/left-pad')).toEqual({});
  });
});
