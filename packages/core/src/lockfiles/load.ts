import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { LockwardenError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Inventory } from '../model/inventory.js';
import { DirectorySnapshot, GitSnapshot, git, type Snapshot } from './snapshot.js';
import type { FindOptions } from './discover.js';
import { loadInventories } from './parse-lockfile.js';
import { ParseMemo } from './parse-memo.js';

export interface LoadOptions {
  /** Parse files named in `paths` as this format. */
  parseAs?: string;
  /** Hears of references (`-r`, a parent POM) that lead outside the scanned folder and were not read. */
  logger?: Logger;
  /**
   * The folder references may reach (default: each scanned folder itself). A work tree compared with a git ref is
   * bounded by the repository, as the ref's side is, so both sides read the same includes.
   */
  bound?: string;
  /** Globs of lockfiles to leave out of folder searches (see `FindOptions.exclude`). */
  exclude?: readonly string[];
  /** Leave out test fixtures as well (default true). */
  defaultExcludes?: boolean;
  /** Snapshots shared by the steps of one run, so each folder is listed and each ref resolved once. */
  snapshots?: SnapshotCache;
}

/**
 * The snapshots of one run. Discovery reads a folder's lockfiles and the diff step its manifests: both see the same
 * listing (one `git ls-files`) and the same resolved commit. A run's snapshots are not kept beyond it: a
 * long-running guard or MCP server makes a new cache per request and sees the tree as it is then.
 */
export class SnapshotCache {
  private readonly listings = new Map<string, readonly string[]>();
  private readonly commits = new Map<string, Snapshot>();
  /** Parses of this run: a lockfile the same at base and head is parsed once. */
  readonly parses = new ParseMemo();

  directory(root: string, options: { bound?: string } = {}): DirectorySnapshot {
    return new DirectorySnapshot(root, { ...options, listings: this.listings });
  }

  git(cwd: string, ref: string): Snapshot {
    const key = `${resolve(cwd)}\0${ref}`;
    let snapshot = this.commits.get(key);
    if (!snapshot) {
      snapshot = gitSnapshotFor(cwd, ref);
      this.commits.set(key, snapshot);
    }
    return snapshot;
  }
}

/** `memo` false for inventories that are changed in place after loading (`relocate`): those must not be shared. */
function findOptions(options: LoadOptions, paths: readonly string[], memo = true): FindOptions & { logger?: Logger; memo?: ParseMemo } {
  return {
    paths,
    ...(memo && options.snapshots ? { memo: options.snapshots.parses } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.parseAs ? { parseAs: options.parseAs } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.defaultExcludes === false ? { defaultExcludes: false } : {}),
  };
}

function directory(options: LoadOptions, root: string): DirectorySnapshot {
  const bound = options.bound ? { bound: options.bound } : {};
  return options.snapshots ? options.snapshots.directory(root, bound) : new DirectorySnapshot(root, bound);
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/**
 * Inventories for command-line PATH arguments (lockfiles or folders, relative to `cwd`); no paths means
 * everything under `cwd`. Lockfile paths in the result are relative to `cwd`, so they match between base and head.
 */
export async function loadWorkTreeInventories(cwd: string, paths: readonly string[] = [], options: LoadOptions = {}): Promise<Inventory[]> {
  const inside: string[] = [];
  const result: Inventory[] = [];
  for (const arg of paths) {
    const full = resolve(cwd, arg);
    if (!existsSync(full)) throw new LockwardenError('IO_ERROR', `no such file or directory: ${arg}`);
    const rel = toPosix(relative(cwd, full));
    if (rel === '' || (!rel.startsWith('../') && rel !== '..' && !isAbsolute(rel))) {
      inside.push(rel === '' ? '.' : rel);
      continue;
    }
    // Outside the working directory: read it from its own folder and show paths relative to cwd.
    const isDir = statSync(full).isDirectory();
    const root = isDir ? full : dirname(full);
    const prefix = toPosix(relative(cwd, root));
    const snapshot = directory(options, root);
    const named = isDir ? [] : [posix.basename(toPosix(full))];
    for (const inv of await loadInventories(snapshot, findOptions(options, named, false))) {
      result.push(relocate(inv, prefix));
    }
  }
  if (paths.length === 0 || inside.length > 0) {
    result.unshift(...(await loadInventories(directory(options, cwd), findOptions(options, inside))));
  }
  return result;
}

/**
 * Inventories of the lockfiles at a git ref, for the repository containing `cwd`, with paths relative to `cwd`
 * (as `loadWorkTreeInventories` gives them). Reads with `git show`, so nothing is checked out.
 */
export function loadGitInventories(
  cwd: string,
  ref: string,
  paths: readonly string[] = [],
  options: LoadOptions = {},
): Promise<Inventory[]> {
  return loadInventories(options.snapshots ? options.snapshots.git(cwd, ref) : gitSnapshotFor(cwd, ref), findOptions(options, paths.map(toPosix)));
}

/** The top folder of the git work tree holding `cwd`. */
export function gitTopLevel(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (err) {
    throw new LockwardenError('GIT_ERROR', `${cwd} is not inside a git repository (needed for --base/--head refs)`, {
      cause: err,
    });
  }
}

/** A snapshot of `ref` rooted at `cwd`'s place inside its repository. */
export function gitSnapshotFor(cwd: string, ref: string): Snapshot {
  const top = gitTopLevel(cwd);
  const sub = toPosix(relative(top, resolve(cwd)));
  return new GitSnapshot(top, ref, sub);
}

/**
 * Renames an inventory's lockfile in place. The inventory was parsed for this call and is not shared; copying
 * every package (and spreading its location) would also force the lines that parsers compute only when read.
 */
function relocate(inv: Inventory, prefix: string): Inventory {
  const lockfile = posix.join(prefix, inv.lockfile);
  inv.lockfile = lockfile;
  for (const p of inv.packages) p.location.file = lockfile;
  return inv;
}
