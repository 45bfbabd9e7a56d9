import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { makeRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'basic');
const baseLock = readFileSync(join(EXAMPLE, 'base', 'package-lock.json'), 'utf8');
const headLock = readFileSync(join(EXAMPLE, 'head', 'package-lock.json'), 'utf8');

const repo = makeRepo([
  { 'app/package-lock.json': baseLock, 'README.md': 'x' },
  { 'app/package-lock.json': headLock },
]);
afterAll(() => repo.cleanup());

describe('lockwarden ls', () => {
  it('lists the packages of a lockfile as JSON in the contract shape', async () => {
    const r = await runCli(['ls', 'base/package-lock.json', '--format', 'json'], { cwd: EXAMPLE });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { packages: Array<Record<string, unknown>> };
    expect(out.packages.map((p) => `${String(p.name)}@${String(p.version)}`).sort()).toEqual([
      'debug@4.3.4',
      'lodash@4.17.21',
      'minimist@1.2.8',
      'ms@2.1.2',
    ]);
    const lodash = out.packages.find((p) => p.name === 'lodash');
    expect(lodash).toEqual({
      ecosystem: 'npm',
      name: 'lodash',
      version: '4.17.21',
      purl: 'pkg:npm/lodash@4.17.21',
      direct: true,
      scopes: [],
      lockfile: 'base/package-lock.json',
      line: expect.any(Number),
    });
    expect(out.packages.find((p) => p.name === 'minimist')?.scopes).toEqual(['dev']);
    expect(out.packages.find((p) => p.name === 'ms')?.direct).toBe(false);
  });

  it('discovers every lockfile under a directory', async () => {
    const r = await runCli(['ls', '--format', 'json'], { cwd: EXAMPLE });
    expect(r.code).toBe(0);
    const files = new Set((JSON.parse(r.stdout) as { packages: Array<{ lockfile: string }> }).packages.map((p) => p.lockfile));
    expect([...files].sort()).toEqual(['base/package-lock.json', 'head/package-lock.json']);
  });

  it('prints a table by default', async () => {
    const r = await runCli(['ls', 'base'], { cwd: EXAMPLE });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ECOSYSTEM\s+NAME\s+VERSION\s+DIRECT\s+SCOPES\s+LOCKFILE$/);
    expect(r.stdout).toMatch(/npm\s+lodash\s+4\.17\.21\s+direct/);
  });

  it('parses a lockfile saved under another name with --parse-as', async () => {
    const dir = makeRepo([{ 'saved-lock.txt': baseLock }]);
    try {
      const r = await runCli(['ls', 'saved-lock.txt', '--parse-as', 'package-lock.json', '--format', 'json'], { cwd: dir.dir });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { packages: unknown[] }).packages).toHaveLength(4);
    } finally {
      dir.cleanup();
    }
  });

  it('exits 2 with file:line:column for a malformed lockfile, without a stack trace', async () => {
    const dir = makeRepo([{ 'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {"version": "1.0.0",}\n  }\n}\n' }]);
    try {
      const r = await runCli(['ls'], { cwd: dir.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^lockwarden: package-lock\.json:4:\d+: invalid JSON/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    } finally {
      dir.cleanup();
    }
  });

  it('exits 2 for an unknown lockfileVersion and an unknown --parse-as', async () => {
    const dir = makeRepo([{ 'package-lock.json': '{"lockfileVersion": 99, "packages": {}}' }]);
    try {
      const r = await runCli(['ls'], { cwd: dir.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/lockfileVersion/);
      const bad = await runCli(['ls', 'package-lock.json', '--parse-as', 'nope.lock'], { cwd: dir.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/unknown lockfile format "nope\.lock"/);
    } finally {
      dir.cleanup();
    }
  });

  it('exits 2 for a path that does not exist', async () => {
    const r = await runCli(['ls', 'nope'], { cwd: EXAMPLE });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or directory: nope/);
  });
});

describe('lockwarden diff', () => {
  it('compares two directories', async () => {
    const r = await runCli(['diff', '--base-dir', 'base', '--head-dir', 'head', '--format', 'json'], { cwd: EXAMPLE });
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.stdout) as { changes: Array<Record<string, unknown>> };
    const byName = new Map(changes.map((c) => [c.name, c]));
    expect(byName.get('lodash')).toEqual({
      type: 'downgraded',
      ecosystem: 'npm',
      name: 'lodash',
      before: '4.17.21',
      after: '4.17.20',
      direct: true,
      lockfile: 'package-lock.json',
      via: [],
    });
    expect(byName.get('debug')).toMatchObject({ type: 'upgraded', before: '4.3.4', after: '4.3.5', direct: true });
    expect(byName.get('express')).toMatchObject({ type: 'added', before: null, after: '4.19.2', direct: true });
    expect(byName.get('minimist')).toMatchObject({ type: 'downgraded', before: '1.2.8', after: '1.2.5' });
    // body-parser comes in through express.
    expect(byName.get('body-parser')).toMatchObject({ type: 'added', direct: false, via: ['express'] });
    expect(changes.every((c) => c.type !== 'removed' || c.name === 'ms')).toBe(true);
  });

  it('compares two git refs without checking anything out', async () => {
    const r = await runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.stdout) as { changes: Array<{ name: string; lockfile: string }> };
    expect(changes.find((c) => c.name === 'express')?.lockfile).toBe('app/package-lock.json');
    // The work tree is the head by default.
    const wt = await runCli(['diff', '--base', 'HEAD~1', '--format', 'json'], { cwd: repo.dir });
    expect(wt.stdout).toBe(r.stdout);
    // From a subfolder, paths are relative to it.
    const sub = await runCli(['diff', '--base', 'HEAD~1', '--format', 'json'], { cwd: join(repo.dir, 'app') });
    expect((JSON.parse(sub.stdout) as { changes: Array<{ lockfile: string }> }).changes[0]?.lockfile).toBe('package-lock.json');
  });

  it('counts a lockfile new at head as all added', async () => {
    const fresh = makeRepo([{ 'README.md': 'x' }, { 'package-lock.json': baseLock }]);
    try {
      const r = await runCli(['diff', '--base', 'HEAD~1', '--format', 'json'], { cwd: fresh.dir });
      const { changes } = JSON.parse(r.stdout) as { changes: Array<{ type: string }> };
      expect(changes).toHaveLength(4);
      expect(changes.every((c) => c.type === 'added')).toBe(true);
    } finally {
      fresh.cleanup();
    }
  });

  it('renders markdown with untrusted names made inert', async () => {
    const evil = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { 'a|b<img src=x>@team': '1.0.0' } },
        'node_modules/a|b<img src=x>@team': { version: '1.0.0`](http://x)' },
      },
    });
    const r2 = makeRepo([{ 'package-lock.json': '{"lockfileVersion":3,"packages":{}}' }, { 'package-lock.json': evil }]);
    try {
      const r = await runCli(['diff', '--base', 'HEAD~1', '--format', 'markdown'], { cwd: r2.dir });
      expect(r.code).toBe(0);
      const row = r.stdout.split('\n')[2] ?? '';
      expect(row.split(/(?<!\\)\|/).length).toBe(9);
      expect(r.stdout).not.toContain('<img');
      expect(r.stdout).not.toContain('](http');
      expect(r.stdout).not.toMatch(/@team/);
    } finally {
      r2.cleanup();
    }
  });

  it('exits 2 and says which fetch to run when the base commit is missing', async () => {
    const r = await runCli(['diff', '--base', 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('git fetch --no-tags --depth=1 origin deadbeefdeadbeefdeadbeefdeadbeefdeadbeef');
  });

  it('exits 2 on bad usage', async () => {
    expect((await runCli(['diff'], { cwd: repo.dir })).code).toBe(2);
    expect((await runCli(['diff', '--base', 'HEAD', '--format', 'xml'], { cwd: repo.dir })).code).toBe(2);
  });
});
