import { ParseError } from '../../errors.js';
import type { Inventory } from '../../model/inventory.js';
import type { Hash, Source } from '../../model/package.js';
import { isRecord } from '../../parse/json.js';
import type { LockfileParser } from '../types.js';
import { JsonKeyLocator } from './json-key-locator.js';
import { parseJsonc } from './jsonc.js';
import { PackageCollector } from './package-collector.js';
import { applyRootScopes, declareRoot, type RootDeclarations } from './root-scopes.js';
import { declaredNames, npmProjectId } from './package-lock.js';
import { sourceFromResolved } from './resolved-source.js';

const SUPPORTED_VERSIONS = [0, 1];
const WORKSPACE_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

function splitNameSpec(spec: string): [string, string] {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at < 0 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
}

interface BunPackage {
  key: string;
  name: string;
  version: string;
  source: Source;
  /** The Subresource Integrity text, decoded when a package's hashes are read (most runs never read them). */
  integrity: Hash[] | string;
  info: Record<string, unknown>;
  workspace?: string;
}

/**
 * Reads one `packages` tuple: `[name@version, registry, info, integrity]` for registry packages,
 * `[name@<git or tarball spec>, info, tag]` for git/tarball ones, `[name@file:…, info]` and
 * `[name@workspace:…]` for local ones.
 */
function readTuple(key: string, tuple: unknown, path: string, line: number | undefined): BunPackage {
  const where = line === undefined ? {} : { line };
  if (!Array.isArray(tuple)) throw new ParseError(path, `package "${key}" is not an array`, where);
  const spec: unknown = tuple[0];
  if (typeof spec !== 'string') {
    throw new ParseError(path, `could not extract '${key}': the first element of its tuple is not a "name@version" string`, where);
  }
  const [name, rest] = splitNameSpec(spec);
  const info = tuple.slice(1).find(isRecord) ?? {};
  if (rest.startsWith('workspace:')) {
    const workspace = rest.slice(10);
    return { key, name, version: '', source: { kind: 'path', path: workspace }, integrity: [], info, workspace };
  }
  if (rest.startsWith('file:') || rest.startsWith('link:')) {
    return { key, name, version: '', source: { kind: 'path', path: rest.slice(5) }, integrity: [], info };
  }
  const registry = tuple[1];
  if (typeof registry === 'string') {
    // A registry package: the version is plain and tuple[1] names a non-default registry ("" for the default).
    const integrity = typeof tuple[3] === 'string' ? tuple[3] : [];
    const source: Source = registry === '' ? { kind: 'registry' } : { kind: 'registry', url: registry };
    return { key, name, version: rest, source, integrity, info };
  }
  // git and tarball dependencies record the spec they resolved, not the package's own version.
  const source = sourceFromResolved(rest);
  return { key, name, version: source.kind === 'git' ? '' : rest, source, integrity: [], info };
}

/** The name a package is installed under: the last segment of its key, two when scoped (`a/@s/b`). */
function installNameOf(key: string): string {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return key;
  const before = key.lastIndexOf('/', slash - 1);
  const parent = key.slice(before + 1, slash);
  return parent.startsWith('@') ? key.slice(before + 1) : key.slice(slash + 1);
}

/** Ancestor folders searched when resolving a dependency (node_modules nesting depth). */
const MAX_ANCESTORS = 128;

/**
 * bun resolves like node: `a/b` is `b` nested under `a`. From `from` (a package key, or `""` for the top),
 * look for `<ancestor>/<name>` for each ancestor key, then the top-level `<name>`.
 */
function resolveKey(has: (key: string) => boolean, from: string, name: string): string | undefined {
  let base = from;
  // Each ancestor costs a string of the key's length, so a key of 18,000 slashes made this quadratic; no real
  // install nests anywhere near MAX_ANCESTORS deep.
  for (let level = 0; base !== '' && level < MAX_ANCESTORS; level++) {
    const candidate = `${base}/${name}`;
    if (has(candidate)) return candidate;
    const slash = base.lastIndexOf('/');
    base = slash < 0 ? '' : base.slice(0, slash);
  }
  return has(name) ? name : undefined;
}

/**
 * Parses bun's text lockfile `bun.lock` (JSONC, lockfileVersion 0 and 1). Workspaces become projects; each
 * `packages` entry is a package (repeats of one name/version/commit merged).
 */
export function parseBunLock(text: string, path: string): Inventory {
  const data = parseJsonc(text, path);
  if (!isRecord(data)) {
    throw new ParseError(path, 'expected a JSON object at the top level', { line: 1, column: 1 });
  }
  const collector = new PackageCollector(path, 'bun.lock');
  const version = data.lockfileVersion;
  const packages = isRecord(data.packages) ? data.packages : {};
  if (version !== undefined && !(typeof version === 'number' && SUPPORTED_VERSIONS.includes(version))) {
    throw new ParseError(path, `unsupported lockfileVersion ${JSON.stringify(version)} (supported: ${SUPPORTED_VERSIONS.join(', ')})`, {}, {
      code: 'UNSUPPORTED_FORMAT',
    });
  }
  const workspaces = isRecord(data.workspaces) ? data.workspaces : {};
  for (const workspacePath of Object.keys(workspaces)) {
    const workspace = workspaces[workspacePath];
    collector.addProject({
      id: npmProjectId(workspacePath),
      ...(isRecord(workspace) && typeof workspace.name === 'string' ? { name: workspace.name } : {}),
      path: workspacePath,
    });
  }

  const locator = new JsonKeyLocator(text);
  locator.skipTo('packages');
  const has = (key: string): boolean => Object.hasOwn(packages, key);
  const read: BunPackage[] = [];
  for (const key of Object.keys(packages)) {
    const line = locator.next(key, '[');
    const pkg = readTuple(key, packages[key], path, line);
    read.push(pkg);
    // Workspaces are projects and, as in package-lock.json and yarn.lock, packages with a path source.
    const installName = installNameOf(key);
    collector.add({
      nodeId: key,
      name: pkg.name,
      version: pkg.version,
      scopes: [],
      integrity: pkg.integrity,
      source: pkg.source,
      line,
      ...(installName !== pkg.name ? { aliases: [installName] } : {}),
    });
  }

  for (const pkg of read) {
    if (pkg.workspace !== undefined) continue;
    for (const name of declaredNames(pkg.info, PACKAGE_FIELDS)) {
      const to = resolveKey(has, pkg.key, name);
      if (to !== undefined) collector.addEdge(pkg.key, to);
    }
  }
  const declarations: RootDeclarations = new Map();
  for (const workspacePath of Object.keys(workspaces)) {
    const workspace = workspaces[workspacePath];
    if (!isRecord(workspace)) continue;
    declareRoot(declarations, npmProjectId(workspacePath), workspace);
    const prefix = workspacePath !== '' && typeof workspace.name === 'string' ? workspace.name : '';
    for (const name of declaredNames(workspace, WORKSPACE_FIELDS)) {
      const to = resolveKey(has, prefix, name);
      if (to !== undefined) collector.addEdge(npmProjectId(workspacePath), to);
    }
  }
  const inventory = collector.build();
  // bun.lock has no per-package dev/optional flags; the workspaces' dependency maps say which roots are dev.
  applyRootScopes(inventory, declarations);
  return inventory;
}

/** bun's text lockfile, bun.lock. */
export const bunLockParser: LockfileParser = {
  id: 'bun.lock',
  ecosystem: 'npm',
  fileNames: ['bun.lock'],
  conformance: ['javascript/bunlock'],
  parse: parseBunLock,
};
