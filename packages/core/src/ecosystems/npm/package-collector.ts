import type { Edge, Inventory, Project } from '../../model/inventory.js';
import type { Hash, Package, Scope, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';

/** One occurrence of a package in a lockfile, before occurrences of the same package are merged. */
export interface PackageOccurrence {
  /** Where the format keeps it (`node_modules/a/node_modules/b`, a pnpm key, ...); edges refer to it. */
  nodeId: string;
  name: string;
  version: string;
  scopes: Scope[];
  integrity: Hash[];
  source: Source;
  line?: number | undefined;
  hasInstallScript?: boolean;
  license?: string;
  aliases?: string[];
}

/** Builds `pkg:npm/...` purls, memoised per (name, version) since packageurl-js is slow-ish for 50k packages. */
export class NpmPurls {
  private readonly cache = new Map<string, string>();

  purl(name: string, version: string): string {
    const key = `${name}@${version}`;
    let purl = this.cache.get(key);
    if (purl === undefined) {
      const slash = name.startsWith('@') ? name.indexOf('/') : -1;
      purl =
        slash > 0
          ? buildPurl('npm', name.slice(0, slash), name.slice(slash + 1), version)
          : buildPurl('npm', undefined, name, version);
      this.cache.set(key, purl);
    }
    return purl;
  }
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
  private readonly byKey = new Map<string, Package>();
  private readonly nodeToPackage = new Map<string, Package>();
  private readonly rawEdges: Edge[] = [];
  private readonly projects: Project[] = [];
  private readonly projectIds = new Set<string>();
  private readonly purls = new NpmPurls();

  constructor(
    private readonly lockfile: string,
    private readonly format: string,
  ) {}

  /** Adds an occurrence; returns the merged package it belongs to. */
  add(occurrence: PackageOccurrence): Package {
    const commit = occurrence.source.kind === 'git' ? (occurrence.source.commit ?? '') : '';
    const key = `${occurrence.name}@${occurrence.version}#${commit}`;
    let pkg = this.byKey.get(key);
    if (pkg === undefined) {
      pkg = {
        id: occurrence.nodeId,
        ecosystem: 'npm',
        name: occurrence.name,
        version: occurrence.version,
        purl: this.purls.purl(occurrence.name, occurrence.version),
        direct: false,
        scopes: [...occurrence.scopes].sort(),
        integrity: occurrence.integrity,
        source: occurrence.source,
        location: occurrence.line === undefined ? { file: this.lockfile } : { file: this.lockfile, line: occurrence.line },
      };
      if (occurrence.hasInstallScript === true) pkg.hasInstallScript = true;
      if (occurrence.license !== undefined) pkg.license = occurrence.license;
      if (occurrence.aliases !== undefined && occurrence.aliases.length > 0) pkg.aliases = [...occurrence.aliases];
      this.byKey.set(key, pkg);
    } else {
      pkg.scopes = mergeScopes(pkg.scopes, occurrence.scopes);
      if (pkg.integrity.length === 0 && occurrence.integrity.length > 0) pkg.integrity = occurrence.integrity;
      if (occurrence.hasInstallScript === true) pkg.hasInstallScript = true;
      if (pkg.license === undefined && occurrence.license !== undefined) pkg.license = occurrence.license;
      if (occurrence.aliases !== undefined) {
        for (const alias of occurrence.aliases) {
          pkg.aliases ??= [];
          if (!pkg.aliases.includes(alias)) pkg.aliases.push(alias);
        }
      }
    }
    this.nodeToPackage.set(occurrence.nodeId, pkg);
    return pkg;
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

  /** Records that node `from` (an occurrence or a project) depends on node `to`. */
  addEdge(from: string, to: string): void {
    this.rawEdges.push({ from, to });
  }

  /** Lets another node id (a pnpm snapshot with peer suffix, say) stand for an already added package. */
  alias(nodeId: string, pkg: Package): void {
    this.nodeToPackage.set(nodeId, pkg);
  }

  /** The merged package an occurrence id belongs to. */
  packageOf(nodeId: string): Package | undefined {
    return this.nodeToPackage.get(nodeId);
  }

  /**
   * Finishes the inventory: edges are mapped onto merged packages and deduplicated, and a package is
   * direct when a project depends on it.
   */
  build(options: { edges: boolean } = { edges: true }): Inventory {
    const inventory: Inventory = {
      lockfile: this.lockfile,
      format: this.format,
      ecosystem: 'npm',
      packages: [...this.byKey.values()],
      projects: this.projects,
    };
    const seen = new Set<string>();
    const edges: Edge[] = [];
    for (const edge of this.rawEdges) {
      const fromProject = this.projectIds.has(edge.from);
      const from = fromProject ? edge.from : this.nodeToPackage.get(edge.from)?.id;
      const toPackage = this.nodeToPackage.get(edge.to);
      const to = toPackage?.id ?? (this.projectIds.has(edge.to) ? edge.to : undefined);
      if (from === undefined || to === undefined || from === to) continue;
      if (fromProject && toPackage) toPackage.direct = true;
      const key = `${from}\u0000${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from, to });
    }
    if (options.edges) inventory.edges = edges;
    return inventory;
  }

  /** Marks a package direct without an edge (formats that only list direct names). */
  markDirect(nodeId: string): void {
    const pkg = this.nodeToPackage.get(nodeId);
    if (pkg) pkg.direct = true;
  }
}
