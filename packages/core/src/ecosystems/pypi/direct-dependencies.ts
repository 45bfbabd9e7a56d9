import { isLockwardenError } from '../../errors.js';
import type { Inventory } from '../../model/inventory.js';
import type { Package } from '../../model/package.js';
import type { ParseContext } from '../types.js';
import { normalizePypiName } from './package-name.js';
import { readPyprojectDependencies } from './pyproject-toml.js';

/**
 * Normalised names the sibling `pyproject.toml` declares, for lockfiles that do not record their roots
 * (poetry.lock, pdm.lock, pylock.toml). `undefined` when there is no readable pyproject.toml: a broken manifest
 * must not make the lockfile unreadable.
 */
export function namesDeclaredInPyproject(context: ParseContext | undefined): Set<string> | undefined {
  const text = context?.readRelated?.('pyproject.toml');
  if (text === undefined) return undefined;
  try {
    const declared = readPyprojectDependencies(text, 'pyproject.toml');
    return new Set(declared.map((d) => normalizePypiName(d.name)));
  } catch (err) {
    if (isLockwardenError(err)) return undefined;
    throw err;
  }
}

/**
 * Sets `direct`: from the declared names when known; otherwise, when the lockfile records edges, a package that
 * no other package depends on must have been asked for directly (one that is also pulled in stays `false`).
 */
export function markDirect(inventory: Inventory, declared: Set<string> | undefined): void {
  if (declared) {
    for (const p of inventory.packages) p.direct = declared.has(normalizePypiName(p.name));
    return;
  }
  if (!inventory.edges) return;
  const projects = new Set(inventory.projects.map((p) => p.id));
  const pulledIn = new Set(inventory.edges.filter((e) => !projects.has(e.from) && e.from !== e.to).map((e) => e.to));
  for (const p of inventory.packages) p.direct = !pulledIn.has(p.id);
}

/** Indexes packages by normalised name, for formats whose dependency lists name packages without versions. */
export function byNormalizedName(packages: readonly Package[]): Map<string, Package[]> {
  const map = new Map<string, Package[]>();
  for (const p of packages) {
    const key = normalizePypiName(p.name);
    const list = map.get(key) ?? [];
    list.push(p);
    map.set(key, list);
  }
  return map;
}
