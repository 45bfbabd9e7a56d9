import { buildPurl, type Advisory, type Package } from '@lockwarden/core';

/** A hand-built npm package as a lockfile parser would produce it; override any field. */
export function npmPackage(name: string, version: string, extra: Partial<Package> = {}): Package {
  const [namespace, bare] = name.startsWith('@') ? (name.split('/') as [string, string]) : [undefined, name];
  return {
    id: `node_modules/${name}`,
    ecosystem: 'npm',
    name,
    version,
    purl: extra.purl ?? buildPurl('npm', namespace, bare, version),
    direct: true,
    scopes: [],
    integrity: [{ algorithm: 'sha512', value: 'ab'.repeat(32) }],
    source: { kind: 'registry', url: `https://registry.example.org/${name}/-/${bare}-${version}.tgz` },
    location: { file: 'package-lock.json', line: 10 },
    license: 'MIT',
    ...extra,
  };
}

/** A hand-built PyPI package. */
export function pypiPackage(name: string, version: string, extra: Partial<Package> = {}): Package {
  return {
    id: name,
    ecosystem: 'PyPI',
    name,
    version,
    purl: buildPurl('pypi', undefined, name, version),
    direct: true,
    scopes: [],
    integrity: [{ algorithm: 'sha256', value: 'cd'.repeat(32) }],
    source: { kind: 'registry', url: 'https://pypi.example.org/simple' },
    location: { file: 'poetry.lock', line: 5 },
    license: 'MIT',
    ...extra,
  };
}

/** A vulnerability advisory as an AdvisorySource returns it after range matching. */
export function advisory(id: string, extra: Partial<Advisory> = {}): Advisory {
  return {
    kind: 'vulnerability',
    match: 'range',
    summary: `summary of ${id}`,
    severity: 'high',
    ...extra,
    id,
    ids: [id, ...(extra.ids ?? [])],
  };
}
