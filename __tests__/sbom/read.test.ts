import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSbom, parsePurl, readSbom, validateSbomJson, type Inventory } from '@lockwarden/core';
import { appInventory } from './fixture-inventories.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/sbom/${name}`, import.meta.url), 'utf8');

/** purl without qualifiers: cyclonedx-npm adds `download_url` for non-default registries. */
function bare(purl: string): string {
  const p = parsePurl(purl);
  return `pkg:${p.type}/${p.namespace ? `${encodeURIComponent(p.namespace)}/` : ''}${p.name}@${p.version ?? ''}`;
}

function pkg(inventory: Inventory, name: string) {
  const found = inventory.packages.find((p) => p.name === name);
  if (!found) throw new Error(`no package ${name}`);
  return found;
}

/** The 14 packages of __tests__/fixtures/sbom/npm-app/package-lock.json, as `name@version`. */
const NPM_APP = [
  '@sindresorhus/is@4.6.0',
  'ansi-styles@4.3.0',
  'chalk@4.1.2',
  'color-convert@2.0.1',
  'color-name@1.1.4',
  'debug@4.3.4',
  'fsevents@2.3.3',
  'has-flag@4.0.0',
  'left-pad@1.3.0',
  'lru-cache@6.0.0',
  'ms@2.1.2',
  'semver@7.6.0',
  'supports-color@7.2.0',
  'yallist@4.0.0',
];

describe('readSbom: CycloneDX JSON made by cyclonedx-npm', () => {
  for (const version of ['1.4', '1.6', '1.7']) {
    it(`reads spec ${version}: packages by purl, hashes from distribution references, graph and scopes`, async () => {
      expect(await validateSbomJson(fixture(`cyclonedx-npm-${version}.json`))).toEqual({ specVersion: version, issues: [] });
      const inventory = readSbom(fixture(`cyclonedx-npm-${version}.json`), `cdx-${version}.json`);
      expect(inventory.format).toBe('cyclonedx');
      expect(inventory.ecosystem).toBe('npm');
      expect(inventory.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual(NPM_APP);
      expect(inventory.projects).toEqual([{ id: 'root', path: '', name: 'sbom-fixture-app' }]);
      // The six declared in package.json: debug, chalk, @sindresorhus/is, left-pad (as "lp"), semver, fsevents.
      expect(inventory.packages.filter((p) => p.direct).map((p) => p.name).sort()).toEqual([
        '@sindresorhus/is',
        'chalk',
        'debug',
        'fsevents',
        'left-pad',
        'semver',
      ]);
      const chalk = pkg(inventory, 'chalk');
      expect(chalk.integrity).toHaveLength(1);
      expect(chalk.integrity[0]?.algorithm).toBe('sha512');
      expect(chalk.license).toBe('MIT');
      expect(chalk.source).toEqual({ kind: 'registry', url: 'https://registry.example.org/chalk/-/chalk-4.1.2.tgz' });
      expect(pkg(inventory, 'fsevents').scopes).toEqual(['optional']);
      const nameOf = (id: string) => inventory.packages.find((p) => p.id === id)?.name;
      const chalkDeps = inventory.edges?.filter((e) => e.from === chalk.id).map((e) => nameOf(e.to));
      expect(chalkDeps?.sort()).toEqual(['ansi-styles', 'supports-color']);
    });
  }
});

describe('readSbom: SPDX 2.3 JSON', () => {
  it('reads `npm sbom --sbom-format spdx` output with the same packages and hashes as cyclonedx-npm', () => {
    const spdx = readSbom(fixture('npm-sbom-spdx-2.3.json'), 'spdx.json');
    const cdx = readSbom(fixture('cyclonedx-npm-1.6.json'), 'cdx.json');
    expect(spdx.format).toBe('spdx');
    expect(spdx.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual(NPM_APP);
    const hashes = (inv: Inventory) =>
      Object.fromEntries(inv.packages.map((p) => [bare(p.purl), p.integrity.map((h) => `${h.algorithm}:${h.value}`)]));
    expect(hashes(spdx)).toEqual(hashes(cdx));
    expect(pkg(spdx, 'semver').scopes).toEqual(['dev']);
    expect(pkg(spdx, 'fsevents').scopes).toEqual(['optional']);
    expect(pkg(spdx, 'debug').scopes).toEqual([]);
    expect(spdx.packages.filter((p) => p.direct)).toHaveLength(6);
    expect(pkg(spdx, 'ms').direct).toBe(false);
  });

  it("reads GitHub's dependency-graph export shape ({sbom: ...}), skipping purl types without an ecosystem", () => {
    const inventory = readSbom(fixture('github-dependency-graph-spdx.json'), 'github.json');
    expect(inventory.packages.map((p) => [p.ecosystem, p.name, p.version, p.license])).toEqual([
      ['npm', 'lodash', '4.17.20', 'MIT'],
      ['npm', '@types/node', '20.11.5', 'MIT'],
      ['PyPI', 'django', '4.2.1', 'BSD-3-Clause'],
      // GitHub lists workflow actions with a version range; they read back as unpinned action references.
      ['GitHub Actions', 'actions/checkout', '4.*.*', undefined],
    ]);
    expect(inventory.packages[3]?.reference).toEqual({ kind: 'action', pinned: false, via: 'sbom', ref: '4.*.*' });
    expect(inventory.ecosystem).toBe('npm');
    expect(inventory.packages.every((p) => p.direct)).toBe(true);
    expect(inventory.edges).toHaveLength(4);
  });
});

describe('readSbom: round trip of our own SBOM', () => {
  it('gives back the purls, versions, hashes and dev/optional scopes it was made from', async () => {
    const source = appInventory();
    const text = generateSbom([source], { toolVersion: '1', reproducible: true });
    expect((await validateSbomJson(text)).issues).toEqual([]);
    const inventory = readSbom(text, 'bom.json');
    const view = (inv: Inventory) =>
      inv.packages
        .map((p) => ({ purl: p.purl, version: p.version, integrity: p.integrity, scopes: p.scopes, direct: p.direct }))
        .sort((a, b) => a.purl.localeCompare(b.purl));
    expect(view(inventory)).toEqual(view(source));
  });
});

describe('readSbom: bad input', () => {
  it('names file, line and column for broken JSON', () => {
    expect(() => readSbom('{\n  "bomFormat": "CycloneDX",\n  oops\n}', 'broken.json')).toThrow(/^broken\.json:3:3: invalid JSON/);
  });

  it('refuses JSON that is neither CycloneDX nor SPDX 2.x', () => {
    expect(() => readSbom('{"packages": []}', 'x.json')).toThrow(
      'x.json: neither a CycloneDX JSON nor an SPDX 2.x JSON document',
    );
    expect(() => readSbom('{"spdxVersion": "SPDX-3.0"}', 'x.json')).toThrow(/unsupported SPDX version "SPDX-3.0"/);
  });

  it('keeps hostile keys as data', () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [{ type: 'library', name: '__proto__', version: '1.0.0', purl: 'pkg:npm/__proto__@1.0.0', 'bom-ref': '__proto__' }],
      dependencies: [{ ref: '__proto__', dependsOn: ['constructor'] }],
    });
    const inventory = readSbom(text, 'x.json');
    expect(inventory.packages.map((p) => p.name)).toEqual(['__proto__']);
    expect(inventory.edges).toEqual([]);
    const inherited = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [
        { type: 'library', name: 'x', purl: 'pkg:constructor/x@1', hashes: [{ alg: 'toString', content: 'ab' }] },
        { type: 'library', name: 'y', purl: 'pkg:npm/y@1', hashes: [{ alg: 'constructor', content: 'ab' }] },
      ],
    });
    const read = readSbom(inherited, 'x.json');
    expect(read.packages.map((p) => [p.ecosystem, p.name, p.integrity])).toEqual([['npm', 'y', []]]);
  });
});
