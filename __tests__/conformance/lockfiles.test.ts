import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allLockfileParsers, type LockfileParser, type Package } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../helpers/conformance.js';
import { applyDeviation, documentedDeviations } from '../helpers/conformance-deviations.js';

interface ExpectedPackage {
  name: string;
  version: string;
  groups?: string[];
  commit?: string;
}
interface ExpectedCase {
  name: string;
  test: string;
  fixture: string;
  error: boolean;
  error_contains?: string;
  packages: ExpectedPackage[];
}

const LOCKFILES = join(CONFORMANCE_DIR, 'lockfiles');
const available = conformanceAvailable();

function formats(): string[] {
  if (!available) return [];
  return readdirSync(LOCKFILES).flatMap((lang) =>
    readdirSync(join(LOCKFILES, lang))
      .filter((format) => existsSync(join(LOCKFILES, lang, format, 'expected.json')))
      .map((format) => `${lang}/${format}`),
  );
}

const PARSERS = await allLockfileParsers();

function parserFor(format: string): LockfileParser | undefined {
  return PARSERS.find((p) => p.conformance?.includes(format));
}

function key(p: { name: string; version: string }): string {
  return `${p.name}@${p.version}`;
}

function commitOf(p: Package): string[] {
  const out: string[] = [];
  if (p.source.kind === 'git' && p.source.commit) out.push(p.source.commit);
  // mix.lock: the peer stores a Hex package's sha256 checksum where a commit would be.
  for (const h of p.integrity) out.push(h.value);
  return out;
}

/** Matches expected packages to actual ones as a multiset; returns the mismatches (empty when equal). */
function compareCase(expected: ExpectedPackage[], actual: Package[]): string[] {
  const problems: string[] = [];
  const pool = new Map<string, Package[]>();
  for (const p of actual) {
    const list = pool.get(key(p)) ?? [];
    list.push(p);
    pool.set(key(p), list);
  }
  // Entries that state a commit are matched first, so two pins of one package to two commits pair up right.
  const ordered = [...expected].sort((a, b) => Number(b.commit !== undefined) - Number(a.commit !== undefined));
  for (const e of ordered) {
    const candidates = pool.get(key(e)) ?? [];
    const index = candidates.findIndex((p) => {
      if (e.commit !== undefined && !commitOf(p).includes(e.commit)) return false;
      if (e.groups !== undefined) {
        const want = [...new Set(e.groups)].sort().join(',');
        const got = [...new Set(p.scopes)].sort().join(',');
        if (want !== got) return false;
      }
      return true;
    });
    if (index < 0) {
      const near = candidates.map((p) => `scopes=[${p.scopes.join(',')}] commit=${commitOf(p).join('|')}`).join('; ');
      problems.push(
        `missing ${key(e)}${e.groups ? ` groups=[${e.groups.join(',')}]` : ''}${e.commit ? ` commit=${e.commit}` : ''}${near ? ` (have: ${near})` : ''}`,
      );
    } else {
      candidates.splice(index, 1);
    }
  }
  for (const rest of pool.values()) for (const p of rest) problems.push(`unexpected ${key(p)}`);
  return problems;
}

const tally = new Map<string, { passed: number; total: number; documented: number }>();
const deviations = documentedDeviations();

afterAll(() => {
  if (tally.size === 0) return;
  const lines = [...tally.entries()].map(
    ([format, t]) =>
      `  ${format.padEnd(32)} ${t.passed}/${t.total}${t.documented ? ` (${t.documented} differing as documented in docs/conformance.md)` : ''}`,
  );
  console.log(`lockfile conformance (cases passed/total):\n${lines.join('\n')}`);
});

describe.skipIf(!available)('lockfile conformance corpus', () => {
  for (const format of formats()) {
    const dir = join(LOCKFILES, format);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: ExpectedCase[] };
    const parser = parserFor(format);
    describe(format, () => {
      if (!parser) {
        it(`has a parser that claims ${format}`, () => {
          expect(parser, `no parser claims ${format} (${expected.cases.length} cases)`).toBeDefined();
        });
        return;
      }
      const t = { passed: 0, total: expected.cases.length, documented: 0 };
      tally.set(format, t);
      for (const c of expected.cases) {
        it(`${c.test} / ${c.name}`, () => {
          const file = join(dir, c.fixture);
          const text = readFileSync(file, 'utf8');
          const readRelated = (rel: string): string | undefined => {
            const target = isAbsolute(rel) ? rel : resolve(dirname(file), rel);
            return existsSync(target) ? readFileSync(target, 'utf8') : undefined;
          };
          if (c.error) {
            expect(() => parser.parse(text, file, { readRelated })).toThrow();
          } else {
            const inventory = parser.parse(text, file, { readRelated });
            const deviation = deviations.get(`${format} :: ${c.test} / ${c.name}`);
            // A format-wide row (case `*`) with `~*[derived]`: the peer states no groups for the format, lockwarden
            // derives them from the roots, so groups the peer leaves empty are not compared (names, versions and
            // commits still are; the derivation has its own tests).
            const derived = deviations.get(`${format} :: *`)?.derivedScopes === true;
            const expected = derived ? c.packages.map((p) => (p.groups?.length === 0 ? { ...p, groups: undefined } : p)) : c.packages;
            expect(compareCase(applyDeviation(expected, deviation), inventory.packages)).toEqual([]);
            if (deviation || (derived && inventory.packages.some((p) => p.scopes.length > 0))) t.documented++;
          }
          t.passed++;
        });
      }
    });
  }
});
