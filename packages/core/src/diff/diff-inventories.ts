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
  /** For `added`: another version of the same name was already in the base lockfile (the name was accepted). */
  nameInBase?: true;
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

/**
 * Packages by ecosystem + normalised name, in lockfile order, so `Django` -> `django` on PyPI is one package
 * upgraded rather than one removed and one added.
 */
function byName(inventory: Inventory | undefined): Map<string, Package[]> {
  const map = new Map<string, Package[]>();
  for (const pkg of inventory?.packages ?? []) {
    const key = pkg.ecosystem === 'npm' ? pkg.name : `${pkg.ecosystem}\0${normalizedName(pkg)}`;
    const list = map.get(key);
    if (list) list.push(pkg);
    else map.set(key, [pkg]);
  }
  return map;
}

function normalizedName(pkg: Package): string {
  const plugin = ECOSYSTEM_PLUGINS.get(pkg.ecosystem);
  return plugin ? plugin.normalizeName(pkg.name) : pkg.name;
}

function toGroup(pkgs: Package[] | undefined): Group | undefined {
  const first = pkgs?.[0];
  if (!pkgs || !first) return undefined;
  const versions = new Map<string, Package[]>();
  for (const pkg of pkgs) {
    const vkey = versionKey(pkg);
    const list = versions.get(vkey);
    if (list) list.push(pkg);
    else versions.set(vkey, [pkg]);
  }
  return { ecosystem: first.ecosystem, name: first.name, versions };
}

/** True when both sides hold the same versions; the common case, decided without building maps. */
function sameVersions(b: Package[], h: Package[]): boolean {
  if (b.length === 1 && h.length === 1) return versionKey(b[0] as Package) === versionKey(h[0] as Package);
  const bv = new Set(b.map(versionKey));
  const hv = new Set(h.map(versionKey));
  if (bv.size !== hv.size) return false;
  for (const v of bv) if (!hv.has(v)) return false;
  return true;
}

/** A git dependency without a version is told apart by its commit. */
function versionKey(pkg: Package): string {
  if (pkg.source.kind === 'git' && pkg.source.commit) {
    return pkg.version ? `${pkg.version}#${pkg.source.commit}` : pkg.source.commit;
  }
  return pkg.version;
}

function diffLockfile(base: Inventory | undefined, head: Inventory | undefined, file: string): DependencyChange[] {
  const baseByName = byName(base);
  const headByName = byName(head);
  const changes: DependencyChange[] = [];
  const needVia: Array<{ change: DependencyChange; pkgs: Package[] }> = [];
  const consider = (bp: Package[] | undefined, hp: Package[] | undefined): void => {
    if (bp && hp && sameVersions(bp, hp)) return;
    const b = toGroup(bp);
    const h = toGroup(hp);
    const group = (h ?? b) as Group;
    const gone = b ? [...b.versions.keys()].filter((v) => !h?.versions.has(v)) : [];
    const came = h ? [...h.versions.keys()].filter((v) => !b?.versions.has(v)) : [];
    const order = versionOrder(group.ecosystem);
    gone.sort(order);
    came.sort(order);
    for (const [before, after] of pairVersions(gone, came, b, h, order)) {
      const pkgs = h?.versions.get(after) ?? [];
      changes.push(
        change(order(after, before) < 0 ? 'downgraded' : 'upgraded', group, file, pkgs, before, after, needVia),
      );
    }
    for (const after of came) {
      const added = change('added', group, file, h?.versions.get(after) ?? [], undefined, after, needVia);
      if (b) added.nameInBase = true;
      changes.push(added);
    }
    for (const before of gone) {
      changes.push(change('removed', group, file, b?.versions.get(before) ?? [], before, undefined, undefined));
    }
  };
  for (const [key, hp] of headByName) consider(baseByName.get(key), hp);
  for (const [key, bp] of baseByName) if (!headByName.has(key)) consider(bp, undefined);
  if (head?.edges && needVia.length > 0) {
    const found = directAncestors(head, needVia.map((n) => n.pkgs));
    needVia.forEach((n, i) => (n.change.via = found[i]));
  }
  return changes.sort(
    (x, y) => compareText(x.ecosystem, y.ecosystem) || compareText(x.name, y.name) || compareText(x.after ?? x.before ?? '', y.after ?? y.before ?? ''),
  );
}

/**
 * Pairs versions that disappeared with versions that appeared, removing the paired ones from `gone` and `came`.
 * A version at the same place in the tree (same package id, e.g. `node_modules/debug`) is the same dependency
 * changed; otherwise each old version goes to the nearest new version above it, else the nearest below.
 */
function pairVersions(
  gone: string[],
  came: string[],
  b: Group | undefined,
  h: Group | undefined,
  order: (x: string, y: string) => number,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const take = (before: string, after: string): void => {
    pairs.push([before, after]);
    gone.splice(gone.indexOf(before), 1);
    came.splice(came.indexOf(after), 1);
  };
  for (const before of [...gone]) {
    const ids = new Set((b?.versions.get(before) ?? []).map((p) => p.id));
    const after = came.find((v) => (h?.versions.get(v) ?? []).some((p) => ids.has(p.id)));
    if (after !== undefined) take(before, after);
  }
  for (const before of [...gone]) {
    if (came.length === 0) break;
    const above = came.find((v) => order(v, before) > 0);
    take(before, above ?? (came[came.length - 1] as string));
  }
  return pairs;
}

function change(
  type: ChangeType,
  group: Group,
  lockfile: string,
  pkgs: Package[],
  before: string | undefined,
  after: string | undefined,
  needVia: Array<{ change: DependencyChange; pkgs: Package[] }> | undefined,
): DependencyChange {
  const first = pkgs.find((p) => p.direct) ?? (pkgs[0] as Package);
  const direct = pkgs.some((p) => p.direct);
  const c: DependencyChange = { type, ecosystem: group.ecosystem, name: group.name, direct, lockfile, package: first };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  if (type !== 'removed' && !direct && needVia) needVia.push({ change: c, pkgs });
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

/**
 * For each target (the instances of one changed package), the names of the direct packages it is reachable from.
 * Every package gets a bitset of the direct packages above it, propagated along edges until nothing changes: a
 * set only grows, so each package is revisited at most once per direct package, and usually far less.
 */
function directAncestors(inventory: Inventory, targets: Package[][]): string[][] {
  const graph = indexGraph(inventory);
  const { packages } = inventory;
  const directs: number[] = [];
  packages.forEach((p, i) => {
    if (p.direct) directs.push(i);
  });
  const words = Math.max(1, Math.ceil(directs.length / 32));
  const bits = new Uint32Array(packages.length * words);
  const queued = new Uint8Array(packages.length);
  const queue: number[] = [];
  directs.forEach((node, k) => {
    bits[node * words + (k >>> 5)] = (bits[node * words + (k >>> 5)] as number) | (1 << (k & 31));
    queued[node] = 1;
    queue.push(node);
  });
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    queued[u] = 0;
    for (let c = graph.offsets[u] as number; c < (graph.offsets[u + 1] as number); c++) {
      const v = graph.targets[c] as number;
      // A direct package's subtree is reached through it, not through the packages above it.
      if ((packages[v] as Package).direct) continue;
      let changed = false;
      for (let w = 0; w < words; w++) {
        const before = bits[v * words + w] as number;
        const after = (before | (bits[u * words + w] as number)) >>> 0;
        if (after !== before) {
          bits[v * words + w] = after;
          changed = true;
        }
      }
      if (changed && queued[v] === 0) {
        queued[v] = 1;
        queue.push(v);
      }
    }
  }
  return targets.map((pkgs) => {
    const names = new Set<string>();
    for (const p of pkgs) {
      const node = graph.index.get(p.id);
      if (node === undefined) continue;
      directs.forEach((d, k) => {
        if (((bits[node * words + (k >>> 5)] as number) >>> (k & 31)) & 1) names.add((packages[d] as Package).name);
      });
    }
    return [...names].sort().slice(0, MAX_VIA);
  });
}

/** Edges between packages in compressed sparse rows (project roots are not nodes): children of i are targets[offsets[i]..offsets[i+1]). */
function indexGraph(inventory: Inventory): { index: Map<string, number>; offsets: Int32Array; targets: Int32Array } {
  const index = new Map<string, number>();
  inventory.packages.forEach((p, i) => index.set(p.id, i));
  const n = inventory.packages.length;
  const edges = inventory.edges ?? [];
  const from = new Int32Array(edges.length).fill(-1);
  const to = new Int32Array(edges.length);
  const offsets = new Int32Array(n + 1);
  edges.forEach((e, i) => {
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f === undefined || t === undefined) return;
    from[i] = f;
    to[i] = t;
    offsets[f + 1] = (offsets[f + 1] as number) + 1;
  });
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n] as number);
  for (let i = 0; i < edges.length; i++) {
    const f = from[i] as number;
    if (f < 0) continue;
    targets[fill[f] as number] = to[i] as number;
    fill[f] = (fill[f] as number) + 1;
  }
  return { index, offsets, targets };
}
