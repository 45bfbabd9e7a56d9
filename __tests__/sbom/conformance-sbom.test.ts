import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allLockfileParsers, generateSbom, isLocalPackage, readSbom, validateSbomJson } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../helpers/conformance.js';

/**
 * Every real lockfile of the shared conformance corpus that a parser reads becomes a schema-valid CycloneDX 1.6
 * BOM with one component per distinct purl, every component in the dependency graph, and reads back to the same
 * purls.
 */
interface ExpectedCase {
  name: string;
  test: string;
  fixture: string;
  error: boolean;
}
interface Bom {
  components: { 'bom-ref': string; purl?: string; type: string }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

const LOCKFILES = join(CONFORMANCE_DIR, 'lockfiles');
const available = conformanceAvailable();
let checked = 0;
afterAll(() => {
  if (checked > 0) console.log(`SBOMs of conformance lockfiles: ${checked} schema-valid`);
});

const PARSERS = await allLockfileParsers();

describe.skipIf(!available)('SBOMs of the conformance lockfiles', () => {
  const formats = available
    ? readdirSync(LOCKFILES).flatMap((lang) =>
        readdirSync(join(LOCKFILES, lang))
          .filter((format) => existsSync(join(LOCKFILES, lang, format, 'expected.json')))
          .map((format) => `${lang}/${format}`),
      )
    : [];
  for (const format of formats) {
    const parser = PARSERS.find((p) => p.conformance?.includes(format));
    if (!parser) continue;
    const dir = join(LOCKFILES, format);
    const { cases } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: ExpectedCase[] };
    const fixtures = [...new Set(cases.filter((c) => !c.error).map((c) => c.fixture))];
    it(`${format}: ${fixtures.length} lockfiles`, async () => {
      for (const fixture of fixtures) {
        const file = join(dir, fixture);
        const readRelated = (rel: string): string | undefined => {
          const target = isAbsolute(rel) ? rel : resolve(dirname(file), rel);
          return existsSync(target) ? readFileSync(target, 'utf8') : undefined;
        };
        const inventory = parser.parse(readFileSync(file, 'utf8'), fixture, { readRelated });
        const text = generateSbom([inventory], { toolVersion: '1', reproducible: true });
        const result = await validateSbomJson(text, fixture);
        expect(result.issues, fixture).toEqual([]);
        const bom = JSON.parse(text) as Bom;
        // The project's own (local) packages are components without a purl: a registry purl would name another package.
        const registered = inventory.packages.filter((p) => !isLocalPackage(p));
        const purls = new Set(registered.map((p) => p.purl));
        const libraries = bom.components.filter((c) => c.type === 'library');
        expect(libraries.filter((c) => c.purl !== undefined).length, fixture).toBe(purls.size);
        expect(libraries.filter((c) => c.purl === undefined).length, fixture).toBe(inventory.packages.length - registered.length);
        expect(bom.dependencies.length, fixture).toBe(bom.components.length + 1);
        const back = readSbom(text, fixture);
        const known = [...purls].filter((p) => back.packages.some((b) => b.purl === p));
        // readSbom keeps only purl types with an ecosystem; every purl our parsers make has one.
        expect(known.length, fixture).toBe(purls.size);
        checked++;
      }
    });
  }
});
