import type { Inventory } from '../../model/inventory.js';
import type { Hash, Package, Source } from '../../model/package.js';
import type { LockfileParser } from '../types.js';
import { addHashes, parseArtifactHash } from './artifact-hash.js';
import { PypiInventoryBuilder } from './inventory-builder.js';
import { normalizePypiName } from './package-name.js';
import { arrayTableLines, parseTomlDocument, tomlString, tomlTable, tomlTables, type TomlRecord } from '../../parse/toml.js';

/** `git = "https://host/repo?rev=v1#<commit>"`: the URL, the requested ref and the locked commit. */
function uvGitSource(value: string): Source {
  const hashAt = value.indexOf('#');
  const commit = hashAt < 0 ? undefined : value.slice(hashAt + 1);
  const withQuery = hashAt < 0 ? value : value.slice(0, hashAt);
  const queryAt = withQuery.indexOf('?');
  const url = queryAt < 0 ? withQuery : withQuery.slice(0, queryAt);
  const source: Source = { kind: 'git', url };
  if (queryAt >= 0) {
    const params = new URLSearchParams(withQuery.slice(queryAt + 1));
    const ref = params.get('rev') ?? params.get('tag') ?? params.get('branch');
    if (ref !== null) source.ref = ref;
  }
  if (commit !== undefined && commit !== '') source.commit = commit;
  return source;
}

function uvSource(table: TomlRecord | undefined): Source {
  if (!table) return { kind: 'registry' };
  const registry = tomlString(table.registry);
  if (registry !== undefined) return { kind: 'registry', url: registry };
  const git = tomlString(table.git);
  if (git !== undefined) return uvGitSource(git);
  const url = tomlString(table.url);
  if (url !== undefined) return { kind: 'tarball', url };
  const path = tomlString(table.path) ?? tomlString(table.directory) ?? tomlString(table.editable) ?? tomlString(table.virtual);
  if (path !== undefined) return { kind: 'path', path };
  return { kind: 'unknown' };
}

function artifactHashes(pkg: TomlRecord): Hash[] {
  const artifacts = [tomlTable(pkg.sdist), ...tomlTables(pkg.wheels)];
  return addHashes(
    [],
    artifacts.map((a) => {
      const hash = tomlString(a?.hash);
      return hash === undefined ? undefined : parseArtifactHash(hash);
    }),
  );
}

interface DependencyRef {
  name: string;
  version?: string;
  /** `undefined` for `dependencies`, else the extra or dependency group. */
  group?: string;
}

function dependencyRefs(pkg: TomlRecord): DependencyRef[] {
  const refs: DependencyRef[] = [];
  const push = (list: unknown, group?: string): void => {
    for (const dep of tomlTables(list)) {
      const name = tomlString(dep.name);
      if (name === undefined) continue;
      const ref: DependencyRef = { name };
      const version = tomlString(dep.version);
      if (version !== undefined) ref.version = version;
      if (group !== undefined) ref.group = group;
      refs.push(ref);
    }
  };
  push(pkg.dependencies);
  for (const key of ['optional-dependencies', 'dev-dependencies']) {
    for (const [group, list] of Object.entries(tomlTable(pkg[key]) ?? {})) push(list, group);
  }
  return refs;
}

/**
 * `uv.lock`. Workspace members (`source = { virtual | editable = ... }` listed in `[manifest] members`, or at `.`)
 * are projects, not packages; what they depend on is direct, with the extra or dependency-group name as scope
 * (a package also needed by the main dependencies has none). Edges follow every `dependencies` entry, matched by
 * name and, where uv records it because a name resolves twice, by version.
 */
export const uvLockParser: LockfileParser = {
  id: 'uv.lock',
  ecosystem: 'PyPI',
  fileNames: ['uv.lock'],
  conformance: ['python/uvlock'],
  parse(text: string, path: string): Inventory {
    const doc = parseTomlDocument(text, path, { arrayTable: 'package' });
    const tables = tomlTables(doc.package);
    const lines = arrayTableLines(text, 'package', tables.length);
    const members = new Set(
      (Array.isArray(tomlTable(doc.manifest)?.members) ? (tomlTable(doc.manifest)?.members as unknown[]) : [])
        .filter((m): m is string => typeof m === 'string')
        .map(normalizePypiName),
    );
    const builder = new PypiInventoryBuilder(path, 'uv.lock');
    builder.recordsEdges();

    const nodes: { id: string; isProject: boolean; refs: DependencyRef[] }[] = [];
    const byName = new Map<string, { id: string; version: string; pkg?: Package }[]>();
    tables.forEach((table, i) => {
      const name = tomlString(table.name);
      if (name === undefined || name === '') return;
      const version = tomlString(table.version) ?? '';
      const sourceTable = tomlTable(table.source);
      const local = tomlString(sourceTable?.virtual) ?? tomlString(sourceTable?.editable);
      const isProject = local !== undefined && (members.has(normalizePypiName(name)) || local === '.');
      let id: string;
      let pkg: Package | undefined;
      if (isProject) {
        id = local === '.' ? '' : `project:${name}`;
        builder.addProject({ id, name, path: local === '.' ? '' : local });
      } else {
        pkg = builder.add({
          name,
          version,
          integrity: artifactHashes(table),
          source: uvSource(sourceTable),
          file: path,
          line: lines[i],
        });
        id = pkg.id;
      }
      nodes.push({ id, isProject, refs: dependencyRefs(table) });
      const key = normalizePypiName(name);
      const entry = pkg ? { id, version, pkg } : { id, version };
      byName.set(key, [...(byName.get(key) ?? []), entry]);
    });

    const scopes = new Map<Package, Set<string> | 'main'>();
    for (const node of nodes) {
      for (const ref of node.refs) {
        const candidates = byName.get(normalizePypiName(ref.name)) ?? [];
        const matched = ref.version === undefined ? candidates : candidates.filter((c) => c.version === ref.version);
        for (const target of matched) {
          builder.addEdge({ from: node.id, to: target.id });
          if (!node.isProject || !target.pkg) continue;
          target.pkg.direct = true;
          const current = scopes.get(target.pkg);
          if (ref.group === undefined) scopes.set(target.pkg, 'main');
          else if (current !== 'main') scopes.set(target.pkg, (current ?? new Set<string>()).add(ref.group));
        }
      }
    }
    for (const [pkg, groups] of scopes) pkg.scopes = groups === 'main' ? [] : [...groups];
    return builder.build();
  },
};
