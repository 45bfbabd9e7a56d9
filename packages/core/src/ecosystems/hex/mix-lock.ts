import { ParseError } from '../../errors.js';
import type { Hash, Package, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { MAX_LOCKFILE_BYTES } from '../../parse/json.js';
import type { LockfileParser } from '../types.js';
import { readElixirTerm, type ElixirTerm } from './elixir-term.js';

function textOf(term: ElixirTerm | undefined): string | undefined {
  return term && (term.kind === 'string' || term.kind === 'atom') ? term.value : undefined;
}

function sha256(term: ElixirTerm | undefined): Hash | undefined {
  const value = textOf(term)?.toLowerCase();
  return value && /^[0-9a-f]{64}$/.test(value) ? { algorithm: 'sha256', value } : undefined;
}

/** `[branch: "x"]` / `[tag: "v1"]` / `[ref: "abc"]` options of a git dependency. */
function gitRef(options: ElixirTerm | undefined): string | undefined {
  if (options?.kind !== 'list') return undefined;
  for (const item of options.items) {
    if (item.kind !== 'tuple') continue;
    const [key, value] = item.items;
    if (['branch', 'tag', 'ref'].includes(textOf(key) ?? '')) return textOf(value);
  }
  return undefined;
}

interface Entry {
  name: string;
  version: string;
  integrity: Hash[];
  source: Source;
}

/**
 * One lock entry. Hex: `{:hex, :name, "version", "inner sha256", [managers], [deps], "repo", "outer sha256"}`
 * (older locks stop after the deps or the version). Git: `{:git, "url", "commit", [opts]}`. Entries of another
 * shape are skipped, as mix and the peer extractor skip them.
 */
function readEntry(key: string, term: ElixirTerm): Entry | undefined {
  if (term.kind !== 'tuple') return undefined;
  const [scm, ...rest] = term.items;
  switch (textOf(scm)) {
    case 'hex': {
      const [name, version, inner, , , repo, outer] = rest;
      const pkg = textOf(name);
      const v = textOf(version);
      if (!pkg || v === undefined || version?.kind !== 'string') return undefined;
      // The outer checksum is the SHA-256 of the tarball a registry serves; the inner one covers its contents.
      const integrity = [sha256(outer), sha256(inner)].filter((h): h is Hash => h !== undefined);
      const repository = textOf(repo);
      return {
        name: pkg,
        version: v,
        integrity,
        source: repository && repository !== 'hexpm' ? { kind: 'registry', url: repository } : { kind: 'registry' },
      };
    }
    case 'git': {
      const [url, commit, options] = rest;
      const u = textOf(url);
      if (url?.kind !== 'string' || !u) return undefined;
      const source: Source = { kind: 'git', url: u };
      const c = textOf(commit);
      if (c) source.commit = c;
      const ref = gitRef(options);
      if (ref) source.ref = ref;
      // A git dependency has no registry version; mix.lock keys it by the app name.
      return { name: key, version: '', integrity: [], source };
    }
    default:
      return undefined;
  }
}

/** Elixir's `mix.lock` (also used by Erlang projects built with mix): Hex packages and git dependencies. */
export const mixLockParser: LockfileParser = {
  id: 'mix.lock',
  ecosystem: 'Hex',
  fileNames: ['mix.lock'],
  conformance: ['elixir/mixlock', 'erlang/mixlock'],
  parse(text, path) {
    if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(path, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
    if (text.trim() === '') throw new ParseError(path, 'empty mix.lock: expected a map %{...}', { line: 1 });
    const { term, line } = readElixirTerm(text, path);
    if (term.kind !== 'map') throw new ParseError(path, 'not a mix.lock: the file is not a map %{...}', { line: 1 });
    const packages: Package[] = [];
    for (const { key, value } of term.entries) {
      const app = textOf(key);
      if (app === undefined) continue;
      const entry = readEntry(app, value);
      if (!entry) continue;
      const entryLine = line(key.offset);
      let purl: string;
      try {
        purl = buildPurl('hex', undefined, entry.name, entry.version);
      } catch (err) {
        throw new ParseError(path, `"${entry.name}" is not a valid Hex package name`, { line: entryLine }, { cause: err });
      }
      packages.push({
        id: app,
        ecosystem: 'Hex',
        name: entry.name,
        version: entry.version,
        purl,
        // mix.lock does not record which dependencies mix.exs declares.
        direct: false,
        scopes: [],
        integrity: entry.integrity,
        source: entry.source,
        location: { file: path, line: entryLine },
      });
    }
    return { lockfile: path, format: 'mix.lock', ecosystem: 'Hex', packages, projects: [] };
  },
};
