import type { Inventory } from '../../model/inventory.js';
import type { Source } from '../../model/package.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { addHashes, artifactFileHashes } from './artifact-hash.js';
import { markDirect, namesDeclaredInPyproject } from './direct-dependencies.js';
import { PypiInventoryBuilder } from './inventory-builder.js';
import { normalizePypiName } from './package-name.js';
import { arrayTableLines, parseTomlDocument, tomlString, tomlTable, tomlTables, type TomlRecord } from '../../parse/toml.js';

function poetrySource(table: TomlRecord | undefined): Source {
  if (!table) return { kind: 'registry' };
  const type = tomlString(table.type);
  const url = tomlString(table.url) ?? '';
  switch (type) {
    case 'git': {
      const source: Source = { kind: 'git', url };
      const ref = tomlString(table.reference);
      const commit = tomlString(table.resolved_reference);
      if (ref !== undefined) source.ref = ref;
      if (commit !== undefined) source.commit = commit;
      return source;
    }
    case 'url':
      return { kind: 'tarball', url };
    case 'file':
    case 'directory':
      return { kind: 'path', path: url };
    case 'legacy':
      // A private or mirror index (`[[tool.poetry.source]]`).
      return url === '' ? { kind: 'registry' } : { kind: 'registry', url };
    default:
      return { kind: 'registry' };
  }
}

/**
 * Dependency groups: Poetry 2 lists them (`groups = ["dev", "test"]`; `main` is production), Poetry 1 has
 * `category = "dev"`; `optional = true` (an extra's package) adds `optional`.
 */
function poetryScopes(pkg: TomlRecord): string[] {
  const scopes = new Set<string>();
  if (Array.isArray(pkg.groups)) {
    // A package production needs is production, whatever other groups also use it.
    const groups = pkg.groups.filter((g): g is string => typeof g === 'string');
    if (!groups.includes('main')) for (const g of groups) scopes.add(g);
  } else if (tomlString(pkg.category) === 'dev') {
    scopes.add('dev');
  }
  if (pkg.optional === true) scopes.add('optional');
  return [...scopes];
}


/**
 * `poetry.lock`, lock-version 1.x and 2.x. Hashes come from each package's `files` (2.x) or `[metadata.files]`
 * (1.x). The lockfile does not record the project's own dependencies, so `direct` comes from a sibling
 * pyproject.toml when the context can read one, else from the graph (packages nothing depends on).
 */
export const poetryLockParser: LockfileParser = {
  id: 'poetry.lock',
  ecosystem: 'PyPI',
  fileNames: ['poetry.lock'],
  conformance: ['python/poetrylock'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const doc = parseTomlDocument(text, path, { arrayTable: 'package' });
    const tables = tomlTables(doc.package);
    const lines = arrayTableLines(text, 'package', tables.length);
    // Poetry 1.x keys [metadata.files] by the package name; match it in normal form, as Poetry does.
    const metadataFiles = new Map(
      Object.entries(tomlTable(tomlTable(doc.metadata)?.files) ?? {}).map(([k, v]) => [normalizePypiName(k), v] as const),
    );
    const builder = new PypiInventoryBuilder(path, 'poetry.lock');
    const dependencies: { from: string; names: string[] }[] = [];

    tables.forEach((pkg, i) => {
      const name = tomlString(pkg.name);
      if (name === undefined || name === '') return;
      const integrity = artifactFileHashes(pkg.files);
      addHashes(integrity, artifactFileHashes(metadataFiles.get(normalizePypiName(name))));
      const added = builder.add({
        name,
        version: tomlString(pkg.version) ?? '',
        scopes: poetryScopes(pkg),
        integrity,
        source: poetrySource(tomlTable(pkg.source)),
        file: path,
        line: lines[i],
      });
      dependencies.push({ from: added.id, names: Object.keys(tomlTable(pkg.dependencies) ?? {}) });
    });

    builder.linkByName(dependencies);
    const inventory = builder.build();
    markDirect(inventory, namesDeclaredInPyproject(context));
    return inventory;
  },
};

