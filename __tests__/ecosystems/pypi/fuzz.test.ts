import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allManifestParsers, getLockfileParser, LockwardenError, type Inventory } from '@lockwarden/core';
import { prng } from '../../../scripts/bench/harness.mjs';
import { CONFORMANCE_DIR } from '../../helpers/conformance.js';

const MUTATIONS_PER_FORMAT = 2000;

/** Seeds: the corpus fixtures of the format when present, plus one inline file so the test runs without it. */
function seeds(corpusFolder: string, inline: string): string[] {
  const dir = join(CONFORMANCE_DIR, 'lockfiles', corpusFolder, 'testdata');
  const out = [inline];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (statSync(file).isFile() && statSync(file).size < 200_000) out.push(readFileSync(file, 'utf8'));
  }
  return out;
}

const STRUCTURAL = ['[', ']', '[[', ']]', '{', '}', '"', "'", '"""', '=', ',', '\n', '\\', '#', ':', '\0', '\uffff', '-r ', '@', ';'];

/** One random edit: delete, duplicate, insert structure or bytes, truncate, or swap two slices. */
function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const span = Math.floor(random() * 40);
  switch (Math.floor(random() * 6)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return text.slice(0, at) + text.slice(at, at + span).repeat(1 + Math.floor(random() * 50)) + text.slice(at);
    case 2:
      return text.slice(0, at) + (STRUCTURAL[Math.floor(random() * STRUCTURAL.length)] ?? '') + text.slice(at);
    case 3: {
      const bytes = Array.from({ length: 1 + span }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
      return text.slice(0, at) + bytes + text.slice(at);
    }
    case 4:
      return text.slice(0, at);
    default: {
      const other = Math.floor(random() * (text.length + 1));
      const [a, b] = at < other ? [at, other] : [other, at];
      return text.slice(b, b + span) + text.slice(a, b) + text.slice(a, a + span) + text.slice(b + span);
    }
  }
}

function wellFormed(inv: Inventory): boolean {
  return inv.packages.every(
    (p) => typeof p.name === 'string' && p.name !== '' && typeof p.version === 'string' && p.purl.startsWith('pkg:pypi/'),
  );
}

const LOCKFILES: [format: string, corpus: string, inline: string][] = [
  ['requirements.txt', 'python/requirements', 'a==1.0 \\\n  --hash=sha256:00ff\n-r other.txt\nb[x]>=2 ; python_version<"3"\nc @ https://x.example/c-1.0.tar.gz\n'],
  ['poetry.lock', 'python/poetrylock', '[[package]]\nname = "a"\nversion = "1"\ngroups = ["main"]\n[package.dependencies]\nb = "*"\n'],
  ['Pipfile.lock', 'python/pipfilelock', '{"default": {"a": {"version": "==1", "hashes": []}}, "develop": {}}'],
  ['uv.lock', 'python/uvlock', 'version = 1\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "https://x" }\n'],
  ['pdm.lock', 'python/pdmlock', '[[package]]\nname = "a"\nversion = "1"\ngroups = ["default"]\ndependencies = ["b>=1"]\n'],
  ['pylock.toml', 'python/pylock', 'lock-version = "1.0"\n[[packages]]\nname = "a"\nversion = "1"\n'],
];

describe('PyPI parsers under mutation', () => {
  it.each(LOCKFILES)(`%s: ${MUTATIONS_PER_FORMAT} mutated inputs give an inventory or a typed error, nothing else`, (format, corpus, inline) => {
    const parser = getLockfileParser(format);
    const pool = seeds(corpus, inline);
    const random = prng(0x5eed + format.length);
    let parsed = 0;
    let rejected = 0;
    const readRelated = (): string => pool[0] ?? '';
    for (let i = 0; i < MUTATIONS_PER_FORMAT; i++) {
      let text = pool[i % pool.length] ?? '';
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) text = mutate(text, random);
      try {
        const inv = parser.parse(text, format, { readRelated });
        if (!wellFormed(inv)) throw new Error(`malformed inventory for input #${i}`);
        parsed++;
      } catch (err) {
        if (!(err instanceof LockwardenError)) throw new Error(`input #${i}: untyped ${String(err)}`, { cause: err });
        rejected++;
      }
    }
    expect(parsed + rejected).toBe(MUTATIONS_PER_FORMAT);
    // Both outcomes occur, so the mutations neither only break nor only miss the syntax.
    expect(parsed).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  it.each(['pyproject.toml', 'requirements.in'])(`%s manifest: ${MUTATIONS_PER_FORMAT} mutated inputs give declarations or a typed error`, (id) => {
    const parser = allManifestParsers().find((m) => m.id === id);
    if (!parser) throw new Error(`no manifest parser ${id}`);
    const seed =
      id === 'pyproject.toml'
        ? '[project]\ndependencies = ["a>=1", "b @ https://x/b.whl"]\n[tool.poetry.dependencies]\nc = { version = "^1", optional = true }\n'
        : 'a>=1\n-e git+https://x/y.git#egg=y\nb==2 --hash=sha256:00\n';
    const random = prng(0xfade + id.length);
    let handled = 0;
    for (let i = 0; i < MUTATIONS_PER_FORMAT; i++) {
      let text = seed;
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) text = mutate(text, random);
      try {
        const deps = parser.parse(text, id);
        if (!deps.every((d) => d.name !== '' && d.purl.startsWith('pkg:pypi/'))) throw new Error(`bad declaration #${i}`);
      } catch (err) {
        if (!(err instanceof LockwardenError)) throw new Error(`input #${i}: untyped ${String(err)}`, { cause: err });
      }
      handled++;
    }
    expect(handled).toBe(MUTATIONS_PER_FORMAT);
  });
});
