import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECOSYSTEM_PLUGINS, RULE_IDS } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { folderEdges, layerViolations, readImports, readLayers, type FolderEdge } from './import-graph.js';

const CORE_SRC = join(REPO_ROOT, 'packages/core/src');
const CORE_PACKAGE = join(REPO_ROOT, 'packages/core');
const ADAPTERS = [join(REPO_ROOT, 'packages/cli/src'), join(REPO_ROOT, 'src')];
const layers = readLayers(readFileSync(join(REPO_ROOT, 'docs/architecture.md'), 'utf8'));

describe('the layering of docs/architecture.md', () => {
  it('places every folder of packages/core/src in exactly one layer', () => {
    const folders = readdirSync(CORE_SRC)
      .filter((name) => name !== 'index.ts' && !name.endsWith('.d.ts'))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    const placed = layers.flatMap((l) => l.folders).sort();
    expect(placed).toEqual(folders);
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('holds for the import graph of packages/core/src: no import from a lower layer to a higher one', () => {
    const edges = folderEdges(CORE_SRC, readImports(CORE_SRC)).filter((e) => e.from !== 'index');
    expect(edges.length).toBeGreaterThan(100);
    expect(layerViolations(edges, layers)).toEqual([]);
  });

  it('catches a back-edge and a same-layer edge in a fixture graph', () => {
    const fixture: FolderEdge[] = [
      { from: 'engine', to: 'policy', via: 'engine/run-check.ts imports ../policy/evaluate.js' },
      { from: 'policy', to: 'engine', via: 'policy/evaluate.ts imports ../engine/run-check.js' },
      { from: 'lockfiles', to: 'sbom', via: 'lockfiles/load.ts imports ../sbom/read.js' },
      { from: 'report', to: 'guard', via: 'report/x.ts imports ../guard/y.js' },
    ];
    expect(layerViolations(fixture, layers)).toEqual([
      'policy/evaluate.ts imports ../engine/run-check.js: policy (layer 5) must not import engine (layer 7)',
      'lockfiles/load.ts imports ../sbom/read.js: lockfiles and sbom share layer 3; a layer\'s folders do not import each other',
      'report/x.ts imports ../guard/y.js: guard is in no layer of docs/architecture.md',
    ]);
  });

  it('keeps the core free of adapters: no @actions/*, no commander, no path out of packages/core/src', () => {
    const bad = readImports(CORE_SRC).filter(
      (e) =>
        /^@actions\/|^commander$|^@lockwarden\/core/.test(e.specifier) ||
        (e.target !== undefined && relative(CORE_SRC, e.target).startsWith('..')),
    );
    expect(bad).toEqual([]);
  });

  it('lets adapters reach the core only through its declared entry points', () => {
    const pkg = JSON.parse(readFileSync(join(CORE_PACKAGE, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const entries = new Set(Object.keys(pkg.exports).map((k) => `@lockwarden/core${k.slice(1)}`));
    for (const root of ADAPTERS) {
      const imports = readImports(root);
      const intoCore = imports.filter((e) => e.target !== undefined && !relative(CORE_PACKAGE, e.target).startsWith('..'));
      expect(intoCore, `${root} imports core files by path`).toEqual([]);
      const undeclared = imports.filter((e) => e.specifier.startsWith('@lockwarden/core') && !entries.has(e.specifier));
      expect(undeclared, `${root} imports an undeclared core entry`).toEqual([]);
    }
  });
});

describe('registrations the architecture relies on', () => {
  it('registers every ecosystem folder in ECOSYSTEM_PLUGINS', () => {
    const dir = join(CORE_SRC, 'ecosystems');
    const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
    const registry = readImports(dir).filter((e) => e.file === 'registry.ts' && e.target);
    const registered = registry
      .map((e) => relative(dir, e.target as string).split(sep))
      .filter((parts) => parts.length === 2 && parts[1] === 'index.js')
      .map((parts) => parts[0])
      .sort();
    expect(registered).toEqual(folders);
    expect(ECOSYSTEM_PLUGINS.size).toBe(folders.length);
  });

  it('documents every rule in docs/policy.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/policy.md'), 'utf8');
    const documented = [...doc.matchAll(/^### `([a-z-]+)`$/gm)].map((m) => m[1]);
    expect(RULE_IDS.filter((id) => !documented.includes(id))).toEqual([]);
    expect(RULE_IDS.length).toBeGreaterThan(10);
  });
});
