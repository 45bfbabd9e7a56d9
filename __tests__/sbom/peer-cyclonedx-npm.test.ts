import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSbom, parseLockfile, parsePurl, validateSbomJson } from '@lockwarden/core';

/**
 * Peer check against `@cyclonedx/cyclonedx-npm --package-lock-only` on the same committed lockfiles.
 * Deliberate differences, and only these, are normalised away:
 * 1. qualifiers: cyclonedx-npm adds `?download_url=` (the lockfile's registry is not the public default) and
 *    `?vcs_url=`; lockwarden's purls are the parser's, without qualifiers (the URL is in externalReferences);
 * 2. duplicates: cyclonedx-npm writes one (nested) component per node_modules path, so `debug@2.6.9` appears
 *    four times; lockwarden merges them into one component per purl, so the comparison is of sets;
 * 3. bom-refs: cyclonedx-npm uses `root|name@version` paths, lockwarden the purl; graphs are compared by purl;
 * 4. scope: cyclonedx-npm marks only optional packages; lockwarden also marks dev-only ones `excluded`.
 */
interface CdxComponent {
  'bom-ref': string;
  purl: string;
  hashes?: { alg: string; content: string }[];
  externalReferences?: { type: string; hashes?: { alg: string; content: string }[] }[];
  components?: CdxComponent[];
}
interface CdxBom {
  metadata: { component: { 'bom-ref': string } };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

function* walk(components: readonly CdxComponent[]): Generator<CdxComponent> {
  for (const c of components) {
    yield c;
    yield* walk(c.components ?? []);
  }
}

function bare(purl: string): string {
  const p = parsePurl(purl);
  return `pkg:${p.type}/${p.namespace ? `${encodeURIComponent(p.namespace)}/` : ''}${p.name}@${p.version ?? ''}`;
}

/** purl → sorted dependsOn purls (the root as ROOT), merged over duplicate components. */
function graphByPurl(bom: CdxBom): Map<string, string[]> {
  const purlOf = new Map<string, string>([[bom.metadata.component['bom-ref'], 'ROOT']]);
  for (const c of walk(bom.components)) purlOf.set(c['bom-ref'], bare(c.purl));
  const graph = new Map<string, Set<string>>();
  for (const d of bom.dependencies) {
    const from = purlOf.get(d.ref);
    if (!from) continue;
    const set = graph.get(from) ?? new Set<string>();
    for (const to of d.dependsOn ?? []) set.add(purlOf.get(to) ?? `?${to}`);
    graph.set(from, set);
  }
  return new Map([...graph].map(([k, v]) => [k, [...v].sort()]));
}

/** purl → `ALG:hex` from the component's hashes or (cyclonedx-npm) its distribution reference's. */
function hashesByPurl(bom: CdxBom): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const c of walk(bom.components)) {
    const hashes = [...(c.hashes ?? []), ...(c.externalReferences ?? []).flatMap((r) => r.hashes ?? [])];
    result.set(bare(c.purl), hashes.map((h) => `${h.alg}:${h.content}`).sort());
  }
  return result;
}

for (const [name, peerFile] of [
  ['npm-app', 'cyclonedx-npm-1.6.json'],
  ['npm-express', 'cyclonedx-npm-express-1.6.json'],
] as const) {
  const root = fileURLToPath(new URL(`../fixtures/sbom/${name}/`, import.meta.url));
  const inventory = await parseLockfile('package-lock.json', { root });
  describe(`peer check with cyclonedx-npm: ${name}/package-lock.json`, () => {
    const text = generateSbom([inventory], { toolVersion: '1', reproducible: true });
    const ours = JSON.parse(text) as CdxBom;
    const peer = JSON.parse(readFileSync(new URL(`../fixtures/sbom/${peerFile}`, import.meta.url), 'utf8')) as CdxBom;

    it('is valid against the CycloneDX 1.6 schema, as the peer output is', async () => {
      expect((await validateSbomJson(text)).issues).toEqual([]);
      expect((await validateSbomJson(JSON.stringify(peer))).issues).toEqual([]);
    });

    it('has the same purl set (after the documented differences)', () => {
      const ourPurls = [...walk(ours.components)].map((c) => c.purl);
      expect(ourPurls.every((p) => !p.includes('?'))).toBe(true);
      expect(new Set(ourPurls).size).toBe(ourPurls.length);
      expect([...new Set(ourPurls)].sort()).toEqual([...new Set([...walk(peer.components)].map((c) => bare(c.purl)))].sort());
    });

    it('has the same hashes and the same dependency graph by purl', () => {
      expect(hashesByPurl(ours)).toEqual(hashesByPurl(peer));
      expect(graphByPurl(ours)).toEqual(graphByPurl(peer));
    });
  });
}

describe('the committed peer output really has the duplicates lockwarden merges', () => {
  it('lists debug@2.6.9 and ms@2.0.0 four times each: 91 components, 85 distinct purls', () => {
    const peer = JSON.parse(
      readFileSync(new URL('../fixtures/sbom/cyclonedx-npm-express-1.6.json', import.meta.url), 'utf8'),
    ) as CdxBom;
    const purls = [...walk(peer.components)].map((c) => bare(c.purl));
    expect(purls.filter((p) => p === 'pkg:npm/debug@2.6.9')).toHaveLength(4);
    expect(purls.filter((p) => p === 'pkg:npm/ms@2.0.0')).toHaveLength(4);
    expect(purls).toHaveLength(91);
    expect(new Set(purls).size).toBe(85);
  });
});
