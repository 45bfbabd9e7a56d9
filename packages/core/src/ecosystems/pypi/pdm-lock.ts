import type { Inventory } from '../../model/inventory.js';
import type { Source } from '../../model/package.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { artifactFileHashes } from './artifact-hash.js';
import { markDirect, namesDeclaredInPyproject } from './direct-dependencies.js';
import { PypiInventoryBuilder } from './inventory-builder.js';
import { parseRequirement } from './requirement-spec.js';
import { arrayTableLines, parseTomlDocument, tomlArray, tomlString, tomlTables, type TomlRecord } from '../../parse/toml.js';

function pdmSource(pkg: TomlRecord): Source {
  const git = tomlString(pkg.git);
  if (git !== undefined) {
    const source: Source = { kind: 'git', url: git };
    const revision = tomlString(pkg.revision);
    const ref = tomlString(pkg.ref);
    if (revision !== undefined) source.commit = revision;
    if (ref !== undefined) source.ref = ref;
    return source;
  }
  const url = tomlString(pkg.url);
  if (url !== undefined) return { kind: 'tarball', url };
  const path = tomlString(pkg.path);
  if (path !== undefined) return { kind: 'path', path };
  return { kind: 'registry' };
}

/**
 * PDM group names: `default` is production; `dev` stays `dev`; any other group (an optional-dependencies extra or
 * a dev group, which the lockfile does not tell apart) is `optional`, as the peer reports it.
 */
function pdmScopes(pkg: TomlRecord): string[] {
  const groups = tomlArray(pkg.groups).filter((g): g is string => typeof g === 'string');
  if (groups.length === 0 || groups.includes('default')) return [];
  return [...new Set(groups.map((g) => (g === 'dev' ? 'dev' : 'optional')))];
}


/**
 * `pdm.lock` (lock_version 4.x). Dependencies are PEP 508 strings naming packages; `direct` comes from a sibling
 * pyproject.toml when readable, else from the graph.
 */
export const pdmLockParser: LockfileParser = {
  id: 'pdm.lock',
  ecosystem: 'PyPI',
  fileNames: ['pdm.lock'],
  conformance: ['python/pdmlock'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const doc = parseTomlDocument(text, path, { arrayTable: 'package' });
    const tables = tomlTables(doc.package);
    const lines = arrayTableLines(text, 'package', tables.length);
    const builder = new PypiInventoryBuilder(path, 'pdm.lock');
    const dependencies: { from: string; names: string[] }[] = [];
    tables.forEach((pkg, i) => {
      const name = tomlString(pkg.name);
      if (name === undefined || name === '') return;
      const added = builder.add({
        name,
        version: tomlString(pkg.version) ?? '',
        scopes: pdmScopes(pkg),
        integrity: artifactFileHashes(pkg.files),
        source: pdmSource(pkg),
        file: path,
        line: lines[i],
      });
      const names = tomlArray(pkg.dependencies)
        .filter((d): d is string => typeof d === 'string')
        .map((d) => parseRequirement(d)?.name)
        .filter((n): n is string => n !== undefined);
      dependencies.push({ from: added.id, names });
    });
    builder.linkByName(dependencies);
    const inventory = builder.build();
    markDirect(inventory, namesDeclaredInPyproject(context));
    return inventory;
  },
};
