import { describe, expect, it } from 'vitest';
import { allManifestParsers, LockwardenError } from '@lockwarden/core';
import { prng } from '../../../scripts/bench/harness.mjs';

const MUTATIONS_PER_FORMAT = 2000;

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

// The lockfile parsers are fuzzed by __tests__/conformance/fuzz.test.ts over the corpus; manifests are not in it.
describe('PyPI manifest parsers under mutation', () => {
  it.each(['pyproject.toml', 'requirements.in'])(`%s manifest: ${MUTATIONS_PER_FORMAT} mutated inputs give declarations or a typed error`, async (id) => {
    const parser = (await allManifestParsers()).find((m) => m.id === id);
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
