import { describe, expect, it } from 'vitest';
import { allManifestParsers, ParseError } from '@lockwarden/core';

const manifest = (await allManifestParsers()).find((m) => m.ecosystem === 'Go' && m.id === 'go.mod');

describe('go.mod manifest parser', () => {
  it('declares every require, with replacements applied and indirect ones scoped', () => {
    expect(manifest).toBeDefined();
    const deps = manifest!.parse(
      `module example.com/app
go 1.22
require (
\tgithub.com/spf13/cobra v1.8.0
\tgolang.org/x/net v0.20.0 // indirect
\texample.com/internal v0.0.0
)
replace example.com/internal => ./internal
replace golang.org/x/net v0.20.0 => example.com/fork/net v0.21.0
`,
      'go.mod',
    );
    expect(deps).toEqual([
      { ecosystem: 'Go', name: 'github.com/spf13/cobra', specifier: 'v1.8.0', purl: 'pkg:golang/github.com/spf13/cobra', scopes: [], location: { file: 'go.mod', line: 4 } },
      { ecosystem: 'Go', name: 'example.com/fork/net', specifier: 'v0.21.0', purl: 'pkg:golang/example.com/fork/net', scopes: ['indirect'], location: { file: 'go.mod', line: 9 } },
      { ecosystem: 'Go', name: './internal', specifier: './internal', purl: 'pkg:golang/./internal', scopes: [], location: { file: 'go.mod', line: 8 } },
    ]);
  });

  it('rejects a broken go.mod with a located ParseError', () => {
    expect(() => manifest!.parse('module m\nrequire github.com/x\n', 'go.mod')).toThrow(ParseError);
    expect(() => manifest!.parse('module m\nrequire github.com/x\n', 'go.mod')).toThrow('go.mod:2:');
  });
});
