import { describe, expect, it } from 'vitest';
import { compareActionRefs, loadLockfileParser, usesPackage } from '@lockwarden/core';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
const workflow = await loadLockfileParser('.github/workflows/*.yml');
const action = await loadLockfileParser('action.yml');

describe('GitHub Actions workflows', () => {
  it('finds step actions, reusable workflows, job containers and services with their lines', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container: node:20
    services:
      db:
        image: postgres@sha256:${'c'.repeat(64)}
    steps:
      - uses: actions/checkout@${SHA} # v4.2.2
      - uses: github/codeql-action/init@v3
      - uses: ./local-action
      - uses: docker://alpine:3.20
      - run: echo hi
  call:
    uses: acme/shared/.github/workflows/release.yml@main
`;
    const got = workflow.parse(text, '.github/workflows/ci.yml').packages.map((p) => [p.ecosystem, p.purl, p.location.line, p.reference?.kind, p.reference?.pinned]).sort((a, b) => Number(a[2]) - Number(b[2]));
    expect(got).toEqual([
      ['Docker', 'pkg:docker/library/node@20', 5, 'image', false],
      ['Docker', `pkg:docker/library/postgres@sha256:${'c'.repeat(64)}`, 8, 'image', true],
      ['GitHub Actions', `pkg:githubactions/actions/checkout@${SHA}`, 10, 'action', true],
      ['GitHub Actions', 'pkg:githubactions/github/codeql-action%2Finit@v3', 11, 'action', false],
      ['Docker', 'pkg:docker/library/alpine@3.20', 13, 'image', false],
      ['GitHub Actions', 'pkg:githubactions/acme/shared%2F.github%2Fworkflows%2Frelease.yml@main', 16, 'reusable-workflow', false],
    ]);
  });

  it('reads composite action steps', () => {
    const text = `name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n`;
    const inv = action.parse(text, 'action.yml');
    expect(inv.packages.map((p) => [p.name, p.version, p.location.line])).toEqual([['actions/setup-node', 'v4', 5]]);
  });

  it('keys packages by owner/repo for OSV and treats only a full SHA as pinned', () => {
    expect(usesPackage('Actions/Checkout@v4', 'w.yml', 1)?.name).toBe('actions/checkout');
    expect(usesPackage(`actions/checkout@${SHA.slice(0, 12)}`, 'w.yml', 1)?.reference?.pinned).toBe(false);
    expect(usesPackage('./x', 'w.yml', 1)).toBeUndefined();
  });

  it('orders tags as SemVer without the v', () => {
    expect(compareActionRefs('v4', 'v46.0.1')).toBe(-1);
    expect(compareActionRefs('v4.2.1', '4.2')).toBe(1);
    expect(compareActionRefs('v4.2.0', '4.2')).toBe(0);
    // A SHA or a branch is not in that order: OSV ranges must say "undetermined", not compare text.
    expect(() => compareActionRefs('11bd71901bbe5b1630ceea73d27597364c9af683', '46.0.1')).toThrow(/not a version tag/);
    expect(() => compareActionRefs('main', 'v1')).toThrow(/not a version tag/);
  });
});

describe('GitHub Actions advisories from OSV', () => {
  it('matches a tag against the advisory range, and a SHA pin only by commit', async () => {
    const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCli } = await import('../../helpers/run-cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-gha-osv-'));
    try {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(
        join(dir, '.github', 'workflows', 'ci.yml'),
        `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: tj-actions/changed-files@v45\n      - uses: tj-actions/changed-files@${SHA}\n`,
      );
      writeFileSync(join(dir, 'lockwarden.yml'), 'extends: [lockwarden:baseline]\nrules:\n  pinning: { action: off, models: off, actions: off, images: off, includes: off }\n');
      mkdirSync(join(dir, 'db', 'GitHub Actions'), { recursive: true });
      writeFileSync(
        join(dir, 'db', 'GitHub Actions', 'GHSA-mrrh-fwg8-r2c3.json'),
        JSON.stringify({
          id: 'GHSA-mrrh-fwg8-r2c3',
          modified: '2025-03-20T00:00:00Z',
          summary: 'tj-actions/changed-files tags were moved to a commit that leaks secrets',
          severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N' }],
          affected: [{ package: { ecosystem: 'GitHub Actions', name: 'tj-actions/changed-files' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '46.0.1' }] }] }],
        }),
      );
      const r = await runCli(['check', '--mode', 'audit', '--offline', '--db', 'db', '--format', 'json'], { cwd: dir });
      const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string; version: string; action: string }> }).findings;
      expect(findings.filter((f) => f.action === 'block').map((f) => `${f.rule} ${f.version}`)).toEqual(['vulnerability v45']);
      // The SHA cannot be placed in the range: reported as undetermined (a warning), never as a match or a pass.
      expect(findings.filter((f) => f.version === SHA).map((f) => `${f.rule} ${f.action}`)).toEqual(['vulnerability warn']);
      expect(r.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
