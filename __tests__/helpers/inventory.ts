import { buildPurl, type Ecosystem, type Inventory, type Package } from '@lockwarden/core';

/** A package for hand-built inventories in unit tests. */
export function pkg(
  name: string,
  version: string,
  extra: Partial<Package> & { lockfile?: string } = {},
): Package {
  const ecosystem: Ecosystem = extra.ecosystem ?? 'npm';
  const lockfile = extra.lockfile ?? 'package-lock.json';
  const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
  const bare = scope ? name.slice(scope.length + 1) : name;
  return {
    id: extra.id ?? `node_modules/${name}`,
    ecosystem,
    name,
    version,
    purl: extra.purl ?? buildPurl(ecosystem === 'npm' ? 'npm' : ecosystem.toLowerCase(), scope, bare, version),
    direct: extra.direct ?? false,
    scopes: extra.scopes ?? [],
    integrity: extra.integrity ?? [],
    source: extra.source ?? { kind: 'registry' },
    location: extra.location ?? { file: lockfile, line: 1 },
  };
}

export function inventory(packages: Package[], extra: Partial<Inventory> = {}): Inventory {
  return {
    lockfile: extra.lockfile ?? 'package-lock.json',
    format: extra.format ?? 'package-lock.json',
    ecosystem: extra.ecosystem ?? 'npm',
    packages,
    edges: extra.edges,
    projects: extra.projects ?? [{ id: '', path: '' }],
  };
}
