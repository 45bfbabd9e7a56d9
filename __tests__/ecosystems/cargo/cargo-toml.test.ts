import { describe, expect, it } from 'vitest';
import { allManifestParsers, ParseError } from '@lockwarden/core';

const manifest = (await allManifestParsers()).find((m) => m.id === 'Cargo.toml');

describe('Cargo.toml manifest parser', () => {
  it('declares normal, dev, build, target-specific and workspace dependencies', () => {
    const deps = manifest!.parse(
      `[package]
name = "app"
version = "0.1.0"

[dependencies]
serde = { version = "1.0", features = ["derive"] }
tokio = "1.37"
json = { package = "serde_json", version = "^1.0.100", optional = true }
forked = { git = "https://github.com/example/forked", branch = "fix" }
local = { path = "../local" }
shared = { workspace = true }

[dev-dependencies]
proptest = "1"

[build-dependencies.cc]
version = "1.0.90"

[target.'cfg(windows)'.dependencies]
winapi = "0.3"

[workspace.dependencies]
anyhow = "1.0"
`,
      'Cargo.toml',
    );
    expect(deps.map((d) => `${d.name} ${d.specifier} [${d.scopes.join(',')}] line=${d.location.line}`)).toEqual([
      'serde 1.0 [] line=6',
      'tokio 1.37 [] line=7',
      'serde_json ^1.0.100 [optional] line=8',
      'forked https://github.com/example/forked?branch=fix [] line=9',
      'local ../local [] line=10',
      'shared workspace [] line=11',
      'proptest 1 [dev] line=14',
      'cc 1.0.90 [build] line=16',
      'winapi 0.3 [] line=20',
      'anyhow 1.0 [] line=23',
    ]);
    expect(deps[0]?.purl).toBe('pkg:cargo/serde');
    expect(deps.every((d) => d.ecosystem === 'crates.io')).toBe(true);
  });

  it('keeps __proto__ as a plain dependency name without touching prototypes', () => {
    expect(() => manifest!.parse('[dependencies]\n__proto__ = "1"\n', 'Cargo.toml')).not.toThrow();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects malformed manifests with a located ParseError', () => {
    expect(() => manifest!.parse('[dependencies]\nserde = 1\n', 'Cargo.toml')).toThrow('Cargo.toml:2: dependency "serde": must be a version string or a table');
    expect(() => manifest!.parse('[dependencies]\nserde = { version = 1 }\n', 'Cargo.toml')).toThrow(ParseError);
    expect(() => manifest!.parse('dependencies = "x"\n', 'Cargo.toml')).toThrow(ParseError);
    expect(() => manifest!.parse('[dependencies\n', 'Cargo.toml')).toThrow('Cargo.toml:1:');
  });
});
