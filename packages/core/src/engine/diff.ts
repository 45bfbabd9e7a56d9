import { resolve } from 'node:path';
import { diffInventories, type DependencyChange } from '../diff/diff-inventories.js';
import { declaredOnlyPackages, loadDeclaredDependencies } from '../lockfiles/declared.js';
import { SnapshotCache } from '../lockfiles/load.js';
import type { Logger } from '../log/logger.js';
import type { Inventory } from '../model/inventory.js';
import { packageKey, type Package } from '../model/package.js';
import type { CheckOptions } from './check-types.js';
import { basePlace, headPlace, nothingFound, type Discovered } from './discover.js';

/** What the diff step hands on: the changes (PR mode) and the unique packages to judge. */
export interface Judged {
  changes: DependencyChange[];
  /** Every package to judge, once each (by `packageKey`). */
  packages: Package[];
}

/**
 * The diff step: in PR mode the changes between base and head (plus dependencies a manifest declares without
 * locking them); in audit mode every head package.
 */
export async function diffStep(options: CheckOptions, found: Discovered, logger: Logger): Promise<Judged> {
  if (!found.base) return { changes: [], packages: uniquePackages(found.head.flatMap((inv) => inv.packages)) };
  const changes = diffInventories(found.base, found.head);
  if (!found.fromSboms) {
    const declared = await declaredOnlyChanges(options, options.paths ?? [], found.head, logger, found.snapshots ?? new SnapshotCache());
    // Nothing on either side (no lockfile, no manifest declaring a dependency): a wrong folder or ref, not a pass.
    if (found.head.length === 0 && found.base.length === 0 && declared.declaredAtHead === 0) {
      throw nothingFound(options, [headPlace(options), basePlace(options)]);
    }
    changes.push(...declared.changes);
  }
  logger.info(`${changes.length} dependency changes in ${found.head.length} lockfiles`);
  return { changes, packages: uniquePackages(changes.filter((c) => c.type !== 'removed').map((c) => c.package)) };
}

/**
 * Dependencies the change declares in a manifest without locking them (an assistant's edit to package.json or
 * pyproject.toml before anyone ran the package manager), as added packages with version "".
 */
async function declaredOnlyChanges(
  options: CheckOptions,
  paths: readonly string[],
  head: readonly Inventory[],
  logger: Logger,
  snapshots: SnapshotCache,
): Promise<{ changes: DependencyChange[]; declaredAtHead: number }> {
  const headSnapshot = options.headDir
    ? snapshots.directory(resolve(options.cwd, options.headDir))
    : options.head
      ? snapshots.git(options.cwd, options.head)
      : snapshots.directory(options.cwd);
  const baseSnapshot = options.baseDir
    ? snapshots.directory(resolve(options.cwd, options.baseDir))
    : snapshots.git(options.cwd, options.base as string);
  const atHead = await loadDeclaredDependencies(headSnapshot, paths);
  for (const w of atHead.warnings) logger.warn(w);
  const atBase = await loadDeclaredDependencies(baseSnapshot, paths);
  const changes = declaredOnlyPackages(atHead.declared, atBase.declared, head).map((pkg): DependencyChange => ({
    type: 'added',
    ecosystem: pkg.ecosystem,
    name: pkg.name,
    after: '',
    direct: true,
    lockfile: pkg.location.file,
    package: pkg,
  }));
  return { changes, declaredAtHead: atHead.declared.length };
}

function uniquePackages(pkgs: readonly Package[]): Package[] {
  const seen = new Map<string, Package>();
  for (const p of pkgs) if (!seen.has(packageKey(p))) seen.set(packageKey(p), p);
  return [...seen.values()];
}
