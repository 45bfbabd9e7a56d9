import { describe, expect, it } from 'vitest';
import { allLockfileParsers, allManifestParsers } from '@lockwarden/core';
import { syntheticPair } from '../../scripts/bench/scale-formats.mjs';
import { syntheticJsLockfiles } from '../../scripts/bench/synthetic-js-lockfiles.mjs';
import { sizeRatio } from '../helpers/linear-time.js';

/**
 * Every parser is linear in the number of entries, not only in the length of one run of a character
 * (linear-time.test.ts): a valid file of 5,000 entries may take at most ~25 times as long as one of 500 (linear is
 * 10x; quadratic, such as a lookup of each entry among all before it, is 100x). Each file is checked to parse to
 * at least as many entries as it has, so a generator that drifts into an error path cannot pass by being rejected
 * quickly.
 */
const SMALL = 500;
const LARGE = 5_000;
const MAX_RATIO = 25;

const id = (i: number): string => i.toString(36);
const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('');
const sha = (i: number): string => (i.toString(16).padStart(8, '0') + 'ab'.repeat(28)).slice(0, 64);

const js = new Map<number, Record<string, [string, string]>>();
const jsLock = (file: string) => (count: number): string => {
  if (!js.has(count)) js.set(count, syntheticJsLockfiles(count) as Record<string, [string, string]>);
  return js.get(count)![file]![0];
};
const scaled = (file: string) => (count: number): string => (syntheticPair(file, count) as [string, string])[0];

/** A protocol-2 pickle that imports `count` distinct globals (GLOBAL + POP each), then returns None. */
const pickleOfGlobals = (count: number): string => `\x80\x02${lines(count, (i) => `cmod_${id(i)}\nfunc\n0`)}N.`;

/** Parser id -> valid files of `count` entries (several for a parser that reads several shapes). */
const MANY: Record<string, ((count: number) => string) | Array<(count: number) => string>> = {
  'package-lock.json': jsLock('package-lock.json'),
  'yarn.lock': [jsLock('yarn.lock'), jsLock('berry/yarn.lock')],
  'pnpm-lock.yaml': jsLock('pnpm-lock.yaml'),
  'bun.lock': jsLock('bun.lock'),
  'go.mod': scaled('go.mod'),
  'Cargo.lock': scaled('Cargo.lock'),
  'Gemfile.lock': scaled('Gemfile.lock'),
  'composer.lock': scaled('composer.lock'),
  'requirements.txt': scaled('requirements.txt'),
  'poetry.lock': scaled('poetry.lock'),
  'Pipfile.lock': scaled('Pipfile.lock'),
  'uv.lock': scaled('uv.lock'),
  'pdm.lock': (n) =>
    `[metadata]\ngroups = ["default"]\nlock_version = "4.4.1"\n\n${lines(n, (i) => `[[package]]\nname = "pkg-${id(i)}"\nversion = "1.${i % 50}.0"\ngroups = ["default"]\n${i > 0 ? `dependencies = ["pkg-${id(i - 1)}>=1"]\n` : ''}files = [\n    {file = "pkg_${id(i)}-1.0.tar.gz", hash = "sha256:${sha(i)}"},\n]\n\n`)}`,
  'pylock.toml': (n) =>
    `lock-version = "1.0"\ncreated-by = "test"\n\n${lines(n, (i) => `[[packages]]\nname = "pkg-${id(i)}"\nversion = "1.${i % 50}.0"\nindex = "https://pypi.example.org/simple"\n${i > 0 ? `dependencies = [{ name = "pkg-${id(i - 1)}" }]\n` : ''}\n[[packages.wheels]]\nname = "pkg_${id(i)}-1.0-py3-none-any.whl"\nhashes = { sha256 = "${sha(i)}" }\n\n`)}`,
  'gradle.lockfile': scaled('gradle.lockfile'),
  'pom.xml': (n) =>
    `<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId><artifactId>app</artifactId><version>1.0</version><dependencies>\n${lines(n, (i) => `<dependency><groupId>org.example</groupId><artifactId>artifact-${id(i)}</artifactId><version>1.${i % 50}.0</version></dependency>\n`)}</dependencies></project>\n`,
  'packages.lock.json': scaled('packages.lock.json'),
  'pubspec.lock': scaled('pubspec.lock'),
  'mix.lock': scaled('mix.lock'),
  'Package.resolved': scaled('Package.resolved'),
  'Podfile.lock': scaled('Podfile.lock'),
  '.github/workflows/*.yml': (n) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${lines(n, (i) => `      - uses: owner/action-${id(i)}@v1\n`)}`,
  'action.yml': (n) => `name: x\nruns:\n  using: composite\n  steps:\n${lines(n, (i) => `    - uses: owner/action-${id(i)}@v1\n`)}`,
  '.gitlab-ci.yml': (n) => `include:\n${lines(n, (i) => `  - project: group/project-${id(i)}\n    ref: v1\n    file: ci.yml\n`)}`,
  Dockerfile: (n) => lines(n, (i) => `FROM registry.example.org/image-${id(i)}:1.0 AS stage${i}\nRUN true\n`),
  'compose.yaml': (n) => `services:\n${lines(n, (i) => `  svc-${id(i)}:\n    image: registry.example.org/image-${id(i)}:1.0\n`)}`,
  'kubernetes.yaml': (n) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n${lines(n, (i) => `    - name: c${i}\n      image: registry.example.org/image-${id(i)}:1.0\n`)}`,
  '*.py': (n) => `from transformers import AutoModel\n${lines(n, (i) => `m${i} = AutoModel.from_pretrained("org/model-${id(i)}")\n`)}`,
  '*.js': [
    (n) => `import { pipeline } from '@huggingface/transformers';\n${lines(n, (i) => `const p${i} = await pipeline('feature-extraction', 'org/model-${id(i)}');\n`)}`,
    // Many top-level declarations, as a bundler writes them: a parser that looks each name up among all declared
    // before it (acorn's scopes are arrays) is quadratic here — 64x at 4 declarations per entry.
    (n) => `import { pipeline } from '@huggingface/transformers';\n${lines(n, (i) => `const a${i} = 1, b${i} = 2, c${i} = 3;\nconst p${i} = await pipeline('feature-extraction', 'org/model-${id(i)}');\n`)}`,
  ],
  'model-config': (n) => `models:\n${lines(n, (i) => `  - model_name_or_path: org/model-${id(i)}\n`)}`,
  'model-file': pickleOfGlobals,
  'manifest:package.json': (n) => JSON.stringify({ name: 'app', dependencies: Object.fromEntries(Array.from({ length: n }, (_, i) => [`pkg-${id(i)}`, `^1.${i % 50}.0`])) }, null, 2),
  'manifest:go.mod': (n) => `module example.org/app\n\ngo 1.21\n\nrequire (\n${lines(n, (i) => `\texample.org/mod-${id(i)} v1.${i % 50}.0\n`)})\n`,
  'manifest:Cargo.toml': (n) => `[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\n${lines(n, (i) => `crate-${id(i)} = "1.${i % 50}"\n`)}`,
  'manifest:Gemfile': (n) => `source 'https://rubygems.example.org'\n\n${lines(n, (i) => `gem 'gem-${id(i)}', '~> 1.${i % 50}'\n`)}`,
  'manifest:composer.json': (n) => JSON.stringify({ require: Object.fromEntries(Array.from({ length: n }, (_, i) => [`vendor/pkg-${id(i)}`, `^1.${i % 50}`])) }, null, 4),
  'manifest:pyproject.toml': (n) => `[project]\nname = "app"\nversion = "0.1.0"\ndependencies = [\n${lines(n, (i) => `  "pkg-${id(i)}>=1.${i % 50}",\n`)}]\n`,
  'manifest:requirements.in': (n) => lines(n, (i) => `pkg-${id(i)}>=1.${i % 50}\n`),
};

/** What a parse found: packages of a lockfile, declared dependencies of a manifest. */
const targets = [
  ...(await allLockfileParsers()).map((p) => ({
    id: p.id,
    parse: p.parseBytes
      ? (text: string) => p.parseBytes!(Buffer.from(text, 'latin1'), 'model.pkl', { fileSize: text.length })
      : (text: string) => p.parse(text, p.id, { readRelated: () => undefined }),
    // A model file is one package; its entries are the imports its pickle makes.
    count: (result: unknown) => {
      const inv = result as { packages: Array<{ reference?: { scan?: { imports?: unknown[] } } }> };
      return p.id === 'model-file' ? (inv.packages[0]?.reference?.scan?.imports?.length ?? 0) : inv.packages.length;
    },
  })),
  ...(await allManifestParsers()).map((p) => ({
    id: `manifest:${p.id}`,
    parse: (text: string) => p.parse(text, p.id),
    count: (result: unknown) => (result as unknown[]).length,
  })),
];

describe('every parser is linear in the number of entries', () => {
  it('has a many-entries generator for every registered parser', () => {
    expect(Object.keys(MANY).sort()).toEqual(targets.map((t) => t.id).sort());
  });

  for (const target of targets) {
    const generators = [MANY[target.id] ?? []].flat();
    generators.forEach((make, g) => {
      const label = generators.length > 1 ? ` (shape ${g + 1})` : '';
      // Retried for the same reason as linear-time.test.ts: load inflates one measurement, never a quadratic one.
      it(`${target.id}${label}: ${LARGE} valid entries take at most ${MAX_RATIO}x ${SMALL}`, { retry: 2, timeout: 180_000 }, () => {
        const small = make(SMALL);
        const large = make(LARGE);
        expect(target.count(target.parse(small))).toBeGreaterThanOrEqual(SMALL);
        expect(target.count(target.parse(large))).toBeGreaterThanOrEqual(LARGE);
        const { ratio, detail } = sizeRatio(target.parse, small, large, MAX_RATIO);
        expect(ratio, `${detail} (${(large.length / 1024).toFixed(0)} KB)`).toBeLessThanOrEqual(MAX_RATIO);
      });
    });
  }
});
