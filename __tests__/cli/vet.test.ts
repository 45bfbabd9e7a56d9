import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/main.js';
import type { CliIO } from '../../packages/cli/src/io.js';
import type { TestServer } from '../helpers/http-server.js';
import { fixture, startRegistry, withVersion } from '../registry/registry-fixtures.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';
import { REPO_ROOT } from '../helpers/conformance.js';

const DAY = 86_400_000;
const yesterday = new Date(Date.now() - DAY).toISOString();
let server: TestServer;
/** vet also runs the advisory rules: a local OSV API over the real fixture records. */
let osv: TestServer;

beforeAll(async () => {
  osv = await startOsvServer(loadOsvRecords(join(REPO_ROOT, '__tests__', 'fixtures', 'osv')));
  const sigstore = fixture('npm/sigstore-core.json');
  server = await startRegistry({
    '/lodash': fixture('npm/lodash.json'),
    // A pre-registered hallucinated name: ten days old, one version, no repository, an install script.
    '/huggingface-cli-helper': {
      _id: 'huggingface-cli-helper',
      name: 'huggingface-cli-helper',
      'dist-tags': { latest: '0.0.1' },
      versions: {
        '0.0.1': {
          name: 'huggingface-cli-helper',
          version: '0.0.1',
          license: 'ISC',
          scripts: { postinstall: 'node setup.js' },
          dist: { integrity: 'sha512-AAAA', tarball: 'https://registry.example.org/huggingface-cli-helper/-/huggingface-cli-helper-0.0.1.tgz' },
        },
      },
      time: { created: new Date(Date.now() - 10 * DAY).toISOString(), '0.0.1': new Date(Date.now() - 10 * DAY).toISOString() },
    },
    '/expresss': fixture('npm/expresss.json'),
    // A real package with a release published yesterday.
    '/left-pad': withVersion(fixture('npm/left-pad.json'), '1.3.1', yesterday, { repository: 'stevemao/left-pad' }),
    // Trusted publishing up to 4.0.1, then 4.0.2 from a personal token without attestations.
    '/@sigstore%2fcore': withVersion(sigstore, '4.0.2', '2026-07-01T00:00:00Z', {
      repository: { type: 'git', url: 'git+https://github.com/sigstore/sigstore-js.git' },
      _npmUser: { name: 'someone', email: 'someone@example.org' },
    }),
  });
});
afterAll(async () => {
  await server.close();
  await osv.close();
});

interface JsonReport {
  verdict: string;
  findings: Array<{ rule: string; action: string; name: string; version: string; message: string; remedy?: string }>;
}

async function vet(...args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  let out = '';
  let err = '';
  const cwd = mkdtempSync(join(tmpdir(), 'lw-vet-'));
  const io: CliIO = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd,
    env: {
      LOCKWARDEN_OSV_URL: osv.url,
      npm_config_registry: `${server.url}/`,
      npm_config_userconfig: join(cwd, 'no-npmrc'), npm_config_globalconfig: join(cwd, 'no-global') },
  };
  const code = await main(['vet', '--format', 'json', '--cache-dir', join(cwd, 'cache'), ...args], io);
  return { code, report: JSON.parse(out) as JsonReport, stderr: err };
}

const blocking = (r: JsonReport, name: string) =>
  r.findings.filter((f) => f.name === name && (f.action === 'block' || f.action === 'quarantine')).map((f) => `${f.rule}:${f.action}`);

describe('lockwarden vet against a local registry', () => {
  it('blocks a name the registry does not have and passes lodash', async () => {
    const { code, report } = await vet('npm:lodahs-does-not-exist', 'npm:lodash@4.17.21');
    expect(code).toBe(1);
    expect(blocking(report, 'lodahs-does-not-exist')).toEqual(['nonexistent:block']);
    expect(blocking(report, 'lodash')).toEqual([]);
  });

  it('quarantines a typosquat of a top package, naming the target', async () => {
    const { code, report } = await vet('npm:expresss', 'npm:lodash');
    expect(code).toBe(1);
    const squat = report.findings.find((f) => f.rule === 'typosquat');
    expect(squat).toMatchObject({ name: 'expresss', version: '0.0.0', action: 'quarantine', remedy: 'did you mean `express`?' });
    expect(blocking(report, 'expresss')).toEqual(['typosquat:quarantine']);
    expect(blocking(report, 'lodash')).toEqual([]);
  });

  it('quarantines a version published yesterday and passes the previous release', async () => {
    const { code, report } = await vet('npm:left-pad', 'npm:left-pad@1.3.0');
    expect(code).toBe(1);
    const fresh = report.findings.filter((f) => f.version === '1.3.1').map((f) => `${f.rule}:${f.action}`);
    expect(fresh).toEqual(['release-age:quarantine']);
    expect(report.findings.filter((f) => f.version === '1.3.0' && f.action !== 'warn' && f.action !== 'info')).toEqual([]);
  });

  it('blocks a provenance downgrade and passes the trusted-published version before it', async () => {
    const { code, report } = await vet('npm:@sigstore/core@4.0.2', 'pkg:npm/%40sigstore/core@4.0.1');
    expect(code).toBe(1);
    const downgrade = report.findings.filter((f) => f.version === '4.0.2' && f.action === 'block');
    expect(downgrade.map((f) => f.rule)).toEqual(['provenance']);
    expect(downgrade[0]?.message).toMatch(/no publishing evidence, while 4\.0\.1 .* trusted publisher/);
    expect(report.findings.filter((f) => f.version === '4.0.1' && (f.action === 'block' || f.action === 'quarantine'))).toEqual([]);
  });

  it('quarantines a young, unpopular, thin new dependency with its reasons, and warns about its install script', async () => {
    const { code, report } = await vet('npm:huggingface-cli-helper');
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.rule}:${f.action}`)).toEqual(['popularity:quarantine', 'install-scripts:warn']);
    expect(report.findings[0]?.message).toBe(
      'young, unpopular and thin: first published 10 days ago, not among the most-downloaded names, a single version, no repository link',
    );
  });

  it('exits 0 for a clean popular package alone', async () => {
    const { code, report } = await vet('npm:lodash@4.17.21');
    expect(report.verdict).toBe('pass');
    expect(code).toBe(0);
  });

  it('offline: judges names from the bundled snapshot and lists registry rules as not evaluated, no error', async () => {
    const { code, report } = await vet('--offline', 'npm:expresss', 'pypi:reqeusts');
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.rule === 'typosquat').map((f) => f.name).sort()).toEqual(['expresss', 'reqeusts']);
    expect(server.requests.filter((r) => r.url === '/expresss').length).toBeLessThanOrEqual(1);
  });

  it('rejects a malformed package argument with exit 2', async () => {
    let err = '';
    const io: CliIO = { stdout: () => undefined, stderr: (t) => (err += t), cwd: tmpdir(), env: {} };
    expect(await main(['vet', 'lodash'], io)).toBe(2);
    expect(err).toMatch(/expected TYPE:NAME\[@VERSION\]/);
  });
});
