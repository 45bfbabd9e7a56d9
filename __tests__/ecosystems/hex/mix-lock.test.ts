import { describe, expect, it } from 'vitest';
import { loadLockfileParser } from '@lockwarden/core';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('mix.lock');


const INNER = '1'.repeat(64);
const OUTER = '2'.repeat(64);
const LOCK = `%{
  "jason": {:hex, :jason, "1.4.1", "${INNER}", [:mix], [{:decimal, "~> 1.0 or ~> 2.0", [hex: :decimal, repo: "hexpm", optional: true]}], "hexpm", "${OUTER}"},
  # a comment mix never writes, but Elixir allows
  "my_dep": {:git, "https://git.example.org/me/my_dep.git", "0123456789abcdef0123456789abcdef01234567", [tag: "v0.2.0"]},
  "renamed": {:hex, :actual_name, "0.1.0", "${INNER}", [:rebar3], [], "hexpm:acme", "${OUTER}"},
  "legacy": {:hex, :legacy, "0.0.1"},
  "path_like": {:path, "../x"},
}
`;

describe('mix.lock', () => {
  it('reads Hex and git entries with checksums, sources, purls and lines', () => {
    const inv = parser.parse(LOCK, 'mix.lock');
    expect(inv.ecosystem).toBe('Hex');
    expect(inv.packages.map((p) => [p.name, p.version, p.location.line])).toEqual([
      ['jason', '1.4.1', 2],
      ['my_dep', '', 4],
      ['actual_name', '0.1.0', 5],
      ['legacy', '0.0.1', 6],
    ]);
    const [jason, git, renamed, legacy] = inv.packages;
    expect(jason?.integrity).toEqual([
      { algorithm: 'sha256', value: OUTER },
      { algorithm: 'sha256', value: INNER },
    ]);
    expect(jason?.purl).toBe('pkg:hex/jason@1.4.1');
    expect(jason?.source).toEqual({ kind: 'registry' });
    expect(git?.source).toEqual({
      kind: 'git',
      url: 'https://git.example.org/me/my_dep.git',
      commit: '0123456789abcdef0123456789abcdef01234567',
      ref: 'v0.2.0',
    });
    expect(git?.integrity).toEqual([]);
    expect(git?.purl).toBe('pkg:hex/my_dep');
    expect(renamed?.source).toEqual({ kind: 'registry', url: 'hexpm:acme' });
    expect(legacy?.integrity).toEqual([]);
  });

  it('rejects truncated input with the line and column where it stops', () => {
    const err = errorOf(() => parser.parse(LOCK.slice(0, 120), 'mix.lock'));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^mix\.lock:2:\d+: /);
  });

  it('rejects code: calls and string interpolation are not data', () => {
    expect(errorOf(() => parser.parse('%{"a": File.read!("/etc/passwd")}', 'mix.lock')).line).toBe(1);
    expect(errorOf(() => parser.parse('%{"a": {:hex, :a, "#{System.cmd("id")}"}}', 'mix.lock')).reason).toBe(
      'string interpolation is code, not data',
    );
  });

  it('rejects empty files, non-maps, binary garbage and deep nesting', () => {
    expect(errorOf(() => parser.parse('', 'mix.lock')).reason).toBe('empty mix.lock: expected a map %{...}');
    expect(errorOf(() => parser.parse('[1, 2]', 'mix.lock')).reason).toBe('not a mix.lock: the file is not a map %{...}');
    expect(errorOf(() => parser.parse('\u0000\u0001\u00ff\ufffd', 'mix.lock')).line).toBe(1);
    const deep = `%{"a": ${'{'.repeat(100_000)}${'}'.repeat(100_000)}}`;
    expect(errorOf(() => parser.parse(deep, 'mix.lock')).reason).toBe('terms nested deeper than 64 levels');
  });

  it('copes with an enormous string and 5,000 entries', () => {
    const huge = `%{"a": {:hex, :a, "1.0.0", "${'f'.repeat(3_000_000)}", [:mix], [], "hexpm"}}`;
    expect(parser.parse(huge, 'mix.lock').packages[0]?.integrity).toEqual([]);
    const many = `%{\n${Array.from({ length: 5_000 }, (_, i) => `  "p${i}": {:hex, :p${i}, "1.0.${i}", "${INNER}", [:mix], [], "hexpm", "${OUTER}"},`).join('\n')}\n}`;
    expect(parser.parse(many, 'mix.lock').packages).toHaveLength(5_000);
  });
});
