import { ParseError } from '../../errors.js';
import type { Inventory } from '../../model/inventory.js';
import type { Package, Scope } from '../../model/package.js';
import { isRecord, parseJson } from '../../parse/json.js';
import { LineIndex } from '../../parse/line-index.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { JsonKeyLocator } from './json-key-locator.js';
import { WorkspaceGlobs } from './workspace-glob.js';
import { InstallTree } from './install-tree.js';
import { PackageCollector, type PackageOccurrence } from './package-collector.js';
import { gitParts, sourceFromResolved } from './resolved-source.js';

const SUPPORTED_VERSIONS = [1, 2, 3];

/** Dependency maps a project (root or workspace) declares; devDependencies count only for projects. */
const PROJECT_DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** The id of a project in the inventory; `path` is relative to the lockfile's folder, `""` for the root. */
export function npmProjectId(path: string): string {
  return `project:${path === '' ? '.' : path}`;
}

/** Names declared in the given dependency maps of a manifest-like object. */
export function declaredNames(entry: Record<string, unknown>, fields: readonly string[]): string[] {
  const names: string[] = [];
  for (const field of fields) {
    const map = entry[field];
    if (isRecord(map)) for (const name of Object.keys(map)) names.push(name);
  }
  return names;
}

/**
 * Parses npm's package-lock.json (lockfile v1, v2, v3) and npm-shrinkwrap.json into an inventory.
 *
 * v2/v3 read `packages` (keyed by install path); v1 reads the nested `dependencies` tree. The same
 * (name, version, commit) installed at several paths is one package. Edges follow node's module
 * resolution (nearest `node_modules` walking up); a package is direct when the root or a workspace
 * declares it.
 */
export function parsePackageLock(text: string, path: string, context?: ParseContext): Inventory {
  const data = parseJson(text, path);
  if (!isRecord(data)) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
    throw new ParseError(path, `expected a JSON object at the top level, got ${got}`, { line: 1, column: 1 });
  }
  const version = lockfileVersionOf(data, text, path);
  if (version >= 2 && isRecord(data.packages)) return parsePackagesSection(data, data.packages, text, path);
  return parseDependencyTree(data, text, path, context);
}

function lockfileVersionOf(data: Record<string, unknown>, text: string, path: string): number {
  const raw = data.lockfileVersion;
  // npm 5 wrote lockfileVersion 1 from the start; a file without one is read by its shape.
  if (raw === undefined) return isRecord(data.packages) ? 3 : 1;
  if (typeof raw === 'number' && SUPPORTED_VERSIONS.includes(raw)) return raw;
  const at = text.indexOf('"lockfileVersion"');
  const position = at < 0 ? {} : new LineIndex(text).position(at);
  throw new ParseError(
    path,
    `unsupported lockfileVersion ${JSON.stringify(raw)} (supported: ${SUPPORTED_VERSIONS.join(', ')})`,
    position,
    { code: 'UNSUPPORTED_FORMAT' },
  );
}

/** The install name of a `packages` key: what follows the last `node_modules/`, else the folder name. */
function installNameOf(key: string): string {
  const at = key.lastIndexOf('node_modules/');
  if (at >= 0) return key.slice(at + 13);
  const slash = key.lastIndexOf('/');
  if (slash < 0) return key;
  const before = key.lastIndexOf('/', slash - 1);
  const parent = key.slice(before + 1, slash);
  return parent.startsWith('@') ? key.slice(before + 1) : key.slice(slash + 1);
}


function workspacePatterns(root: unknown): string[] {
  if (!isRecord(root)) return [];
  const ws = root.workspaces;
  const list = Array.isArray(ws) ? ws : isRecord(ws) && Array.isArray(ws.packages) ? ws.packages : [];
  return list.filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
}

function scopesOf(entry: Record<string, unknown>): Scope[] {
  const scopes: Scope[] =
    entry.dev === true && entry.optional === true
      ? ['dev', 'optional']
      : entry.dev === true
        ? ['dev']
        : entry.optional === true
          ? ['optional']
          : entry.devOptional === true
            ? ['dev', 'optional']
            : [];
  if (entry.peer === true) scopes.push('peer');
  if (entry.inBundle === true) scopes.push('bundled');
  return scopes;
}

/** The fields of a `packages` entry this parser reads, with one fixed shape. */
interface EntryFields {
  name: string | undefined;
  version: string | undefined;
  resolved: string | undefined;
  integrity: string | undefined;
  license: string | undefined;
  link: boolean;
  hasInstallScript: boolean;
  dev: boolean;
  optional: boolean;
  devOptional: boolean;
  peer: boolean;
  inBundle: boolean;
  dependencies: unknown;
  optionalDependencies: unknown;
  peerDependencies: unknown;
}

/**
 * Reads an entry in one pass over its own keys. Entries come in many shapes, so asking each for a dozen
 * mostly absent fields is a dozen slow megamorphic misses; walking the few keys it has is not.
 */
function readEntry(entry: Record<string, unknown>): EntryFields {
  const fields: EntryFields = {
    name: undefined,
    version: undefined,
    resolved: undefined,
    integrity: undefined,
    license: undefined,
    link: false,
    hasInstallScript: false,
    dev: false,
    optional: false,
    devOptional: false,
    peer: false,
    inBundle: false,
    dependencies: undefined,
    optionalDependencies: undefined,
    peerDependencies: undefined,
  };
  for (const key in entry) {
    const value = entry[key];
    switch (key) {
      case 'name':
      case 'version':
      case 'resolved':
      case 'integrity':
      case 'license':
        if (typeof value === 'string') fields[key] = value;
        break;
      case 'link':
      case 'hasInstallScript':
      case 'dev':
      case 'optional':
      case 'devOptional':
      case 'peer':
      case 'inBundle':
        fields[key] = value === true;
        break;
      case 'dependencies':
      case 'optionalDependencies':
      case 'peerDependencies':
        fields[key] = value;
        break;
      default:
        break;
    }
  }
  return fields;
}

function fieldScopes(fields: EntryFields): Scope[] {
  const scopes: Scope[] =
    fields.dev && fields.optional
      ? ['dev', 'optional']
      : fields.dev
        ? ['dev']
        : fields.optional
          ? ['optional']
          : fields.devOptional
            ? ['dev', 'optional']
            : [];
  if (fields.peer) scopes.push('peer');
  if (fields.inBundle) scopes.push('bundled');
  return scopes;
}

function stringField(entry: Record<string, unknown>, field: string): string | undefined {
  const value = entry[field];
  return typeof value === 'string' ? value : undefined;
}

function parsePackagesSection(
  data: Record<string, unknown>,
  packages: Record<string, unknown>,
  text: string,
  path: string,
): Inventory {
  const collector = new PackageCollector(path, 'package-lock.json');
  const locator = new JsonKeyLocator(text);
  locator.skipTo('packages');
  const root = packages[''];
  const patterns = workspacePatterns(root);
  const workspaces = new WorkspaceGlobs(patterns);
  const keys = Object.keys(packages);
  /** What each install path holds: its package, or for a link entry (`node_modules/x` → `packages/x`) the target path. */
  const tree = new InstallTree<Package | string>();
  /** Packages by path for entries outside node_modules (link targets: workspaces, `file:` folders). */
  const localPackages = new Map<string, Package>();
  /** Per key (same order as `keys`): the package and its fields; undefined for the root, links and projects. */
  const nodes: Array<{ pkg: Package; fields: EntryFields } | undefined> = new Array(keys.length);
  const projectPaths: string[] = [''];
  collector.addProject({ id: npmProjectId(''), ...nameOf(root ?? data), path: '' });

  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const entry = packages[key];
    const line = locator.next(key);
    if (key === '') continue;
    if (!isRecord(entry)) {
      throw new ParseError(path, `package entry "${key}" is not an object`, line === undefined ? {} : { line });
    }
    const fields = readEntry(entry);
    if (fields.link) {
      if (fields.resolved !== undefined) tree.add(key, fields.resolved);
      continue;
    }
    const at = key.lastIndexOf('node_modules/');
    const underNodeModules = at === 0 || (at > 0 && key.charCodeAt(at - 1) === 47);
    let isProject = false;
    if (!underNodeModules && patterns.length > 0 && workspaces.matches(key)) {
      collector.addProject({ id: npmProjectId(key), ...nameOf(entry), path: key });
      projectPaths.push(key);
      isProject = true;
    }
    const installName = underNodeModules ? key.slice(at + 13) : installNameOf(key);
    const name = fields.name ?? installName;
    const resolved = fields.resolved;
    const occurrence: PackageOccurrence = {
      nodeId: key,
      name,
      version: fields.version ?? '',
      scopes: fieldScopes(fields),
      integrity: typeof fields.integrity === 'string' ? fields.integrity : [],
      source: underNodeModules || resolved !== undefined ? sourceFromResolved(resolved) : { kind: 'path', path: key },
      line,
    };
    if (fields.hasInstallScript) occurrence.hasInstallScript = true;
    // npm 7+ copies every installed package's `license` into the v2/v3 lockfile: none there means none declared.
    if (fields.license !== undefined) occurrence.license = fields.license;
    else if (underNodeModules && resolved !== undefined && occurrence.source.kind === 'registry') occurrence.license = null;
    if (name !== installName && underNodeModules) occurrence.aliases = [installName];
    const pkg = collector.add(occurrence, { byNodeId: false });
    if (underNodeModules) tree.addAt(key, at, installName, pkg);
    if (!underNodeModules) localPackages.set(key, pkg);
    // Projects' dependencies (dev ones included) start at the project, below.
    if (!isProject) nodes[i] = { pkg, fields };
  }

  const addEdges = (from: Package | string, chain: ReadonlyArray<Map<string, Package | string>>, map: unknown): void => {
    if (!isRecord(map)) return;
    const names = Object.keys(map);
    for (let i = 0; i < names.length; i++) {
      const hit = InstallTree.resolveIn(chain, names[i] as string);
      const to = typeof hit === 'string' ? localPackages.get(hit) : hit;
      if (to !== undefined) collector.addEdgeBetween(from, to);
    }
  };
  for (let i = 0; i < keys.length; i++) {
    const node = nodes[i];
    if (node === undefined) continue;
    const { pkg, fields } = node;
    if (fields.dependencies === undefined && fields.optionalDependencies === undefined && fields.peerDependencies === undefined) continue;
    const chain = tree.chain(keys[i] as string);
    addEdges(pkg, chain, fields.dependencies);
    addEdges(pkg, chain, fields.optionalDependencies);
    addEdges(pkg, chain, fields.peerDependencies);
  }
  for (const projectPath of projectPaths) {
    const entry = packages[projectPath];
    if (!isRecord(entry)) continue;
    const chain = tree.chain(projectPath);
    for (const field of PROJECT_DEPENDENCY_FIELDS) addEdges(npmProjectId(projectPath), chain, entry[field]);
  }
  return collector.build();
}

function nameOf(entry: unknown): { name?: string } {
  return isRecord(entry) && typeof entry.name === 'string' ? { name: entry.name } : {};
}

/** A v1 `version` field: a version, `npm:<real>@<version>` for aliases, `file:`, or a git URL with commit. */
function readV1Version(installName: string, raw: string): { name: string; version: string; spec?: string } {
  if (raw.startsWith('npm:')) {
    const at = raw.lastIndexOf('@');
    if (at > 4) return { name: raw.slice(4, at), version: raw.slice(at + 1) };
  }
  if (raw.startsWith('file:')) return { name: installName, version: '', spec: raw };
  // A git dependency's v1 "version" is the resolved URL; the package's own version is not recorded.
  if (gitParts(raw) !== undefined) return { name: installName, version: '', spec: raw };
  return { name: installName, version: raw };
}

/**
 * Lockfile v1: the nested `dependencies` tree. The file holds no copy of the root manifest, so direct
 * dependencies come from the sibling package.json when the context can read it; otherwise a top-level
 * entry counts as direct when no other entry `requires` it (a direct dependency that is also required by
 * another package is then reported as transitive).
 */
function parseDependencyTree(data: Record<string, unknown>, text: string, path: string, context?: ParseContext): Inventory {
  const collector = new PackageCollector(path, 'package-lock.json');
  const locator = new JsonKeyLocator(text);
  const nodes = new Map<string, Record<string, unknown>>();
  const tree = new InstallTree();
  collector.addProject({ id: npmProjectId(''), ...nameOf(data), path: '' });

  const walk = (dependencies: Record<string, unknown>, parent: string): void => {
    for (const installName of Object.keys(dependencies)) {
      const entry = dependencies[installName];
      const line = locator.next(installName);
      if (!isRecord(entry)) {
        throw new ParseError(path, `dependency "${installName}" is not an object`, line === undefined ? {} : { line });
      }
      const nodeId = parent === '' ? `node_modules/${installName}` : `${parent}/node_modules/${installName}`;
      nodes.set(nodeId, entry);
      tree.add(nodeId, nodeId);
      const raw = stringField(entry, 'version') ?? '';
      const read = readV1Version(installName, raw);
      const resolved = stringField(entry, 'resolved');
      collector.add({
        nodeId,
        name: read.name,
        version: read.version,
        scopes: scopesOf(entry),
        integrity: typeof entry.integrity === 'string' ? entry.integrity : [],
        source: sourceFromResolved(read.spec ?? resolved),
        line,
        ...(read.name !== installName ? { aliases: [installName] } : {}),
      });
      if (isRecord(entry.dependencies)) walk(entry.dependencies, nodeId);
    }
  };
  if (isRecord(data.dependencies)) walk(data.dependencies, '');

  const required = new Set<string>();
  for (const [nodeId, entry] of nodes) {
    for (const name of declaredNames(entry, ['requires'])) {
      const to = tree.resolve(nodeId, name);
      if (to === undefined) continue;
      collector.addEdge(nodeId, to);
      required.add(to);
    }
  }

  const rootId = npmProjectId('');
  const manifest = readRootManifest(context);
  if (manifest) {
    for (const name of declaredNames(manifest, PROJECT_DEPENDENCY_FIELDS)) {
      const to = tree.resolve('', name);
      if (to !== undefined) collector.addEdge(rootId, to);
    }
  } else {
    for (const nodeId of nodes.keys()) {
      if (nodeId.indexOf('/node_modules/') < 0 && !required.has(nodeId)) collector.addEdge(rootId, nodeId);
    }
  }
  return collector.build();
}

function readRootManifest(context?: ParseContext): Record<string, unknown> | undefined {
  const text = context?.readRelated?.('package.json');
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as unknown;
    return isRecord(manifest) ? manifest : undefined;
  } catch {
    // A broken package.json next to the lockfile is not the lockfile's fault; fall back to the heuristic.
    return undefined;
  }
}

/** npm package-lock.json (v1, v2, v3) and npm-shrinkwrap.json. */
export const packageLockParser: LockfileParser = {
  id: 'package-lock.json',
  ecosystem: 'npm',
  fileNames: ['package-lock.json', 'npm-shrinkwrap.json'],
  conformance: ['javascript/packagelockjson'],
  parse: parsePackageLock,
};
