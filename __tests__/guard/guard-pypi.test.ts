import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startPypiIndex, type PypiTestIndex } from '../helpers/pypi-index.js';
import { isolatedEnv, newProject, tempRoot, writeOsvDb } from './guard-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let root: string;
let index: PypiTestIndex;
let db: string;
let env: Record<string, string>;

/** A client binary on PATH, or undefined. */
function which(bin: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const uv = which('uv');
if (!uv) console.warn('\n!!! uv is not installed on this machine and no registry ships it: the uv guard tests are SKIPPED !!!\n');

beforeAll(async () => {
  root = tempRoot();
  env = {
    ...isolatedEnv(root),
    PIP_CONFIG_FILE: '/dev/null',
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_CACHE_DIR: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  db = writeOsvDb(root);
  const now = Date.now();
  index = await startPypiIndex([
    { name: 'lw-fresh', releases: [{ version: '1.0.0', uploadedAt: new Date(now - 200 * DAY) }, { version: '1.1.0', uploadedAt: new Date(now - HOUR) }] },
    { name: 'lw-evil', releases: [{ version: '1.0.0', uploadedAt: new Date(now - 200 * DAY) }] },
    { name: 'reqeusts', releases: [{ version: '2.0.0', uploadedAt: new Date(now - 300 * DAY) }] },
  ]);
}, 60_000);

afterAll(async () => {
  await index?.close();
});

function guard(cwd: string, command: string[]) {
  return runCli(['guard', '--db', db, '--pypi-upstream', index.simpleUrl, '--', ...command], { cwd, env });
}

function pip(target: string, ...args: string[]): string[] {
  return ['python3', '-m', 'pip', 'install', '--retries', '0', '--timeout', '5', '--target', target, ...args];
}

describe('lockwarden guard -- pip install (the real pip against a local simple index)', () => {
  it('installs the previous release instead of a one-hour-old latest; pip records upstream file URLs', async () => {
    const project = newProject(root, 'pip-fresh');
    const report = join(project, 'report.json');
    const r = await guard(project, pip(join(project, 'site'), '--report', report, 'lw-fresh'));
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(existsSync(join(project, 'site', 'lw_fresh-1.0.0.dist-info'))).toBe(true);
    expect(r.stderr).toMatch(/FILTER PyPI lw-fresh@1\.0\.0 \(release-age\) removed 1\.1\.0/);
    // pip's installation report is its record of what came from where: the upstream's files, never the proxy.
    const installed = (JSON.parse(readFileSync(report, 'utf8')) as { install: { download_info: { url: string } }[] }).install;
    expect(installed.map((i) => i.download_info.url)).toEqual([`${index.url}/files/lw_fresh-1.0.0-py3-none-any.whl`]);
  });

  it('fails an install of a package with a malware advisory, naming the advisory', async () => {
    const project = newProject(root, 'pip-evil');
    const r = await guard(project, pip(join(project, 'site'), 'lw-evil'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/BLOCK PyPI lw-evil \(malware MAL-2026-0043\)/);
    expect(existsSync(join(project, 'site', 'lw_evil'))).toBe(false);
  });

  it('fails an install of a nonexistent name and of a typosquat of requests', async () => {
    const project = newProject(root, 'pip-names');
    const missing = await guard(project, pip(join(project, 'site'), 'lw-hallucinated-helper'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/NOT-FOUND PyPI lw-hallucinated-helper .*does not exist/);
    const typo = await guard(project, pip(join(project, 'site'), 'reqeusts'));
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toMatch(/BLOCK PyPI reqeusts \(typosquat\).*did you mean `requests`\?/);
  });

  it('answers 503 when the index fails, and the install fails', async () => {
    const project = newProject(root, 'pip-down');
    index.fail(503);
    try {
      const r = await guard(project, pip(join(project, 'site'), 'lw-fresh'));
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/UNAVAILABLE PyPI lw-fresh: .*HTTP 503/);
      expect(existsSync(join(project, 'site', 'lw_fresh'))).toBe(false);
    } finally {
      index.fail(undefined);
    }
  });

  it.skipIf(!uv)('uv pip install resolves the previous release through the proxy', async () => {
    const project = newProject(root, 'uv-fresh');
    const r = await guard(project, [uv!, 'pip', 'install', '--target', join(project, 'site'), 'lw-fresh']);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(existsSync(join(project, 'site', 'lw_fresh-1.0.0.dist-info'))).toBe(true);
  });
});
