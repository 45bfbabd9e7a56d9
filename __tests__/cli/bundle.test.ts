import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { modulesLoadedByScript } from '../helpers/module-census.js';

const BIN = join(REPO_ROOT, 'packages/cli/bin/lockwarden.js');
const BUNDLE = join(REPO_ROOT, 'packages/cli/bundle');

describe('the lockwarden command runs the CLI bundle (scripts/build-cli.mjs)', () => {
  it('--version loads the bundle entry and nothing from node_modules or the separate modules', () => {
    const loaded = modulesLoadedByScript(BIN, ['--version'], REPO_ROOT);
    expect(loaded).toContain(join(BUNDLE, 'index.js'));
    expect(loaded.filter((f) => f.includes('/node_modules/') || f.includes('/packages/cli/dist/') || f.includes('/packages/core/dist/'))).toEqual([]);
  });

  it('keeps lazily imported commands and parsers as separate chunks, loaded only when used', () => {
    const chunks = readdirSync(BUNDLE).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(20);
    const version = modulesLoadedByScript(BIN, ['--version'], REPO_ROOT).filter((f) => f.startsWith(BUNDLE));
    const ls = modulesLoadedByScript(BIN, ['ls', '--format', 'json', 'examples/basic/head/package-lock.json'], REPO_ROOT).filter((f) => f.startsWith(BUNDLE));
    expect(version.length).toBeLessThan(ls.length);
    // `ls` of a package-lock.json loads a fraction of the chunks: no guard, MCP, SBOM, advisory or other parsers.
    expect(ls.length).toBeLessThan(chunks.length / 3);
  });
});
