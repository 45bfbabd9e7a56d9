import { posix } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { ParseError } from '../../errors.js';
import type { Inventory } from '../../model/inventory.js';
import type { Hash, Scope, Source } from '../../model/package.js';
import { isRecord } from '../../parse/json.js';
import { loadYaml, parseYaml, YamlKeyLines } from '../../parse/yaml.js';
import type { LockfileParser } from '../types.js';
import { PackageCollector } from './package-collector.js';
import { npmProjectId } from './package-lock.js';
import { gitParts, sourceFromResolved } from './resolved-source.js';
import { applyRootScopes, declareRoot, type RootDeclarations } from './root-scopes.js';

/** Dependency maps of an importer (project); `peerDependencies` are resolved into these by pnpm. */
const IMPORTER_FIELDS: ReadonlyArray<readonly [string, Scope[]]> = [
  ['dependencies', []],
  ['devDependencies', ['dev']],
  ['optionalDependencies', ['optional']],
];
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies'];

type Syntax = 'v5' | 'v6' | 'v9';

function syntaxOf(version: number): Syntax {
  return version >= 9 ? 'v9' : version >= 6 ? 'v6' : 'v5';
}

function get(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function stringField(record: Record<string, unknown>, field: string): string | undefined {
  const value = get(record, field);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** `name@version` with an optionally scoped name; `undefined` when there is no separating `@`. */
function splitNameVersion(spec: string): [string, string] | undefined {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at <= 0) return undefined;
  return [spec.slice(0, at), spec.slice(at + 1)];
}

/** Drops the peer suffix `(react@18.2.0)(…)` that pnpm v6+ appends to dependency paths. */
function stripPeerSuffix(key: string): string {
  const paren = key.indexOf('(');
  return paren < 0 ? key : key.slice(0, paren);
}

/**
 * Name and version encoded in a `packages` key. Returns `undefined` when the key does not encode them (git,
 * tarball and `file:` keys; the entry's `name`/`version` fields say), and `null` for a key that is no
 * dependency path at all.
 */
function nameVersionOfKey(key: string, syntax: Syntax): { name: string; version: string } | null | undefined {
  if (key.startsWith('file:')) return undefined;
  if (syntax === 'v9') {
    const split = splitNameVersion(stripPeerSuffix(key));
    return split ? { name: split[0], version: split[1] } : null;
  }
  if (syntax === 'v6' && key.startsWith('/')) {
    const split = splitNameVersion(stripPeerSuffix(key.slice(1)));
    if (split) return { name: split[0], version: split[1] };
  }
  // v5 (`/name/1.0.0_peer@2`, `/@scope/name/1.0.0`, `host/name/1.0.0`) and v6 keys with a host prefix.
  const parts = key.split('/');
  if (parts.length < 2) return null;
  const rest = parts.slice(1);
  const scoped = rest[0]?.startsWith('@') === true;
  let name = scoped ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '');
  let version = (scoped ? rest[2] : rest[1]) ?? '';
  if (version === '') {
    const split = splitNameVersion(stripPeerSuffix(name));
    if (split) [name, version] = split;
  }
  const underscore = version.indexOf('_');
  if (underscore >= 0) version = version.slice(0, underscore);
  version = stripPeerSuffix(version);
  // Keys such as `github.com/owner/repo` put no version in the path; their entries carry name and version.
  if (!/^\d/.test(version)) return undefined;
  return { name, version };
}

/**
 * The package key a dependency reference points at, following pnpm's own rules per lockfile syntax: a
 * bare version means `<name>@<version>` (v9), `/<name>@<version>` (v6) or `/<name>/<version>` (v5); a
 * reference that is already a path (aliases, git, tarballs) is used as it is.
 */
function referenceToKey(name: string, reference: string, syntax: Syntax): string {
  if (reference.startsWith('file:')) return reference;
  if (syntax === 'v9') {
    if (reference.startsWith('@')) return reference;
    const at = reference.indexOf('@');
    if (at < 0) return `${name}@${reference}`;
    const colon = reference.indexOf(':');
    const paren = reference.indexOf('(');
    // `string-width@4.2.3` (an alias target) vs `4.2.0(react@18.2.0)` or `https://host/x@y`.
    if ((colon < 0 || at < colon) && (paren < 0 || at < paren)) return reference;
    return `${name}@${reference}`;
  }
  if (reference.startsWith('/')) return reference;
  const beforePeers = syntax === 'v6' ? stripPeerSuffix(reference) : reference.split('_')[0] ?? reference;
  if (beforePeers.includes('/')) return reference;
  return syntax === 'v6' ? `/${name}@${reference}` : `/${name}/${reference}`;
}

/** Where a package comes from, from its `resolution` block. */
function sourceOf(resolution: Record<string, unknown> | undefined): Source {
  if (!resolution) return { kind: 'registry' };
  const type = stringField(resolution, 'type');
  const repo = stringField(resolution, 'repo');
  const commit = stringField(resolution, 'commit');
  if (type === 'git' || (repo !== undefined && commit !== undefined)) {
    const url = gitParts(repo ?? '')?.url ?? repo ?? '';
    return commit === undefined ? { kind: 'git', url } : { kind: 'git', url, commit };
  }
  const directory = stringField(resolution, 'directory');
  if (type === 'directory' && directory !== undefined) return { kind: 'path', path: directory };
  const tarball = stringField(resolution, 'tarball');
  if (tarball !== undefined) return sourceFromResolved(tarball);
  return { kind: 'registry' };
}

function pnpmScopes(entry: Record<string, unknown>, syntax: Syntax): Scope[] {
  // v9 moved dev/optional out of the package entries; they are derived from the importers after the graph is built.
  if (syntax === 'v9') return [];
  const scopes: Scope[] = [];
  if (get(entry, 'dev') === true) scopes.push('dev');
  if (get(entry, 'optional') === true) scopes.push('optional');
  return scopes;
}

/** [name, reference] pairs of a dependency map in either shape: `name: ref` (v5) or `name: {version}` (v6+). */
function references(map: unknown): Array<[string, string]> {
  if (!isRecord(map)) return [];
  const out: Array<[string, string]> = [];
  for (const name of Object.keys(map)) {
    const value = map[name];
    const reference = isRecord(value) ? stringField(value, 'version') : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    if (reference !== undefined) out.push([name, reference]);
  }
  return out;
}

/**
 * Parses pnpm-lock.yaml (lockfile 5.x, 6.x, 9.x): `importers` (or the top-level dependency maps of a
 * single-project lockfile) become projects, `packages` the packages, and v9 `snapshots` (or v5/v6
 * `packages`, whose keys carry peer suffixes) the dependency edges.
 */
export function parsePnpmLock(text: string, path: string): Inventory {
  const { value, precise, keyLines } = loadYaml(text, path);
  const collector = new PackageCollector(path, 'pnpm-lock.yaml');
  if (value === null || value === undefined) return collector.build();
  if (!isRecord(value)) {
    throw new ParseError(path, `expected a YAML mapping at the top level, got ${Array.isArray(value) ? 'a sequence' : typeof value}`, {
      line: 1,
      column: 1,
    });
  }
  const rawVersion = get(value, 'lockfileVersion');
  const version = typeof rawVersion === 'number' ? rawVersion : typeof rawVersion === 'string' ? Number(rawVersion) : NaN;
  const packages = get(value, 'packages');
  if (rawVersion === undefined && !isRecord(packages)) return collector.build();
  if (!(version >= 5 && version < 10)) {
    // Only on this error: the precise parse for the key's position.
    const { doc, lines } = precise ?? parseYaml(text, path);
    const pair = doc.contents && isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'lockfileVersion') : undefined;
    const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const where = offset === undefined ? {} : { line: lines.linePos(offset).line, column: lines.linePos(offset).col };
    throw new ParseError(path, `unsupported lockfileVersion ${JSON.stringify(rawVersion)} (supported: 5.x, 6.x, 9.x)`, where, {
      code: 'UNSUPPORTED_FORMAT',
    });
  }
  const syntax = syntaxOf(version);
  const packageLines = new YamlKeyLines(text, 'packages', keyLines?.get('packages'));
  const packageMap = isRecord(packages) ? packages : {};

  const invalid: string[] = [];
  for (const key of Object.keys(packageMap)) {
    const raw = packageMap[key];
    const entry = isRecord(raw) ? raw : {};
    const fromKey = nameVersionOfKey(key, syntax);
    if (fromKey === null && stringField(entry, 'name') === undefined) {
      invalid.push(key);
      continue;
    }
    const name = stringField(entry, 'name') ?? fromKey?.name;
    const pkgVersion = stringField(entry, 'version') ?? fromKey?.version;
    if (name === undefined || name === '' || pkgVersion === undefined || pkgVersion === '') continue;
    const resolution = isRecord(get(entry, 'resolution')) ? (get(entry, 'resolution') as Record<string, unknown>) : undefined;
    const sri = resolution ? get(resolution, 'integrity') : undefined;
    const integrity: Hash[] | string = typeof sri === 'string' ? sri : [];
    collector.add({
      nodeId: key,
      name,
      version: pkgVersion,
      scopes: pnpmScopes(entry, syntax),
      integrity,
      source: sourceOf(resolution),
      line: () => packageLines.lineOf(key),
      ...(get(entry, 'requiresBuild') === true ? { hasInstallScript: true } : {}),
    });
  }
  if (invalid.length > 0) {
    const first = invalid[0] ?? '';
    const line = packageLines.lineOf(first);
    throw new ParseError(path, `invalid dependency path: ${invalid.join(', ')}`, line === undefined ? {} : { line });
  }

  // v9 keeps the resolved graph in `snapshots` (keys with peer suffixes) and the artifacts in `packages`.
  const snapshots = syntax === 'v9' && isRecord(get(value, 'snapshots')) ? (get(value, 'snapshots') as Record<string, unknown>) : undefined;
  const graph = snapshots ?? packageMap;
  if (snapshots) {
    for (const key of Object.keys(snapshots)) {
      const base = collector.packageOf(stripPeerSuffix(key));
      if (base) collector.alias(key, base);
    }
  }
  for (const key of Object.keys(graph)) {
    const entry = graph[key];
    if (!isRecord(entry)) continue;
    for (const field of PACKAGE_FIELDS) {
      for (const [depName, reference] of references(get(entry, field))) {
        if (reference.startsWith('link:')) continue;
        collector.addEdge(key, referenceToKey(depName, reference, syntax));
      }
    }
  }

  const importers = isRecord(get(value, 'importers')) ? (get(value, 'importers') as Record<string, unknown>) : { '.': value };
  // Every project first: `link:` dependencies point from one importer to another.
  for (const importerPath of Object.keys(importers)) {
    const projectPath = importerPath === '.' ? '' : importerPath;
    collector.addProject({ id: npmProjectId(projectPath), path: projectPath });
  }
  const declarations: RootDeclarations = new Map();
  for (const importerPath of Object.keys(importers)) {
    const importer = importers[importerPath];
    const projectPath = importerPath === '.' ? '' : importerPath;
    if (!isRecord(importer)) continue;
    declareRoot(declarations, npmProjectId(projectPath), importer);
    for (const [field] of IMPORTER_FIELDS) {
      for (const [depName, reference] of references(get(importer, field))) {
        const from = npmProjectId(projectPath);
        if (reference.startsWith('link:')) {
          const target = posix.normalize(posix.join(projectPath === '' ? '.' : projectPath, reference.slice(5)));
          collector.addEdge(from, npmProjectId(target === '.' ? '' : target));
          continue;
        }
        const key = referenceToKey(depName, reference, syntax);
        collector.addEdge(from, key);
        const pkg = collector.packageOf(key);
        if (pkg && pkg.name !== depName) {
          pkg.aliases ??= [];
          if (!pkg.aliases.includes(depName)) pkg.aliases.push(depName);
        }
      }
    }
  }
  const inventory = collector.build();
  // v9 dropped the per-package dev/optional flags: the importers' dependency maps are the only record left.
  if (syntax === 'v9') applyRootScopes(inventory, declarations);
  return inventory;
}

/** pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x. */
export const pnpmLockParser: LockfileParser = {
  id: 'pnpm-lock.yaml',
  ecosystem: 'npm',
  fileNames: ['pnpm-lock.yaml'],
  conformance: ['javascript/pnpmlock'],
  parse: parsePnpmLock,
};
