import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSbomJson } from '@lockwarden/core';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const ACTION_SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

const APP_PY = `from transformers import AutoModel, pipeline
# AutoModel.from_pretrained("acme/only-in-a-comment")
HELP = "call from_pretrained('acme/only-in-a-string')"
unpinned = AutoModel.from_pretrained("acme/unpinned-model")
pinned = pipeline(
    "text-generation",
    model="acme/pinned-model",
    revision="${SHA}",
)
`;
const WORKFLOW = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@${ACTION_SHA} # v4.1.0
`;
const DOCKERFILE = `FROM node:20 AS build
RUN npm ci
FROM gcr.io/distroless/nodejs20@${DIGEST}
COPY --from=build /app /app
`;

/** Writes the pickle whose payload calls posix.system with real Python. */
function writeEvilPickle(dir: string): void {
  mkdirSync(join(dir, 'models'), { recursive: true });
  execFileSync('python3', ['-c', 'import pickle, posix\nclass E:\n  def __reduce__(self): return (posix.system, ("id",))\nopen("models/evil.pkl","wb").write(pickle.dumps(E(), protocol=4))'], { cwd: dir });
}

let repo: TestRepo;
let db: string;

beforeAll(() => {
  repo = makeRepo([
    { 'README.md': 'test repository\n' },
    { 'app.py': APP_PY, '.github/workflows/ci.yml': WORKFLOW, Dockerfile: DOCKERFILE },
  ]);
  writeEvilPickle(repo.dir);
  repo.git('add', 'models/evil.pkl');
  repo.git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'commit a pickle');
  // An offline OSV database with GitHub Actions data (an advisory for an action the repository does not use).
  db = join(repo.dir, '.osv');
  mkdirSync(join(db, 'GitHub Actions'), { recursive: true });
  writeFileSync(
    join(db, 'GitHub Actions', 'GHSA-mrrh-fwg8-r2c3.json'),
    JSON.stringify({
      id: 'GHSA-mrrh-fwg8-r2c3',
      modified: '2025-03-15T00:00:00Z',
      summary: 'tj-actions/changed-files tags moved to a malicious commit',
      affected: [{ package: { ecosystem: 'GitHub Actions', name: 'tj-actions/changed-files' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '46.0.1' }] }] }],
    }),
  );
});
afterAll(() => repo.cleanup());

describe('models, actions, images and pickles end to end', () => {
  it('ls lists every reference with its purl, file and line', async () => {
    const r = await runCli(['ls', '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { packages: Array<{ purl: string; lockfile: string; line: number }> };
    const got = out.packages.map((p) => `${p.purl} ${p.lockfile}:${p.line}`).sort();
    expect(got).toHaveLength(7);
    const pickle = got.filter((line) => line.startsWith('pkg:generic/'));
    expect(pickle).toEqual([expect.stringMatching(/^pkg:generic\/evil\.pkl\?checksum=sha256%3A[0-9a-f]{64} models\/evil\.pkl:1$/)]);
    expect(got.filter((line) => !line.startsWith('pkg:generic/'))).toEqual(
      [
        'pkg:huggingface/acme/unpinned-model app.py:4',
        `pkg:huggingface/acme/pinned-model@${SHA} app.py:7`,
        'pkg:githubactions/actions/checkout@v4 .github/workflows/ci.yml:7',
        `pkg:githubactions/actions/setup-node@${ACTION_SHA} .github/workflows/ci.yml:8`,
        'pkg:docker/library/node@20 Dockerfile:1',
        `pkg:docker/distroless/nodejs20@${DIGEST}?repository_url=gcr.io Dockerfile:3`,
      ].sort(),
    );
  });

  it('sbom has two machine-learning-model components, the pinned one with its revision, and validates', async () => {
    const r = await runCli(['sbom'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const bom = JSON.parse(r.stdout) as { components: Array<{ type: string; name: string; version?: string; purl?: string }> };
    const models = bom.components.filter((c) => c.type === 'machine-learning-model');
    expect(models).toHaveLength(2);
    expect(models.find((m) => m.purl?.includes('pinned-model@'))?.version).toBe(SHA);
    expect(models.find((m) => m.purl?.includes('unpinned-model'))?.version).toBeUndefined();
    expect(bom.components.filter((c) => c.type === 'application').map((c) => c.name).sort()).toEqual(['actions/checkout', 'actions/setup-node']);
    expect(bom.components.filter((c) => c.type === 'container')).toHaveLength(2);
    expect((await validateSbomJson(r.stdout, 'sbom.json')).issues).toEqual([]);
  });

  it('check --mode audit --offline flags exactly the unpinned model, action and image and the dangerous pickle', async () => {
    const r = await runCli(['check', '--mode', 'audit', '--offline', '--db', db, '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ rule: string; purl: string; action: string; location?: { file: string; line?: number } }> };
    const flagged = report.findings.map((f) => `${f.rule} ${f.action} ${f.purl}`).sort();
    expect(flagged).toEqual([
      expect.stringMatching(/^model-format block pkg:generic\/evil\.pkl\?checksum=sha256%3A[0-9a-f]{64}$/),
      'pinning quarantine pkg:githubactions/actions/checkout@v4',
      'pinning warn pkg:docker/library/node@20',
      'pinning warn pkg:huggingface/acme/unpinned-model',
    ]);
    const pickle = report.findings.find((f) => f.rule === 'model-format') as unknown as { message: string; location: { file: string } };
    expect(pickle.message).toContain('posix.system');
    expect(pickle.location.file).toBe('models/evil.pkl');
  });

  it('audit asks OSV only about kinds it has data for (GitHub Actions), so a database without models is enough', async () => {
    const r = await runCli(['audit', '--offline', '--db', db, '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).not.toContain('no data for');
    // audit applies the file rules too: the dangerous pickle fails it.
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('posix.system');
  });

  it('check in PR mode says the change adds a model unpinned, on its source line', async () => {
    const r = await runCli(['check', '--base', 'HEAD~2', '--offline', '--db', db, '--format', 'sarif'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }> }> };
    const model = sarif.runs[0]?.results.find((res) => res.message.text.includes('adds model acme/unpinned-model unpinned'));
    expect(model?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('app.py');
    expect(model?.locations[0]?.physicalLocation.region?.startLine).toBe(4);
    // The pinned model, the SHA-pinned action and the digest-pinned image are not flagged.
    const texts = sarif.runs[0]?.results.map((res) => res.message.text) ?? [];
    expect(texts.filter((t) => /pinned-model|setup-node|distroless/.test(t) && !/unpinned-model/.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes('adds action actions/checkout unpinned'))).toBe(true);
    expect(texts.some((t) => t.includes('adds image node unpinned'))).toBe(true);
  });
});
