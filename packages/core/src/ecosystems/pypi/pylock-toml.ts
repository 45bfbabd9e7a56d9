import type { Inventory } from '../../model/inventory.js';
import type { Hash, Source } from '../../model/package.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { addHashes, parseArtifactHash } from './artifact-hash.js';
import { markDirect, namesDeclaredInPyproject } from './direct-dependencies.js';
import { PypiInventoryBuilder } from './inventory-builder.js';
import { normalizePypiName } from './package-name.js';
import { arrayTableLines, parseTomlDocument, tomlString, tomlTable, tomlTables, type TomlRecord } from '../../parse/toml.js';

function pylockSource(pkg: TomlRecord): Source {
  const vcs = tomlTable(pkg.vcs);
  if (vcs) {
    const url = tomlString(vcs.url) ?? tomlString(vcs.path) ?? '';
    if (tomlString(vcs.type) !== 'git') return { kind: 'tarball', url };
    const source: Source = { kind: 'git', url };
    const commit = tomlString(vcs['commit-id']);
    const ref = tomlString(vcs['requested-revision']);
    if (commit !== undefined) source.commit = commit;
    if (ref !== undefined) source.ref = ref;
    return source;
  }
  const archive = tomlTable(pkg.archive);
  if (archive) {
    const url = tomlString(archive.url);
    if (url !== undefined) return { kind: 'tarball', url };
    return { kind: 'path', path: tomlString(archive.path) ?? '' };
  }
  const index = tomlString(pkg.index);
  return index === undefined ? { kind: 'registry' } : { kind: 'registry', url: index };
}

function pylockHashes(pkg: TomlRecord): Hash[] {
  const artifacts = [tomlTable(pkg.archive), tomlTable(pkg.sdist), ...tomlTables(pkg.wheels)];
  const hashes: Hash[] = [];
  for (const artifact of artifacts) {
    for (const [algorithm, value] of Object.entries(tomlTable(artifact?.hashes) ?? {})) {
      if (typeof value === 'string') addHashes(hashes, [parseArtifactHash(algorithm, value)]);
    }
  }
  return hashes;
}

/**
 * `pylock.toml` / `pylock.<name>.toml` (PEP 751). `directory` entries are the project itself or a local sibling,
 * recorded as projects rather than packages. Edges follow the optional `dependencies` lists (matched by name and,
 * when given, version); `direct` comes from a sibling pyproject.toml, else from those edges when any are recorded.
 */
export const pylockTomlParser: LockfileParser = {
  id: 'pylock.toml',
  ecosystem: 'PyPI',
  fileNames: ['pylock.toml', 'pylock.*.toml'],
  conformance: ['python/pylock'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const doc = parseTomlDocument(text, path, { arrayTable: 'packages' });
    const tables = tomlTables(doc.packages);
    const lines = arrayTableLines(text, 'packages', tables.length);
    const builder = new PypiInventoryBuilder(path, 'pylock.toml');
    const pending: { from: string; deps: TomlRecord[] }[] = [];
    const byName = new Map<string, { id: string; version: string }[]>();
    let recordsEdges = false;

    tables.forEach((pkg, i) => {
      const name = tomlString(pkg.name);
      if (name === undefined || name === '') return;
      const version = tomlString(pkg.version) ?? '';
      const directory = tomlTable(pkg.directory);
      let id: string;
      if (directory) {
        const dir = tomlString(directory.path) ?? '';
        id = dir === '.' || dir === '' ? '' : `project:${name}`;
        builder.addProject({ id, name, path: dir === '.' ? '' : dir });
      } else {
        id = builder.add({
          name,
          version,
          integrity: pylockHashes(pkg),
          source: pylockSource(pkg),
          file: path,
          line: lines[i],
        }).id;
      }
      const key = normalizePypiName(name);
      byName.set(key, [...(byName.get(key) ?? []), { id, version }]);
      if (Array.isArray(pkg.dependencies)) {
        recordsEdges = true;
        pending.push({ from: id, deps: tomlTables(pkg.dependencies) });
      }
    });

    if (recordsEdges) builder.recordsEdges();
    for (const { from, deps } of pending) {
      for (const dep of deps) {
        const name = tomlString(dep.name);
        if (name === undefined) continue;
        const version = tomlString(dep.version);
        for (const target of byName.get(normalizePypiName(name)) ?? []) {
          if (version === undefined || target.version === version) builder.addEdge({ from, to: target.id });
        }
      }
    }
    const inventory = builder.build();
    markDirect(inventory, namesDeclaredInPyproject(context));
    return inventory;
  },
};
