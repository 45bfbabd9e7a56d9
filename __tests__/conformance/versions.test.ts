import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ECOSYSTEM_PLUGINS, type Ecosystem } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../helpers/conformance.js';

/** The ecosystems whose ordering lockwarden must reproduce exactly (issue: every ecosystem). */
const REQUIRED: readonly string[] = ['npm', 'crates.io', 'Go', 'Hex', 'PyPI', 'Maven', 'RubyGems', 'Packagist', 'NuGet', 'Pub'];

interface Run {
  file: string;
  ecosystem: string;
  pairs: number;
}

const VERSIONS = join(CONFORMANCE_DIR, 'versions');
const available = conformanceAvailable();
const runs: Run[] = available ? (JSON.parse(readFileSync(join(VERSIONS, 'index.json'), 'utf8')) as Run[]) : [];

/** Parses a corpus file with the peer's rules: skip "", "# " and "// " lines; else exactly `A OP B`. */
function comparisons(text: string): Array<{ a: string; op: -1 | 0 | 1; b: string; line: number }> {
  const out: Array<{ a: string; op: -1 | 0 | 1; b: string; line: number }> = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('# ') || line.startsWith('// ')) return;
    const parts = line.split(' ');
    if (parts.length !== 3) throw new Error(`malformed corpus line ${i + 1}: ${line}`);
    const [a, op, b] = parts as [string, string, string];
    const value = op === '<' ? -1 : op === '=' ? 0 : op === '>' ? 1 : undefined;
    if (value === undefined) throw new Error(`bad comparator on line ${i + 1}: ${op}`);
    out.push({ a, op: value, b, line: i + 1 });
  });
  return out;
}

const agreement: string[] = [];
afterAll(() => {
  if (agreement.length) console.log(`version ordering conformance (agreeing/total):\n${agreement.join('\n')}`);
});

describe.skipIf(!available)('version ordering conformance corpus', () => {
  it('lists every required ecosystem', () => {
    const listed = new Set(runs.map((r) => r.ecosystem));
    for (const e of REQUIRED) expect(listed.has(e), e).toBe(true);
  });

  for (const run of runs.filter((r) => REQUIRED.includes(r.ecosystem))) {
    const plugin = ECOSYSTEM_PLUGINS.get(run.ecosystem as Ecosystem);
    const name = `${run.ecosystem} ${run.file}`;
    if (!plugin) {
      it(`${name}: has a plug-in`, () => {
        expect(plugin, `no plug-in for ${run.ecosystem}`).toBeDefined();
      });
      continue;
    }
    it(`${name} (${run.pairs} lines, both directions)`, () => {
      const lines = comparisons(readFileSync(join(VERSIONS, run.file), 'utf8'));
      expect(lines).toHaveLength(run.pairs);
      const failures: string[] = [];
      for (const { a, op, b, line } of lines) {
        try {
          const forward = plugin.compareVersions(a, b);
          const backward = plugin.compareVersions(b, a);
          if (forward !== op || backward !== -op) {
            failures.push(`line ${line}: ${a} ${'<=>'[op + 1]} ${b}, got ${forward}/${backward}`);
          }
        } catch (err) {
          failures.push(`line ${line}: ${a} vs ${b} threw ${(err as Error).message}`);
        }
      }
      agreement.push(`  ${name.padEnd(48)} ${lines.length - failures.length}/${lines.length}`);
      expect(failures.slice(0, 20)).toEqual([]);
    });
  }
});

it('finds the corpus beside the repository, or says loudly that it is missing', () => {
  expect(typeof available).toBe('boolean');
  if (available) expect(existsSync(join(VERSIONS, 'index.json'))).toBe(true);
});
