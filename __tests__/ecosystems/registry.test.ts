import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ECOSYSTEM_PLUGINS,
  allLockfileParsers,
  getLockfileParser,
  matchesFileName,
  parserForFileName,
  type EcosystemPlugin,
} from '@lockwarden/core';
import { CONFORMANCE_DIR } from '../helpers/conformance.js';
import { REPO_ROOT } from '../helpers/conformance.js';

const ECOSYSTEMS_DIR = join(REPO_ROOT, 'packages', 'core', 'src', 'ecosystems');
const folders = readdirSync(ECOSYSTEMS_DIR).filter((f) => statSync(join(ECOSYSTEMS_DIR, f)).isDirectory());

function isPlugin(value: unknown): value is EcosystemPlugin {
  return typeof value === 'object' && value !== null && 'ecosystem' in value && 'parsers' in value && 'compareVersions' in value;
}

describe('ecosystem plug-in registry', () => {
  it.each(folders)('folder %s exports a plug-in that the registry lists', async (folder) => {
    const mod = (await import(join(ECOSYSTEMS_DIR, folder, 'index.ts'))) as Record<string, unknown>;
    const plugins = Object.values(mod).filter(isPlugin);
    expect(plugins).toHaveLength(1);
    const plugin = plugins[0] as EcosystemPlugin;
    expect(ECOSYSTEM_PLUGINS.get(plugin.ecosystem)).toBe(plugin);
  });

  it('lists no plug-in without a folder', () => {
    expect(ECOSYSTEM_PLUGINS.size).toBe(folders.length);
  });

  it('gives every parser a unique id and fixtures to be tested on', () => {
    const ids = allLockfileParsers().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const parser of allLockfileParsers()) {
      const corpus = (parser.conformance ?? []).filter((c) => existsSync(join(CONFORMANCE_DIR, 'lockfiles', c, 'expected.json')));
      const folder = [...folders].find((f) => existsSync(join(REPO_ROOT, '__tests__', 'ecosystems', f, 'fixtures')));
      expect(corpus.length > 0 || folder !== undefined, `${parser.id} has no conformance folder and no fixtures`).toBe(true);
      expect(getLockfileParser(parser.id)).toBe(parser);
    }
  });

  it('claims each conventional lockfile name for exactly one parser', () => {
    for (const parser of allLockfileParsers()) {
      for (const name of parser.fileNames.filter((n) => !n.includes('*'))) {
        expect(parserForFileName(name)?.id, name).toBe(parser.id);
      }
    }
  });

  it('matches simple globs', () => {
    expect(matchesFileName('requirements*.txt', 'requirements-dev.txt')).toBe(true);
    expect(matchesFileName('requirements*.txt', 'requirements.txt')).toBe(true);
    expect(matchesFileName('requirements*.txt', 'requirements.txt.bak')).toBe(false);
    expect(matchesFileName('*.lock.json', 'x.lock.json')).toBe(true);
    expect(matchesFileName('a*b*c', 'abc')).toBe(true);
    expect(matchesFileName('a*b*c', 'ac')).toBe(false);
  });
});
