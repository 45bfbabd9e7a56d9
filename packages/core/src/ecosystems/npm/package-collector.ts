import { ParseError } from '../../errors.js';
import type { Edge, Inventory, Project } from '../../model/inventory.js';
import type { Hash, Package, Scope, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { decodeIntegrity } from './integrity.js';
import { deferProperty } from '../../model/deferred-property.js';

/** One occurrence of a package in a lockfile, before occurrences of the same package are merged. */
export interface PackageOccurrence {
  /** Where the format keeps it (`node_modules/a/node_modules/b`, a pnpm key, ...); edges refer to it. */
  nodeId: string;
  name: string;
  version: string;
  scopes: Scope[];
  /**
   * The hashes, or the lockfile's Subresource Integrity text undecoded: then the package decodes it the first
   * time its `integrity` is read (an SBOM or a hash rule reads it; `ls` and most checks never do).
   */
  integrity: Hash[] | string;
  source: Source;
  /** The entry's line, or how to find it when a report asks (a line scan the YAML fast path defers). */
  line?: number | (() => number | undefined) | undefined;
  hasInstallScript?: boolean;
  license?: string | null;
  aliases?: string[];
}

/** True when every char is one packageurl-js leaves as is in an npm name part: `a-z 0-9 . _ -`. */
function isPlainNamePart(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95)) return false;
  }
  return true;
}

/** True when every char is one packageurl-js leaves as is in a version: `A-Z a-z 0-9 . + -`. */
function isPlainVersion(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 43)) return false;
  }
  return true;
}

/**
 * Builds `pkg:npm/...` purls. packageurl-js (through `buildPurl`) does the encoding and normalisation, but it
 * costs more than the rest of the parse at 50,000 packages. So purls are memoised per (name, version), and
 * names and versions made only of characters packageurl-js passes through unchanged (lowercase letters,
 * digits, `.`, `_`, `-`; versions also uppercase and `+`) are assembled directly; a test checks that this
 * gives byte-for-byte what `buildPurl` gives. Everything else goes through `buildPurl`.
 */
export class NpmPurls {
  private readonly cache = new Map<string, string>();

  purl(name: string, version: string): string {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    if (
      (slash < 0 ? isPlainNamePart(name, 0, name.length) : isPlainNamePart(name, 1, slash) && isPlainNamePart(name, slash + 1, name.length)) &&
      isPlainVersion(version)
    ) {
      const path = slash < 0 ? name : `%40${name.slice(1)}`;
      return version === '' ? `pkg:npm/${path}` : `pkg:npm/${path}@${version}`;
    }
    const key = `${name}@${version}`;
    let purl = this.cache.get(key);
    if (purl === undefined) {
      purl =
        slash > 0
          ? buildPurl('npm', name.slice(0, slash), name.slice(slash + 1), version)
          : buildPurl('npm', undefined, name, version);
      this.cache.set(key, purl);
    }
    return purl;
  }
}

/** The key a package is merged under within its name: the version, plus the commit for git sources. */
function versionKeyOf(pkg: Package): string {
  return pkg.source.kind === 'git' && pkg.source.commit !== undefined ? `${pkg.version}#${pkg.source.commit}` : pkg.version;
}

/**
 * Merges scope lists the way the conformance corpus (osv-scalibr) does: a package that is a production
 * dependency anywhere (no scope) is a production dependency; otherwise the union.
 */
export function mergeScopes(a: readonly Scope[], b: readonly Scope[]): Scope[] {
  if (a.length === 0 || b.length === 0) return [];
  const merged = new Set([...a, ...b]);
  return [...merged].sort();
}

/**
 * Collects package occurrences into one inventory: the same (name, version, commit) reported at several
 * places in the tree is one package (scopes merged, first location kept), and edges between occurrences
 * become edges between the merged packages.
 */
export class PackageCollector {
  /** name → the merged package, or version (+ `#commit` for git) → merged package once a name has several. */
  private readonly byName = new Map<string, Package | Map<string, Package>>();
  private readonly packages: Package[] = [];
  private readonly nodeToPackage = new Map<string, Package>();
  /** from id → to ids, deduplicated as they arrive. */
  private readonly edgeTargets = new Map<string, string[] | Set<string>>();
  private lastFrom: string | undefined;
  private lastFromProject = false;
  private lastFromId: string | undefined;
  private lastFromNode: Package | string | undefined;
  private lastTargets: string[] | Set<string> | undefined;
  private readonly edges: Edge[] = [];
  private readonly projects: Project[] = [];
  private readonly projectIds = new Set<string>();
  private readonly purls = new NpmPurls();

  constructor(
    private readonly lockfile: string,
    private readonly format: string,
  ) {}

  /**
   * Adds an occurrence; returns the merged package it belongs to. `byNodeId: false` skips indexing the
   * occurrence id for `addEdge`/`packageOf`, for callers that keep the returned package themselves.
   */
  add(occurrence: PackageOccurrence, options?: { byNodeId: boolean }): Package {
    const commit = occurrence.source.kind === 'git' ? occurrence.source.commit : undefined;
    const versionKey = commit === undefined ? occurrence.version : `${occurrence.version}#${commit}`;
    // Most names have one version: the map holds that package itself until a second version shows up.
    const slot = this.byName.get(occurrence.name);
    let pkg: Package | undefined;
    if (slot instanceof Map) pkg = slot.get(versionKey);
    else if (slot !== undefined && versionKeyOf(slot) === versionKey) pkg = slot;
    if (pkg === undefined) {
      // Built field by field in a fixed order (integrity deferred or not), so the packages share a hidden class.
      const built = {
        id: occurrence.nodeId,
        ecosystem: 'npm',
        name: occurrence.name,
        version: occurrence.version,
        purl: this.purlOf(occurrence),
        direct: false,
        scopes: occurrence.scopes.length > 1 ? [...occurrence.scopes].sort() : occurrence.scopes,
      } as Package;
      const sri = occurrence.integrity;
      if (typeof sri !== 'string') built.integrity = sri;
      else if (sri === '') built.integrity = [];
      else deferProperty(built, 'integrity', () => decodeIntegrity(sri));
      built.source = occurrence.source;
      built.location = locationOf(this.lockfile, occurrence.line);
      pkg = built;
      if (occurrence.hasInstallScript === true) pkg.hasInstallScript = true;
      if (occurrence.license !== undefined) pkg.license = occurrence.license;
      if (occurrence.aliases !== undefined && occurrence.aliases.length > 0) pkg.aliases = [...occurrence.aliases];
      if (slot === undefined) {
        this.byName.set(occurrence.name, pkg);
      } else if (slot instanceof Map) {
        slot.set(versionKey, pkg);
      } else {
        this.byName.set(
          occurrence.name,
          new Map([
            [versionKeyOf(slot), slot],
            [versionKey, pkg],
          ]),
        );
      }
      this.packages.push(pkg);
    } else {
      pkg.scopes = mergeScopes(pkg.scopes, occurrence.scopes);
      if (pkg.integrity.length === 0 && occurrence.integrity.length > 0) {
        const incoming = typeof occurrence.integrity === 'string' ? decodeIntegrity(occurrence.integrity) : occurrence.integrity;
        if (incoming.length > 0) pkg.integrity = incoming;
      }
      if (occurrence.hasInstallScript === true) pkg.hasInstallScript = true;
      if (pkg.license === undefined && occurrence.license !== undefined) pkg.license = occurrence.license;
      if (occurrence.aliases !== undefined) {
        for (const alias of occurrence.aliases) {
          pkg.aliases ??= [];
          if (!pkg.aliases.includes(alias)) pkg.aliases.push(alias);
        }
      }
    }
    if (options?.byNodeId !== false) this.nodeToPackage.set(occurrence.nodeId, pkg);
    return pkg;
  }

  // packageurl-js rejects what no registry accepts (an empty name): that is malformed input, said with its line.
  private purlOf(occurrence: PackageOccurrence): string {
    try {
      return this.purls.purl(occurrence.name, occurrence.version);
    } catch (err) {
      throw new ParseError(
        this.lockfile,
        `invalid package name ${JSON.stringify(occurrence.name)} at "${occurrence.nodeId}"`,
        lineOf(occurrence.line) === undefined ? {} : { line: lineOf(occurrence.line)! },
        { cause: err },
      );
    }
  }

  /** Registers a root or workspace project; edges may start at its id. */
  addProject(project: Project): void {
    if (this.projectIds.has(project.id)) return;
    this.projectIds.add(project.id);
    this.projects.push(project);
  }

  hasProject(id: string): boolean {
    return this.projectIds.has(id);
  }

  /**
   * Records that node `from` (an occurrence or a project) depends on node `to`. Both must already be added;
   * unknown nodes are ignored (a dependency the lockfile does not resolve). An edge from a project makes its
   * target direct.
   */
  addEdge(from: string, to: string): void {
    if (from !== this.lastFrom) {
      const fromProject = this.projectIds.has(from);
      this.startEdges(from, fromProject ? from : this.nodeToPackage.get(from)?.id, fromProject);
    }
    const toPackage = this.nodeToPackage.get(to);
    if (toPackage !== undefined) this.pushEdge(toPackage.id, toPackage);
    else if (this.projectIds.has(to)) this.pushEdge(to, undefined);
  }

  /**
   * Like `addEdge` for callers that already hold the packages (`from` a package or a project id, `to` a
   * package): the package-lock.json parser's hot path, which saves two map lookups per edge.
   */
  addEdgeBetween(from: Package | string, to: Package): void {
    if (from !== this.lastFromNode) {
      // Clears `lastFrom` too: a node id cache must not survive into addEdge calls.
      if (typeof from === 'string') this.startEdges(undefined, this.projectIds.has(from) ? from : undefined, true);
      else this.startEdges(undefined, from.id, false);
      this.lastFromNode = from;
    }
    this.pushEdge(to.id, to);
  }

  // Parsers add a node's edges one after another, so the source and its targets are looked up once per node.
  private startEdges(node: string | undefined, fromId: string | undefined, fromProject: boolean): void {
    this.lastFrom = node;
    this.lastFromNode = undefined;
    this.lastFromProject = fromProject;
    this.lastFromId = fromId;
    this.lastTargets = fromId === undefined ? undefined : this.edgeTargets.get(fromId);
  }

  private pushEdge(toId: string, toPackage: Package | undefined): void {
    const fromId = this.lastFromId;
    if (fromId === undefined || toId === fromId) return;
    if (this.lastFromProject && toPackage !== undefined) toPackage.direct = true;
    // Most packages have a handful of dependencies: a short array is cheaper than a Set per package.
    const targets = this.lastTargets;
    if (targets === undefined) {
      this.lastTargets = [toId];
      this.edgeTargets.set(fromId, this.lastTargets);
    } else if (Array.isArray(targets)) {
      if (targets.includes(toId)) return;
      if (targets.length < 16) {
        targets.push(toId);
      } else {
        this.lastTargets = new Set([...targets, toId]);
        this.edgeTargets.set(fromId, this.lastTargets);
      }
    } else {
      if (targets.has(toId)) return;
      targets.add(toId);
    }
    this.edges.push({ from: fromId, to: toId });
  }

  /** Lets another node id (a pnpm snapshot with peer suffix, say) stand for an already added package. */
  alias(nodeId: string, pkg: Package): void {
    this.nodeToPackage.set(nodeId, pkg);
  }

  /** The merged package an occurrence id belongs to. */
  packageOf(nodeId: string): Package | undefined {
    return this.nodeToPackage.get(nodeId);
  }

  /** The finished inventory. Formats that record no dependency graph pass `edges: false`. */
  build(options: { edges: boolean } = { edges: true }): Inventory {
    const inventory: Inventory = {
      lockfile: this.lockfile,
      format: this.format,
      ecosystem: 'npm',
      packages: this.packages,
      projects: this.projects,
    };
    if (options.edges) inventory.edges = this.edges;
    return inventory;
  }
}

function lineOf(line: PackageOccurrence['line']): number | undefined {
  return typeof line === 'function' ? line() : line;
}

/**
 * A package's location. A deferred line is looked up once, on first read (`deferProperty`): a 50,000-entry
 * lockfile pays for the few lines its findings show, not for every entry.
 */
function locationOf(file: string, line: PackageOccurrence['line']): Package['location'] {
  if (line === undefined) return { file };
  if (typeof line === 'number') return { file, line };
  const location = { file } as Package['location'];
  deferProperty(location, 'line', line);
  return location;
}
