import { ParseError } from '../../errors.js';
import type { Edge, Inventory } from '../../model/inventory.js';
import type { Hash, Package, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import type { LockfileParser } from '../types.js';
import { isTable, parseTomlDocument as parseToml } from '../../parse/toml.js';

const CARGO_SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

interface LockedCrate {
  pkg: Package;
  sourceText: string | undefined;
  dependencies: string[];
}

/**
 * Cargo.lock (v1–v4). Every `[[package]]` is reported, including workspace members and path crates (they have
 * no `source`). Direct dependencies are those of the sourceless crates (the workspace); edges come from
 * each package's `dependencies` list, whose entries are `name`, `name version` or `name version (source)`.
 */
export const cargoLockParser: LockfileParser = {
  id: 'Cargo.lock',
  ecosystem: 'crates.io',
  fileNames: ['Cargo.lock'],
  conformance: ['rust/cargolock'],
  parse(text: string, path: string): Inventory {
    const doc = parseToml(text, path, { arrayTable: 'package' });
    const headerLines = packageHeaderLines(text);
    const list = doc['package'];
    if (list !== undefined && !Array.isArray(list)) {
      throw new ParseError(path, '"package" must be an array of tables ([[package]])', { line: lineOfPackageKey(text) });
    }
    const v1Checksums = metadataChecksums(doc['metadata']);
    const crates: LockedCrate[] = (list ?? []).map((entry: unknown, i: number) => {
      const line = headerLines[i] ?? 1;
      const fail = (reason: string): never => {
        throw new ParseError(path, `[[package]] #${i + 1}: ${reason}`, { line });
      };
      if (!isTable(entry)) fail('not a table');
      const table = entry as Record<string, unknown>;
      const name = table['name'];
      const version = table['version'];
      if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) fail('missing or invalid "name"');
      if (typeof version !== 'string' || !CARGO_SEMVER.test(version)) fail('missing or invalid "version" (Cargo needs SemVer x.y.z)');
      const sourceText = table['source'];
      if (sourceText !== undefined && typeof sourceText !== 'string') fail('"source" must be a string');
      const deps = table['dependencies'] ?? [];
      if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string')) fail('"dependencies" must be an array of strings');
      const checksum = table['checksum'] ?? v1Checksums.get(`${name as string} ${version as string} (${(sourceText as string | undefined) ?? ''})`);
      const integrity: Hash[] = [];
      if (checksum !== undefined) {
        if (typeof checksum !== 'string' || !/^[0-9a-fA-F]{64}$/.test(checksum)) fail('"checksum" must be a SHA-256 hex digest');
        integrity.push({ algorithm: 'sha256', value: (checksum as string).toLowerCase() });
      }
      const pkg: Package = {
        id: `${name as string}@${version as string}`,
        ecosystem: 'crates.io',
        name: name as string,
        version: version as string,
        purl: buildPurl('cargo', undefined, name as string, version as string),
        direct: false,
        scopes: [],
        integrity,
        source: parseCargoSource(sourceText as string | undefined),
        location: { file: path, line },
      };
      return { pkg, sourceText: sourceText as string | undefined, dependencies: deps as string[] };
    });
    // The same name@version can come from two sources (a registry and a git fork); keep ids unique.
    const ids = new Map<string, number>();
    for (const c of crates) ids.set(c.pkg.id, (ids.get(c.pkg.id) ?? 0) + 1);
    for (const c of crates) if ((ids.get(c.pkg.id) ?? 0) > 1) c.pkg.id = `${c.pkg.id} (${c.sourceText ?? 'local'})`;

    const edges = resolveEdges(crates);
    const roots = new Set(crates.filter((c) => c.sourceText === undefined).map((c) => c.pkg.id));
    const direct = new Set(roots);
    for (const e of edges) if (roots.has(e.from)) direct.add(e.to);
    for (const c of crates) c.pkg.direct = direct.has(c.pkg.id);
    return {
      lockfile: path,
      format: 'Cargo.lock',
      ecosystem: 'crates.io',
      packages: crates.map((c) => c.pkg),
      edges,
      projects: [],
    };
  },
};

/** Cargo source ids: `registry+URL`, `sparse+URL`, `git+URL?branch=x#commit`, `path+URL` (old lockfiles). */
export function parseCargoSource(source: string | undefined): Source {
  // No source: a workspace member or a path dependency; Cargo.lock does not record where it lives.
  if (source === undefined) return { kind: 'path', path: '' };
  const plus = source.indexOf('+');
  const kind = plus > 0 ? source.slice(0, plus) : '';
  const rest = source.slice(plus + 1);
  if (kind === 'registry' || kind === 'sparse') return { kind: 'registry', url: rest };
  if (kind === 'git') {
    const hash = rest.indexOf('#');
    const commit = hash >= 0 ? rest.slice(hash + 1) : undefined;
    const withQuery = hash >= 0 ? rest.slice(0, hash) : rest;
    const q = withQuery.indexOf('?');
    const url = q >= 0 ? withQuery.slice(0, q) : withQuery;
    const query = q >= 0 ? new URLSearchParams(withQuery.slice(q + 1)) : undefined;
    const ref = query?.get('rev') ?? query?.get('tag') ?? query?.get('branch') ?? undefined;
    return { kind: 'git', url, ...(commit ? { commit } : {}), ...(ref ? { ref } : {}) };
  }
  if (kind === 'path') return { kind: 'path', path: rest.replace(/^file:\/\//, '') };
  return { kind: 'unknown' };
}

function resolveEdges(crates: LockedCrate[]): Edge[] {
  const byName = new Map<string, LockedCrate[]>();
  for (const c of crates) {
    const list = byName.get(c.pkg.name);
    if (list) list.push(c);
    else byName.set(c.pkg.name, [c]);
  }
  const edges: Edge[] = [];
  for (const c of crates) {
    for (const dep of c.dependencies) {
      const m = /^(\S+)(?: (\S+))?(?: \((.*)\))?$/.exec(dep.trim());
      if (!m) continue;
      const [, name, version, source] = m;
      const target = (byName.get(name as string) ?? []).filter(
        (t) => (version === undefined || t.pkg.version === version) && (source === undefined || t.sourceText === source),
      );
      // A dependency missing from the package list (trimmed by hand, or a target-specific crate) gives no edge.
      if (target.length === 1) edges.push({ from: c.pkg.id, to: (target[0] as LockedCrate).pkg.id });
    }
  }
  return edges;
}

/** Lockfile v1 keeps checksums in `[metadata]` as `"checksum name version (source)" = "hex"`. */
function metadataChecksums(metadata: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isTable(metadata)) return out;
  for (const [key, value] of Object.entries(metadata)) {
    if (key.startsWith('checksum ') && value !== '<none>') out.set(key.slice('checksum '.length), value);
  }
  return out;
}

/** 1-based lines of the `[[package]]` headers, in order, so each entry can point at its own line. */
function packageHeaderLines(text: string): number[] {
  const lines: number[] = [];
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) if (/^\s*\[\[\s*package\s*\]\]/.test(all[i] as string)) lines.push(i + 1);
  return lines;
}

/** 1-based line of the first `package = ...` or `[package]` line, or 1. */
function lineOfPackageKey(text: string): number {
  const i = text.split('\n').findIndex((l) => /^\s*\[*\s*"?package"?\s*[=\]]/.test(l));
  return i >= 0 ? i + 1 : 1;
}
