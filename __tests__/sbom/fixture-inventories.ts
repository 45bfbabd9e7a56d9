import type { Inventory, Package } from '@lockwarden/core';
import { buildPurl } from '@lockwarden/core';

/** Hand-written inventories shaped like the npm and PyPI parsers' output, for SBOM tests. */
export function npmPackage(id: string, name: string, version: string, extra: Partial<Package> = {}): Package {
  const scoped = /^(@[^/]+)\/(.+)$/.exec(name);
  return {
    id,
    ecosystem: 'npm',
    name,
    version,
    purl: buildPurl('npm', scoped?.[1], scoped?.[2] ?? name, version),
    direct: false,
    scopes: [],
    integrity: [],
    source: { kind: 'registry', url: `https://registry.example.org/${name}/-/${scoped?.[2] ?? name}-${version}.tgz` },
    location: { file: 'package-lock.json' },
    ...extra,
  };
}

const SHA512 = 'ab'.repeat(64);
const SHA1 = '0123456789abcdef0123456789abcdef01234567';

/** The root app: one scoped runtime dep, a dev-only dep, an optional dep, a git dep and a tarball dep. */
export function appInventory(lockfile = 'package-lock.json'): Inventory {
  const at = { location: { file: lockfile } };
  return {
    lockfile,
    format: 'package-lock.json',
    ecosystem: 'npm',
    projects: [{ id: '', path: '', name: 'app' }],
    packages: [
      npmPackage('node_modules/@babel/core', '@babel/core', '7.24.0', {
        ...at,
        direct: true,
        license: 'MIT',
        integrity: [{ algorithm: 'sha512', value: SHA512 }],
      }),
      npmPackage('node_modules/debug', 'debug', '4.3.4', {
        ...at,
        license: 'MIT',
        integrity: [{ algorithm: 'sha1', value: SHA1 }],
      }),
      npmPackage('node_modules/left-pad', 'left-pad', '1.3.0', {
        ...at,
        direct: true,
        scopes: ['dev'],
        license: 'WTFPL OR MIT',
      }),
      npmPackage('node_modules/fsevents', 'fsevents', '2.3.3', { ...at, direct: true, scopes: ['optional'] }),
      npmPackage('node_modules/gitdep', 'gitdep', '1.0.0', {
        ...at,
        direct: true,
        source: { kind: 'git', url: 'git+ssh://git@github.com/example/gitdep.git', commit: 'a'.repeat(40) },
      }),
      npmPackage('node_modules/tarball', 'tarball', '0.1.0', {
        ...at,
        direct: true,
        license: 'Some Custom License',
        source: { kind: 'tarball', url: 'https://files.example.org/tarball-0.1.0.tgz' },
      }),
    ],
    edges: [
      { from: '', to: 'node_modules/@babel/core' },
      { from: '', to: 'node_modules/left-pad' },
      { from: '', to: 'node_modules/fsevents' },
      { from: '', to: 'node_modules/gitdep' },
      { from: '', to: 'node_modules/tarball' },
      { from: 'node_modules/@babel/core', to: 'node_modules/debug' },
      // Duplicate edges must not give duplicate dependsOn entries.
      { from: 'node_modules/@babel/core', to: 'node_modules/debug' },
      { from: 'node_modules/left-pad', to: 'node_modules/debug' },
    ],
  };
}

/** A second lockfile of the monorepo: shares debug (runtime here) and left-pad, adds its own package. */
export function toolsInventory(): Inventory {
  const lockfile = 'tools/package-lock.json';
  const at = { location: { file: lockfile } };
  return {
    lockfile,
    format: 'package-lock.json',
    ecosystem: 'npm',
    projects: [{ id: '', path: '', name: 'tools' }],
    packages: [
      npmPackage('node_modules/debug', 'debug', '4.3.4', { ...at, direct: true }),
      npmPackage('node_modules/left-pad', 'left-pad', '1.3.0', { ...at, direct: true, scopes: ['dev'] }),
      npmPackage('node_modules/ms', 'ms', '2.1.2', { ...at }),
    ],
    edges: [
      { from: '', to: 'node_modules/debug' },
      { from: '', to: 'node_modules/left-pad' },
      { from: 'node_modules/debug', to: 'node_modules/ms' },
    ],
  };
}

/** A PyPI lockfile without edges (like requirements.txt), to test the root fallback and Maven-less grouping. */
export function pythonInventory(): Inventory {
  return {
    lockfile: 'api/requirements.txt',
    format: 'requirements.txt',
    ecosystem: 'PyPI',
    projects: [{ id: '', path: '' }],
    packages: [
      {
        id: 'django',
        ecosystem: 'PyPI',
        name: 'Django',
        version: '4.2.1',
        purl: buildPurl('pypi', undefined, 'django', '4.2.1'),
        direct: true,
        scopes: [],
        integrity: [{ algorithm: 'sha256', value: 'cd'.repeat(32) }],
        source: { kind: 'registry' },
        location: { file: 'api/requirements.txt', line: 1 },
      },
    ],
  };
}
