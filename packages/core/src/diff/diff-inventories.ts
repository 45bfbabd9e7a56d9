import type { Ecosystem } from '../model/ecosystem.js';
import type { Inventory } from '../model/inventory.js';
import type { Package } from '../model/package.js';
import { ECOSYSTEM_PLUGINS } from '../ecosystems/registry.js';

export type ChangeType = 'added' | 'removed' | 'upgraded' | 'downgraded';

/** One package change in one lockfile between base and head. */
export interface DependencyChange {
  type: ChangeType;
  ecosystem: Ecosystem;
  name: string;
  /** Version at base (absent for `added`). */
  before?: string;
  /** Version at head (absent for `removed`). */
  after?: string;
  /** Declared directly by a project (at head; at base for `removed`). */
  direct: boolean;
  lockfile: string;
  /** For a new transitive package: the direct dependencies that pulled it in (when the format records edges). */
  via?: string[];
  /** The head package (the base one for `removed`), with its purl, scopes, source and location. */
  package: Package;
}

/** How many direct dependencies `via` names at most; the first few tell a reviewer enough. */
const MAX_VIA = 5;

/**
 * Compares base and head inventories lockfile by lockfile (matched by path). A lockfile new at head counts
 * as all-added, one gone at head as all-removed. Within a lockfile, each (ecosystem, name) is compared by its
 * set of versions: a version that disappeared and one that appeared pair up as an upgrade or downgrade, in
 * version order; what is left over is added or removed.
 */
export function diffInventories(base: readonly Inventory[], head: readonly Inventory[]): DependencyChange[] {
  const baseByFile = new Map(base.map((inv) => [inv.lockfile, inv]));
  const headByFile = new Map(head.map((inv) => [inv.lockfile, inv]));
  const files = [...new Set([...baseByFile.keys(), ...headByFile.keys()])].sort();
  const changes: DependencyChange[] = [];
  for (const file of files) {
    changes.push(...diffLockfile(baseByFile.get(file), headByFile.get(file), file));
  }
  return changes;
}

interface Group {
  ecosystem: Ecosystem;
  name: string;
  /** version key → the packages with it (a version can sit at several places in the tree). */
  versions: Map<string, Package[]>;
}

function groupPackages(inventory: Inventory | undefined): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const pkg of inventory?.packages ?? []) {
    const key = `${pkg.ecosystem}\0${pkg.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { ecosystem: pkg.ecosystem, name: pkg.name, versions: new Map() };
      groups.set(key, group);
    }
    const vkey = versionKey(pkg);
    const list = group.versions.get(vkey);
    if (list) list.push(pkg);
    else group.versions.set(vkey, [pkg]);
  }
  return groups;
}

/** A git dependency without a version is told apart by its commit. */
function versionKey(pkg: Package): string {
  if (pkg.source.kind === 'git' && pkg.source.commit) {
    return pkg.version ? `${pkg.version}#${pkg.source.commit}` : pkg.source.commit;
  }
  return pkg.version;
}

function diffLockfile(base: Inventory | undefined, head: Inventory | undefined, file: string): DependencyChange[] {
  const baseGroups = groupPackages(base);
  const headGroups = groupPackages(head);
  const changes: DependencyChange[] = [];
  const via = head ? new ViaFinder(head) : undefined;
  const keys = new Set([...baseGroups.keys(), ...headGroups.keys()]);
  for (const key of keys) {
    const b = baseGroups.get(key);
    const h = headGroups.get(key);
    const group = (h ?? b) as Group;
    const gone = b ? [...b.versions.keys()].filter((v) => !h?.versions.has(v)) : [];
    const came = h ? [...h.versions.keys()].filter((v) => !b?.versions.has(v)) : [];
    if (gone.length === 0 && came.length === 0) continue;
    const order = versionOrder(group.ecosystem);
    gone.sort(order);
    came.sort(order);
    const paired = Math.min(gone.length, came.length);
    for (let i = 0; i < paired; i++) {
      const before = gone[i] as string;
      const after = came[i] as string;
      const pkgs = h?.versions.get(after) ?? [];
      changes.push(
        change(order(after, before) < 0 ? 'downgraded' : 'upgraded', group, file, pkgs, before, after, via),
      );
    }
    for (const after of came.slice(paired)) {
      changes.push(change('added', group, file, h?.versions.get(after) ?? [], undefined, after, via));
    }
    for (const before of gone.slice(paired)) {
      changes.push(change('removed', group, file, b?.versions.get(before) ?? [], before, undefined, undefined));
    }
  }
  return changes.sort(
    (x, y) => compareText(x.ecosystem, y.ecosystem) || compareText(x.name, y.name) || compareText(x.after ?? x.before ?? '', y.after ?? y.before ?? ''),
  );
}

function change(
  type: ChangeType,
  group: Group,
  lockfile: string,
  pkgs: Package[],
  before: string | undefined,
  after: string | undefined,
  via: ViaFinder | undefined,
): DependencyChange {
  const first = pkgs.find((p) => p.direct) ?? (pkgs[0] as Package);
  const direct = pkgs.some((p) => p.direct);
  const c: DependencyChange = { type, ecosystem: group.ecosystem, name: group.name, direct, lockfile, package: first };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  if (type !== 'removed' && !direct && via) {
    const names = via.directAncestors(pkgs);
    if (names) c.via = names;
  }
  return c;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ecosystem's version order, falling back to text order for versions it cannot parse (git commits). */
function versionOrder(ecosystem: Ecosystem): (a: string, b: string) => number {
  const plugin = ECOSYSTEM_PLUGINS.get(ecosystem);
  return (a, b) => {
    if (plugin) {
      try {
        return plugin.compareVersions(a, b);
      } catch {
        // Not a version of this ecosystem (a commit, a path): order as text so the result is stable.
      }
    }
    return compareText(a, b);
  };
}

/** Walks dependency edges backwards from a package to the direct dependencies that pull it in. */
class ViaFinder {
  private reverse: Map<string, string[]> | undefined;
  private readonly byId: Map<string, Package>;
  private readonly edges: Inventory['edges'];

  constructor(inventory: Inventory) {
    this.edges = inventory.edges;
    this.byId = new Map(inventory.packages.map((p) => [p.id, p]));
  }

  /** Names of direct packages from which one of `pkgs` is reachable; `undefined` when the format has no edges. */
  directAncestors(pkgs: Package[]): string[] | undefined {
    if (!this.edges) return undefined;
    // Built on first use: most diffs add few transitive packages, and diffs without any pay nothing.
    this.reverse ??= buildReverse(this.edges);
    const found = new Set<string>();
    const seen = new Set<string>(pkgs.map((p) => p.id));
    const queue = pkgs.map((p) => p.id);
    for (let i = 0; i < queue.length && found.size < MAX_VIA; i++) {
      for (const parent of this.reverse.get(queue[i] as string) ?? []) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        const pkg = this.byId.get(parent);
        if (pkg?.direct) found.add(pkg.name);
        else if (pkg) queue.push(parent);
      }
    }
    return [...found].sort();
  }
}

function buildReverse(edges: NonNullable<Inventory['edges']>): Map<string, string[]> {
  const reverse = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const list = reverse.get(to);
    if (list) list.push(from);
    else reverse.set(to, [from]);
  }
  return reverse;
}
