import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEcosystemPlugin, loadLockfileParser, ParseError, parsePurl, type Inventory } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../../helpers/conformance.js';
import { checkTypedFailures, mutations } from '../../helpers/mutate-input.js';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('go.mod');

function parse(text: string, related: Record<string, string> = {}): Inventory {
  return parser.parse(text, 'svc/go.mod', { readRelated: (rel) => related[rel] });
}

function summary(inv: Inventory): string[] {
  return inv.packages.map((p) => `${p.name}@${p.version}${p.direct ? '' : ' (indirect)'}`).sort();
}

const parseError = (text: string): ParseError => errorOf(() => parse(text));

describe('go.mod lockfile parser', () => {
  it('is registered for Go with the golang purl type', async () => {
    const plugin = getEcosystemPlugin('Go');
    expect(plugin.purlType).toBe('golang');
    expect(await plugin.lockfiles.find((f) => f.id === 'go.mod')?.load()).toBe(parser);
    expect(parser.fileNames).toEqual(['go.mod']);
  });

  it('reads direct and indirect requirements, strips the v and adds stdlib from the go directive', () => {
    const inv = parse(`module example.com/app

go 1.21

require (
\tgithub.com/BurntSushi/toml v1.0.0
\t"gopkg.in/yaml.v3" v3.0.1 // pinned for #12
)

require golang.org/x/sys v0.0.0-20210630005230-0f9fa26af87c // indirect
require github.com/old/lib v2.3.0+incompatible // indirect; needed by toml
`);
    expect(summary(inv)).toEqual([
      'github.com/BurntSushi/toml@1.0.0',
      'github.com/old/lib@2.3.0+incompatible (indirect)',
      'golang.org/x/sys@0.0.0-20210630005230-0f9fa26af87c (indirect)',
      'gopkg.in/yaml.v3@3.0.1',
      'stdlib@1.21',
    ]);
    expect(inv.format).toBe('go.mod');
    expect(inv.ecosystem).toBe('Go');
    expect(inv.edges).toBeUndefined();
    expect(inv.projects).toEqual([{ id: '.', name: 'example.com/app', path: '' }]);
    const toml = inv.packages.find((p) => p.name === 'github.com/BurntSushi/toml');
    expect(toml?.location).toEqual({ file: 'svc/go.mod', line: 6 });
    expect(toml?.purl).toBe('pkg:golang/github.com/BurntSushi/toml@v1.0.0');
    expect(inv.packages.find((p) => p.name === 'stdlib')?.location.line).toBe(3);
  });

  it('canonicalises shorthand versions as the go command does (v1.2 → 1.2.0)', () => {
    expect(summary(parse('module m\ngo 1.22\nrequire example.com/a v1.2\n'))).toEqual(['example.com/a@1.2.0', 'stdlib@1.22']);
  });

  it('takes the toolchain release over the go directive, ignoring toolchain default', () => {
    expect(summary(parse('module m\ngo 1.22.1\ntoolchain go1.23.4-custom\n')).at(-1)).toBe('stdlib@1.23.4');
    expect(summary(parse('module m\ngo 1.22.1\ntoolchain default\n'))).toEqual(['stdlib@1.22.1']);
  });

  it('applies replace directives: versioned, versionless (all versions) and local directories', () => {
    const inv = parse(`module m
go 1.20
require (
\tgolang.org/x/net v1.2.3
\tgolang.org/x/text v0.3.0
\tgolang.org/x/text v0.4.0 // indirect
\texample.com/local v1.0.0
)
replace golang.org/x/net v1.2.3 => example.com/fork/net v1.4.5
replace golang.org/x/text => example.com/fork/text v0.9.0
replace example.com/local => ../local
replace not.required/mod v1.0.0 => other.example/mod v2.0.0
`);
    expect(summary(inv)).toEqual([
      '../local@',
      'example.com/fork/net@1.4.5',
      'example.com/fork/text@0.9.0',
      'stdlib@1.20',
    ]);
    const local = inv.packages.find((p) => p.name === '../local');
    expect(local?.source).toEqual({ kind: 'path', path: '../local' });
    expect(local?.version).toBe('');
  });

  it('prefers a version-specific replace over a path-wide one, whatever their order, and does not chain them', () => {
    const inv = parse(`module m
go 1.21
require (
	example.com/a v1.0.0
	example.com/a v1.1.0
	example.com/b v1.0.0
)
replace example.com/a v1.0.0 => example.com/exact v9.0.0
replace example.com/a => example.com/wide v8.0.0
replace example.com/b => example.com/a v1.1.0
`);
    expect(summary(inv)).toEqual(['example.com/a@1.1.0', 'example.com/exact@9.0.0', 'example.com/wide@8.0.0', 'stdlib@1.21']);
  });

  it('stays linear with thousands of requires and replaces', () => {
    const n = 20_000;
    const text = `module m\ngo 1.21\nrequire (\n${Array.from({ length: n }, (_, i) => `\tex.org/m${i} v1.0.0\n`).join('')})\nreplace (\n${Array.from({ length: n }, (_, i) => `\tex.org/m${i} => ex.org/fork${i} v1.0.1\n`).join('')})\n`;
    const inv = parse(text);
    expect(inv.packages).toHaveLength(n + 1);
    expect(inv.packages[0]?.name).toBe('ex.org/fork0');
  });

  it('reads the sibling go.sum for go ≤ 1.16 and for a go.mod without go directive', () => {
    const sum = [
      'github.com/a/b v1.0.0 h1:AAAA=',
      'github.com/a/b v1.0.0/go.mod h1:BBBB=',
      'github.com/c/d v0.1.0/go.mod h1:CCCC=',
      'github.com/e/f v2.0.0+incompatible h1:DDDD=',
      '',
    ].join('\n');
    const old = parse('module m\ngo 1.16\nrequire github.com/a/b v1.0.0\n', { 'go.sum': sum });
    expect(summary(old)).toEqual(['github.com/a/b@1.0.0', 'github.com/e/f@2.0.0+incompatible (indirect)', 'stdlib@1.16']);
    expect(old.packages.find((p) => p.name === 'github.com/e/f')?.location).toEqual({ file: 'svc/go.sum', line: 4 });
    expect(summary(parse('module m\nrequire github.com/a/b v1.0.0\n', { 'go.sum': sum }))).toHaveLength(2);
    // From 1.17 go.mod is complete, so go.sum is not read (even a broken one).
    expect(summary(parse('module m\ngo 1.17\nrequire github.com/a/b v1.0.0\n', { 'go.sum': 'garbage' }))).toHaveLength(2);
  });

  it('names the go.sum line of a malformed go.sum it has to read', () => {
    let caught: unknown;
    try {
      parse('module m\ngo 1.16\n', { 'go.sum': 'github.com/a/b v1.0.0 h1:x=\nnot a go.sum line at all\n' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).message).toBe('svc/go.sum:2:1: malformed go.sum line: expected "module version hash", got 6 fields');
  });

  it('rejects what go mod would reject, with line and column', () => {
    expect(parseError('this is not a go.mod file!').message).toBe('svc/go.mod:1:1: unknown directive: "this"');
    expect(parseError('module m\nrequire example.com/a 1.2.3\n').message).toBe(
      'svc/go.mod:2:23: require: version "1.2.3" invalid: must be of the form v1.2.3',
    );
    expect(parseError('module m\nrequire (\n  example.com/a v1.0.0\n').message).toBe('svc/go.mod:2:1: "require (" block is never closed');
    expect(parseError('module m\nmodule n\n').reason).toBe('repeated module statement');
    expect(parseError('go 1.16.x\n').line).toBe(1);
    expect(parseError('replace a.example/b => c.example/d\n').reason).toContain('replacement module without version must be directory path');
    expect(parseError('replace a.example/b => ./d v1.0.0\n').reason).toBe('replace: replacement module directory path must not have version');
    expect(parseError('require "unterminated v1.0.0\n').reason).toBe('unterminated string');
    expect(parseError('require ( (\n').line).toBe(1);
    expect(parseError(')\n').line).toBe(1);
    expect(parseError('require example.com/a v1.0.0-01\n').line).toBe(1);
    expect(parseError('require example.com/a v1.0.0+incompatible\n').line).toBe(1);
    const long = parseError(`module m\nrequire example.com/a v1.0${'a'.repeat(400_000)}\n`);
    expect(long.message.length).toBeLessThan(200);
    expect(parseError('module m\n\u0000\u0001\u0002ELF\n').message).toBe('svc/go.mod:2:1: unexpected control or binary character (0x0)');
  });

  it('accepts the other directives go.mod may hold', () => {
    const inv = parse(`module m
go 1.24
godebug default=go1.21
godebug (
\tpanicnil=1
)
exclude example.com/bad v1.0.0
retract v1.0.1 // published by mistake
retract [v1.1.0, v1.2.0]
tool golang.org/x/tools/cmd/stringer
ignore ./node_modules
require ()
`);
    expect(summary(inv)).toEqual(['stdlib@1.24']);
  });

  it('handles an enormous line and a long file in linear time', () => {
    const huge = `module m\nrequire example.com/${'a'.repeat(2_000_000)} v1.0.0\n`;
    expect(parse(huge).packages).toHaveLength(1);
    const wide = `module m\n// ${'x'.repeat(1_000_000)}\nrequire example.com/${'(((('.repeat(100_000)} v1.0.0\n`;
    expect(() => parse(wide)).toThrow(ParseError);
    const many = `module m\ngo 1.21\nrequire (\n${Array.from({ length: 20_000 }, (_, i) => `\texample.com/m${i} v1.0.${i}\n`).join('')})\n`;
    expect(parse(many).packages).toHaveLength(20_001);
  });

  it('gives purls that packageurl-js reads back', () => {
    for (const p of parse('module m\ngo 1.21\nrequire example.com/a/b/c v1.2.3-rc.1\nrequire x.example/y v2.0.0+incompatible\n').packages) {
      const purl = parsePurl(p.purl);
      expect(purl.type).toBe('golang');
      if (p.name === 'stdlib') expect(p.purl).toBe('pkg:golang/stdlib@1.21');
      else expect(`${purl.namespace}/${purl.name}@${purl.version}`).toBe(`${p.name}@v${p.version}`);
    }
  });

  it.skipIf(!conformanceAvailable())('never throws anything but a located ParseError on 2,000 mutated corpus files', () => {
    const dir = join(CONFORMANCE_DIR, 'lockfiles/golang/gomod/testdata');
    const seeds = readdirSync(dir)
      .filter((f) => f.endsWith('.mod'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const sum = readFileSync(join(dir, 'indirect-1.16.sum'), 'utf8');
    const inputs = mutations(seeds, 2000, 7);
    const sums = mutations([sum], 2000, 8);
    let i = 0;
    const result = checkTypedFailures(inputs, (text) => parse(text, { 'go.sum': sums[i++ % sums.length] as string }));
    expect(result.problems).toEqual([]);
    expect(inputs).toHaveLength(2000);
    expect(result.rejected).toBeGreaterThan(0);
  });
});
