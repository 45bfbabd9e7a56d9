import { describe, expect, it } from 'vitest';
import { allLockfileParsers, allManifestParsers } from '@lockwarden/core';
import { sizeRatio } from '../helpers/linear-time.js';

/**
 * Every parser is linear in its input: 1 MB of its worst known pattern may take at most ~20 times as long as
 * 100 KB of it (linear is 10x; quadratic is 100x; the slack above 10x is garbage collection, which grows with
 * the heap). Ratios, not absolute times, so a slow machine passes; the minimum of a few runs, so a loaded one
 * does too (load only ever adds time).
 */
const SMALL = 100_000;
const LARGE = 1_000_000;
const MAX_RATIO = 25;

const run = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));

/** The worst pattern found per parser id (`manifest:` for manifests): a run of one character at the spot that hurt. */
const WORST: Record<string, ((bytes: number) => string) | Array<(bytes: number) => string>> = {
  'package-lock.json': (n) => `{"lockfileVersion": 3, "packages": {"node_modules/a": {"version": "${run('\\', n)}`,
  // Long space runs in the error path took 6.9 s at 80 KB.
  'yarn.lock': (n) => `# yarn lockfile v1\n\na@1:\n  version "1"\n${run(' ', n)}x\n`,
  'pnpm-lock.yaml': (n) => `lockfileVersion: '9.0'\n${run(']', n)}`,
  'bun.lock': [
    (n) => `{"lockfileVersion": 1, "packages": {${run(' ', n)}"`,
    // A key of slashes: resolving its dependency walked every ancestor (fuzz #99212, 18,000 slashes: 2.5 s).
    (n) => `{"lockfileVersion": 1, "workspaces": {"": {"name": "x"}}, "packages": {"${run('a/', n)}a": ["a@1.0.0", "", {"dependencies": {"b": "1"}}, "sha512-x"]}}`,
  ],
  'go.mod': (n) => `module x\n\nrequire (\n${run('\t', n)}x`,
  // Not backslashes: smol-toml decodes each `\\` escape by string concatenation, and a megabyte of them is
  // garbage-collection bound (~35x, growing); that is the library's, reported, not ours to patch here.
  'Cargo.lock': (n) => `[[package]]\nname = "${run('a', n)}`,
  'Gemfile.lock': (n) => `GEM\n  remote: https://rubygems.example.org/\n  specs:\n${run(' ', n)}x (1.0)\n`,
  'composer.lock': (n) => `{"packages": [{"name": "a/b", "version": "1.0"}], "x": "${run('\\\\', n)}`,
  // Runs of backslashes took 4.6 s on a 60 KB line.
  'requirements.txt': (n) => `a==1.0 ${run('\\', n)}x\\\n`,
  'poetry.lock': (n) => `[[package]]\nname = "a"\nversion = "${run(' ', n)}`,
  'Pipfile.lock': (n) => `{"_meta": {}, "default": {"a": {"version": "==${run('\\\\', n)}"}}}`,
  'uv.lock': (n) => `version = 1\n\n[[package]]\nname = "a"\nversion = "1.0"\n${run('  \n', n)}`,
  'pdm.lock': (n) => `[metadata]\n\n[[package]]\nname = "a"\nversion = "1.0"\n${run('\n', n)}x`,
  'pylock.toml': (n) => `lock-version = "1.0"\n\n[[packages]]\nname = "a"\n${run('\r\n', n)}x`,
  'gradle.lockfile': (n) => `a:b:1.0=${run(',', n)}\n`,
  'pom.xml': (n) => `<project><dependencies><dependency><groupId>a</groupId>${run(' ', n)}`,
  'packages.lock.json': (n) => `{"version": 1, "dependencies": {"net8.0": {${run(' ', n)}`,
  'pubspec.lock': (n) => `packages:\n${run(']', n)}`,
  'mix.lock': (n) => `%{\n  "a": {:hex, :a, "${run('\\\\', n)}"}\n}\n`,
  'Package.resolved': (n) => `{"pins": [${run(' ', n)}`,
  'Podfile.lock': (n) => `PODS:\n${run(']', n)}`,
  'manifest:package.json': (n) => `{"dependencies": {${run(' ', n)}`,
  'manifest:go.mod': (n) => `module x\n\n${run('\n', n)}require a v1.0.0\n`,
  'manifest:Cargo.toml': (n) => `[dependencies]\n${run('  \n', n)}x = "1"\n`,
  'manifest:Gemfile': [
    (n) => `gem '${run('\\', n)}`,
    // A whitespace run in a block call (fuzz #84356: 17 KB of tabs in `group :test do`, 2.9 s).
    (n) => `group :tes${run('\t', n)}t do\n  gem 'a'\nend\n`,
  ],
  // A 40,000-character key was compiled into a regex; a long one now is a plain search.
  'manifest:composer.json': (n) => `{"require": {"a/${run('b', n)}": "^1.0"}}`,
  'manifest:pyproject.toml': (n) => `[tool.poetry.dependencies]\n${run('b', n)} = "1"\n`,
  'manifest:requirements.in': (n) => `a==1.0 ${run('\\', n)}x\\\n`,
  // Scanners of source, CI and model files: long runs where each looks for a reference.
  '.github/workflows/*.yml': (n) => `jobs:\n  a:\n    steps:\n${run('      - uses: a/b@v1\n', n)}`,
  'action.yml': (n) => `runs:\n  steps:\n${run('    - uses: a/b@v1\n', n)}`,
  '.gitlab-ci.yml': (n) => `include:\n${run('  - project: a/b\n', n)}`,
  Dockerfile: (n) => `FROM ${run('a', n)}\n`,
  'compose.yaml': (n) => `services:\n${run('  a:\n    image: b:1\n', n)}`,
  'kubernetes.yaml': (n) => `kind: Pod\nspec:\n  containers:\n${run('    - image: b:1\n', n)}`,
  '*.py': (n) => `from_pretrained(${run('(', n)}`,
  '*.js': (n) => `pipeline('a', 'b/c', ${run('[', n)}`,
  // Many maps, each with a key the scanner looks at (its own work). One huge scalar is the yaml library's cost
  // (measured linear, 0.1 s per MB, but garbage-collection bound near 30x at 1 MB on a loaded machine).
  'model-config': (n) => `items:\n${run('  - model_name_or_path: a/b\n', n)}`,
  'model-file': (n) => `\x80\x02${run('(', n)}`,
};

const targets = [
  ...(await allLockfileParsers()).map((p) => ({
    id: p.id,
    parse: p.parseBytes
      ? (text: string) => p.parseBytes?.(Buffer.from(text, 'latin1'), 'model.pkl', { fileSize: text.length })
      : (text: string) => p.parse(text, p.id, { readRelated: () => undefined }),
  })),
  ...(await allManifestParsers()).map((p) => ({ id: `manifest:${p.id}`, parse: (text: string) => p.parse(text, p.id) })),
];

describe('every parser is linear in its input', () => {
  it('has a worst pattern for every registered parser', () => {
    expect(Object.keys(WORST).sort()).toEqual(targets.map((t) => t.id).sort());
  });

  for (const target of targets) {
    const patterns = [WORST[target.id] ?? []].flat();
    patterns.forEach((make, p) => {
      const label = patterns.length > 1 ? ` (pattern ${p + 1})` : '';
      // Retried: a burst of load on a shared 2-core runner can inflate one measurement, but a quadratic parser (100x)
      // fails every time, so a retry never hides one.
      it(`${target.id}${label}: 1 MB of its worst pattern takes at most ${MAX_RATIO}x 100 KB`, { retry: 2, timeout: 180_000 }, () => {
        const { ratio, detail } = sizeRatio(target.parse, make(SMALL), make(LARGE), MAX_RATIO);
        expect(ratio, detail).toBeLessThanOrEqual(MAX_RATIO);
      });
    });
  }
});
