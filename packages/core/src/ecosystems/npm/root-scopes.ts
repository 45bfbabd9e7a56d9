import type { Inventory } from '../../model/inventory.js';
import type { Scope } from '../../model/package.js';

/** How a project declares one dependency: `dependencies`, `devDependencies` or `optionalDependencies`. */
export type DeclarationKind = 'prod' | 'dev' | 'optional';

/** Per project id: dependency name (as declared, so aliases count) -> how the project declares it. */
export type RootDeclarations = Map<string, Map<string, DeclarationKind>>;

/**
 * Gives scopes to the packages of a lockfile that records them only at its roots (pnpm v9 importers, bun
 * workspaces, yarn's package.json manifests): a package reachable from some project's `dependencies` is runtime;
 * one reachable only through `devDependencies` is `dev`; only through optional dependencies, `optional` (both when
 * both). Packages that already carry scopes keep them. Needs the inventory's edges; without them nothing changes.
 * Linear in packages + edges.
 */
export function applyRootScopes(inventory: Inventory, declarations: RootDeclarations): void {
  const edges = inventory.edges;
  if (!edges) return;
  const projects = new Set(inventory.projects.map((p) => p.id));
  const byId = new Map(inventory.packages.map((p) => [p.id, p]));
  const children = new Map<string, string[]>();
  const starts: Record<DeclarationKind, string[]> = { prod: [], dev: [], optional: [] };
  for (const edge of edges) {
    if (projects.has(edge.from)) {
      const pkg = byId.get(edge.to);
      if (!pkg) continue;
      const declared = declarations.get(edge.from);
      const kind = declared?.get(pkg.name) ?? pkg.aliases?.map((a) => declared?.get(a)).find((k) => k !== undefined) ?? 'prod';
      starts[kind].push(edge.to);
    } else {
      let list = children.get(edge.from);
      if (!list) children.set(edge.from, (list = []));
      list.push(edge.to);
    }
  }
  const reach = (from: readonly string[]): Set<string> => {
    const seen = new Set<string>(from);
    const stack = [...from];
    while (stack.length > 0) {
      for (const next of children.get(stack.pop() as string) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  };
  const prod = reach(starts.prod);
  const dev = reach(starts.dev);
  const optional = reach(starts.optional);
  for (const pkg of inventory.packages) {
    if (pkg.scopes.length > 0 || prod.has(pkg.id)) continue;
    const scopes: Scope[] = [];
    if (dev.has(pkg.id)) scopes.push('dev');
    if (optional.has(pkg.id)) scopes.push('optional');
    pkg.scopes = scopes;
  }
}

/** Adds one project's declared dependency maps (`package.json`-shaped) to `declarations`. */
export function declareRoot(declarations: RootDeclarations, projectId: string, manifest: Record<string, unknown>): void {
  let map = declarations.get(projectId);
  if (!map) declarations.set(projectId, (map = new Map()));
  const fields: ReadonlyArray<readonly [string, DeclarationKind]> = [
    ['optionalDependencies', 'optional'],
    ['devDependencies', 'dev'],
    // Last, so a name in both `dependencies` and another map is runtime, as npm installs it.
    ['dependencies', 'prod'],
  ];
  for (const [field, kind] of fields) {
    const deps = Object.hasOwn(manifest, field) ? manifest[field] : undefined;
    if (typeof deps !== 'object' || deps === null || Array.isArray(deps)) continue;
    for (const name of Object.keys(deps)) map.set(name, kind);
  }
}
