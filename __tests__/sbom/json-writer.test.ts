import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import {
  buildPurl,
  generateSbom,
  generateSbomWithLibrary,
  loadWorkTreeInventories,
  parsePurl,
  readRootProject,
  renderSbom,
  SBOM_SPEC_VERSIONS,
  validateSbomJson,
  type GenerateSbomOptions,
  type Inventory,
  type ModelCard,
  type Package,
} from '@lockwarden/core';
import { groupAndName } from '../../packages/core/src/sbom/json/component-name.js';
import { appInventory, npmPackage, pythonInventory, toolsInventory } from './fixture-inventories.js';
import { FORMAT_PROJECTS } from './format-projects.js';

/**
 * `generateSbom` writes CycloneDX JSON directly from the model; `generateSbomWithLibrary` is the path through the
 * CycloneDX library's models and JSON normalizer it replaced (and that still writes XML). The two must give the
 * same bytes: for every lockfile format, for hostile strings, with model cards, in both spec versions.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function formatInventories(format: string): Promise<{ inventories: Inventory[]; root: Awaited<ReturnType<typeof readRootProject>> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lockwarden-json-writer-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(FORMAT_PROJECTS[format] ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const inventories = await loadWorkTreeInventories(dir, ['.']);
  const root = await readRootProject((rel) => {
    try {
      return readFileSync(join(dir, rel), 'utf8');
    } catch {
      return undefined;
    }
  });
  return { inventories, root };
}

/** Both writers on the same input; returns the direct writer's text after checking the library's is the same. */
function expectSameBytes(inventories: readonly Inventory[], options: GenerateSbomOptions): string {
  const direct = generateSbom(inventories, options);
  const library = generateSbomWithLibrary(inventories, { ...options, format: 'json' });
  expect(direct).toBe(library);
  return direct;
}

describe('the direct JSON writer gives the CycloneDX library path\'s bytes', () => {
  it('writes every spec version the library models', () => {
    for (const v of SBOM_SPEC_VERSIONS) expect(Spec.SpecVersionDict[v as Spec.Version], v).toBeDefined();
  });

  for (const format of Object.keys(FORMAT_PROJECTS)) {
    it(`${format}: byte-equal and schema-valid, in 1.6 and 1.7`, async () => {
      const { inventories, root } = await formatInventories(format);
      expect(inventories.length).toBeGreaterThan(0);
      for (const specVersion of SBOM_SPEC_VERSIONS) {
        const text = expectSameBytes(inventories, { toolVersion: '1.2.3', root, rootDir: '', specVersion, sourceDateEpoch: '1700000000' });
        expect(await validateSbomJson(text, `${format}.cdx.json`)).toEqual({ specVersion, issues: [] });
      }
    });
  }

  it('a monorepo: several lockfiles, merged packages, sub-folder projects, edge-less formats', async () => {
    const inventories = [appInventory(), toolsInventory(), pythonInventory()];
    const text = expectSameBytes(inventories, { toolVersion: '1', reproducible: true });
    expect((await validateSbomJson(text)).issues).toEqual([]);
    // The same with the root's folder elsewhere and with a root whose purl is also a component's.
    expectSameBytes(inventories, { toolVersion: '1', reproducible: true, rootDir: 'tools' });
    expectSameBytes(inventories, {
      toolVersion: '1',
      reproducible: true,
      root: { name: 'debug', version: '4.3.4', purl: 'pkg:npm/debug@4.3.4', manifest: 'package.json' },
    });
  });

  it('in reproducible mode: the same serial, derived from the content, whatever the input order', () => {
    const options = { toolVersion: '1', sourceDateEpoch: '1700000000' };
    const a = expectSameBytes([appInventory(), toolsInventory()], options);
    const shuffled = appInventory();
    shuffled.packages.reverse();
    shuffled.edges?.reverse();
    expect(expectSameBytes([shuffled, toolsInventory()], options)).toBe(a);
    expect(a).toContain('"serialNumber": "urn:uuid:');
    expect(a).toContain('"timestamp": "2023-11-14T22:13:20.000Z"');
  });

  it('outside reproducible mode: the same document but for the random serial', () => {
    const now = new Date('2026-01-02T03:04:05Z');
    const serial = /"serialNumber": "urn:uuid:[0-9a-f-]{36}"/;
    const direct = generateSbom([appInventory()], { toolVersion: '1', now });
    const library = generateSbomWithLibrary([appInventory()], { toolVersion: '1', now });
    expect(direct).toMatch(serial);
    expect(direct.replace(serial, '')).toBe(library.replace(serial, ''));
  });

  it('hostile names, versions, URLs, licenses and paths stay data and come out as the library writes them', async () => {
    const HOSTILE = ['a"b', '</script><script>alert(1)</script>', 'line\u2028sep\u2029para', 'tab\tnl\ncr\r', 'nul\u0000esc\u001b', 'back\\slash', '😀 emoji', 'ÄÖÜ-ß', '{"x":1}'];
    const packages: Package[] = HOSTILE.flatMap((s, i) => [
      npmPackage(`node_modules/h${i}`, `h${i}-${s.replace(/[^\x20-\x7e]/g, '')}`.replace(/["<>{}\\/\s]/g, '_'), `1.0.${i}-${encodeURIComponent(s).slice(0, 8)}`, {
        direct: i % 2 === 0,
        license: s,
        source: { kind: 'tarball', url: `https://example.org/${s}/x y'[z]{w}<v>.tgz` },
        integrity: [
          { algorithm: 'sha512', value: 'ab'.repeat(64) },
          { algorithm: 'sha256', value: s },
        ],
      }),
      {
        ...npmPackage(`node_modules/@s${i}/p`, `@scope-${i}/Pkg.Name`, '2.0.0'),
        // Names the model can carry but no purl can: the package keeps its name, the purl its own spelling.
        name: `@scope-${i}/${s}`,
        source: { kind: 'git', url: `git+ssh://git@example.org/${s}.git`, commit: 'c'.repeat(40) },
      },
    ]);
    // Lone surrogates cannot be in a purl (buildPurl refuses them), but a license, a URL or a path can hold one.
    packages.push(npmPackage('node_modules/lone', 'lone', '1.0.0', { license: 'MIT\uD800', source: { kind: 'tarball', url: 'https://example.org/\uDC00.tgz' } }));
    packages.push(npmPackage('node_modules/ids', 'ids', '1.0.0', { license: 'apache-2.0' }));
    packages.push(npmPackage('node_modules/expr', 'expr', '1.0.0', { license: '(MIT OR GPL-2.0+) AND Classpath-exception-2.0' }));
    const inventory: Inventory = {
      lockfile: 'sub "dir"/</script>/package-lock.json',
      format: 'package-lock.json',
      ecosystem: 'npm',
      projects: [
        { id: '', path: '', name: 'app' },
        { id: 'ws', path: 'packages/\u2028ws', name: '</script>' },
      ],
      packages,
      edges: [
        { from: '', to: 'node_modules/h0' },
        { from: 'ws', to: 'node_modules/lone' },
        ...packages.slice(1).map((p, i) => ({ from: (packages[i] as Package).id, to: p.id })),
      ],
    };
    const text = expectSameBytes([inventory], { toolVersion: '1"</script>', reproducible: true, root: { name: 'r\u2028"', manifest: 'package.json' } });
    const bom = JSON.parse(text) as { components: Array<{ name: string; group?: string; licenses?: unknown[] }> };
    expect(bom.components.find((c) => c.group === '@scope-1')?.name).toBe('pkg.name');
    expect(text).toContain('</script>');
    expect(text).toContain('\u2028');
    expect(text).toContain('\\ud800');
    expect((await validateSbomJson(text)).issues).toEqual([]);
  });

  it('model, dataset, action, image and model-file references, with model cards', async () => {
    const ref = (kind: NonNullable<Package['reference']>['kind'], name: string, extra: Partial<NonNullable<Package['reference']>> = {}): Package => ({
      id: `${kind}:${name}`,
      ecosystem: 'huggingface',
      name,
      version: 'a'.repeat(40),
      purl: buildPurl('huggingface', undefined, name, 'a'.repeat(40)),
      direct: true,
      scopes: [],
      integrity: [],
      source: { kind: 'unknown' },
      location: { file: 'train.py', line: 3 },
      reference: { kind, pinned: true, via: 'from_pretrained', ...extra },
    });
    const model = ref('model', 'org/model', { trustRemoteCode: true });
    const pickle = ref('model-file', 'weights.bin', {
      pinned: false,
      scan: {
        format: 'pickle',
        executable: true,
        imports: [
          { module: 'os', name: 'system', verdict: 'dangerous' },
          { module: 'torch', name: 'load', verdict: 'safe' },
          { module: 'x"y', name: '</script>', verdict: 'unknown' },
        ],
      },
    });
    const inventory: Inventory = {
      lockfile: 'train.py',
      format: 'python-source',
      ecosystem: 'huggingface',
      projects: [{ id: '', path: '' }],
      packages: [model, ref('dataset', 'org/data'), ref('action', 'actions/checkout'), ref('image', 'node'), pickle],
    };
    const cards = new Map<string, ModelCard>([
      [model.purl, { modelParameters: { task: 'text-generation', datasets: [{ type: 'dataset', name: 'org/data' }] }, properties: [{ name: 'huggingface:sha', value: 'b'.repeat(40) }] }],
      [pickle.purl, { modelParameters: { task: 'not attached: not a model' } }],
    ]);
    const text = expectSameBytes([inventory], { toolVersion: '1', reproducible: true, modelCards: cards });
    expect(text).toContain('"modelCard"');
    expect(text.match(/"modelCard"/g)).toHaveLength(1);
    expect((await validateSbomJson(text)).issues).toEqual([]);
    // The serial is the lockfiles', not the Hub's: the same with and without cards.
    const serial = (t: string): string | undefined => /"serialNumber": "([^"]+)"/.exec(t)?.[1];
    expect(serial(text)).toBe(serial(generateSbom([inventory], { toolVersion: '1', reproducible: true })));
  });

  it('lists longer than one write batch, and none at all', () => {
    // 4,500 packages: the writer stringifies 2,000 at a time; a model card in the last batch, and shared deps.
    const packages = Array.from({ length: 4500 }, (_, i) => npmPackage(`node_modules/p${i}`, i % 9 === 0 ? `@s${i % 4}/p${i}` : `p${i}`, `1.${i % 7}.0`, { direct: i < 30, license: i % 3 === 0 ? 'MIT' : 'ISC OR MIT' }));
    // Sorted by bom-ref, the Hub model comes first and the other (a purl sorting after npm's) in the last batch.
    const model = { ...npmPackage('model', 'm', '1.0.0'), purl: buildPurl('huggingface', 'org', 'model', 'a'.repeat(40)), reference: { kind: 'model' as const, pinned: true, via: 'from_pretrained' } };
    const late = { ...model, id: 'late', purl: buildPurl('swift', 'example.org/org', 'model', '1.0.0') };
    const inventory: Inventory = {
      lockfile: 'package-lock.json',
      format: 'package-lock.json',
      ecosystem: 'npm',
      projects: [{ id: '', path: '' }],
      packages: [...packages, model, late],
      edges: packages.flatMap((p, i) => [{ from: i < 30 ? '' : `node_modules/p${Math.floor(i / 3)}`, to: p.id }, { from: p.id, to: `node_modules/p${(i * 7) % 4500}` }]),
    };
    expectSameBytes([inventory], { toolVersion: '1', reproducible: true, modelCards: new Map([[late.purl, { modelParameters: { task: 'fill-mask' } }]]) });
    const cards = new Map<string, ModelCard>([[model.purl, { modelParameters: { task: 'fill-mask' } }], [late.purl, { considerations: { useCases: ['x'] } }]]);
    const text = expectSameBytes([inventory], { toolVersion: '1', reproducible: true, modelCards: cards });
    expect(text.match(/"modelCard"/g)).toHaveLength(2);
    expectSameBytes([inventory], { toolVersion: '1', reproducible: true, specVersion: '1.7' });
    expectSameBytes([], { toolVersion: '1', reproducible: true });
    expectSameBytes([{ ...inventory, packages: [], edges: [] }], { toolVersion: '1', reproducible: true });
  });

  it('a license named like an Object.prototype member is a named license (the library loses its name)', async () => {
    const inventory = appInventory();
    (inventory.packages[0] as Package).license = 'constructor';
    const text = generateSbom([inventory], { toolVersion: '1', reproducible: true });
    expect(text).toContain('"name": "constructor"');
    expect((await validateSbomJson(text)).issues).toEqual([]);
  });
});

describe('renderSbom', () => {
  it('writes JSON as generateSbom does, and XML through the library', async () => {
    const options = { toolVersion: '1', reproducible: true };
    expect(await renderSbom([appInventory()], options)).toBe(generateSbom([appInventory()], options));
    const xml = await renderSbom([appInventory()], { ...options, format: 'xml' });
    expect(xml).toContain('<bom xmlns="http://cyclonedx.org/schema/bom/1.6"');
    expect(() => generateSbom([appInventory()], { ...options, format: 'xml' })).toThrow(/renderSbom writes xml/);
  });
});

describe('group and name without re-parsing purls', () => {
  it('agrees with packageurl-js on canonical and non-canonical purls', () => {
    const purls = [
      buildPurl('npm', '@babel', 'core', '7.24.0'),
      buildPurl('npm', '@Scope', 'Name', '1.0.0-Beta+build'),
      buildPurl('npm', undefined, 'left-pad', '1.3.0'),
      buildPurl('npm', '@a b', 'c"d</script>', '1.0.0'),
      buildPurl('maven', 'org.apache.commons', 'commons-lang3', '3.14.0'),
      buildPurl('maven', 'org.example', 'x', '1.0', { classifier: 'sources', type: 'jar' }),
      buildPurl('maven', 'a/b', 'c:d', '1:2'),
      buildPurl('composer', 'Monolog', 'Monolog', '3.5.0'),
      buildPurl('pypi', undefined, 'Django', '4.2.1'),
      buildPurl('golang', 'github.com/google', 'uuid', 'v1.6.0'),
      buildPurl('npm', '@x', 'y\u2028z😀', '1.0.0', undefined, 'sub/path'),
      'pkg:NPM/%40Scope/Name@1.0.0',
      'pkg://npm/%40scope/name@1.0.0',
      'pkg:npm/@scope/name@1.0.0',
      'pkg:npm/%40scope//name@1.0.0',
      'pkg:npm/%40scope/name@',
      'pkg:np%6d/%40scope/name@1.0.0',
      'pkg:composer/vendor/name?x=1#y',
      'pkg:maven/g/a@1.0%2B2',
    ];
    for (const purl of purls) {
      const parsed = parsePurl(purl);
      const grouped = ['npm', 'maven', 'composer'].includes(parsed.type) && parsed.namespace;
      expect(groupAndName(purl, 'the-package-name'), purl).toEqual(
        grouped ? { group: parsed.namespace, name: parsed.name } : { group: undefined, name: 'the-package-name' },
      );
    }
  });
});
