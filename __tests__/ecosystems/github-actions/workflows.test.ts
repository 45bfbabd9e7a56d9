import { describe, expect, it } from 'vitest';
import { compareActionRefs, getLockfileParser, usesPackage } from '@lockwarden/core';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
const workflow = getLockfileParser('.github/workflows/*.yml');
const action = getLockfileParser('action.yml');

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
  });
});
