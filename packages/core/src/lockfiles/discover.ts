import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import { formatsForPath } from '../ecosystems/registry.js';
import { namedFilesAndSiblings, type Snapshot } from './snapshot.js';

export interface FindOptions {
  /**
   * Limit the search to these paths (folders or files, relative to the snapshot root). A file named here is
   * taken even when its name is not a conventional lockfile name (it is then parsed with `parseAs`).
   */
  paths?: readonly string[];
  /** Parse every named file as this format; named files need not have a conventional name then. */
  parseAs?: string;
  /**
   * Globs (minimatch, `**` and dot files included) of lockfiles to leave out of a search, matched against the path
   * below the folder searched. A file named in `paths` is always taken.
   */
  exclude?: readonly string[];
  /** Leave out test fixtures (`DEFAULT_EXCLUDES`) too; default true. */
  defaultExcludes?: boolean;
}

/**
 * Folders that hold test data, not dependencies anyone installs: lockfiles there are fixtures. Searched only when
 * named (`lockwarden ls testdata/`) or with `defaultExcludes: false` (`--no-default-excludes`).
 */
export const DEFAULT_EXCLUDES: readonly string[] = ['**/testdata/**', '**/fixtures/**', '**/__fixtures__/**', '**/test-fixtures/**'];

/**
 * Every supported lockfile in a snapshot, sorted. Skips dependency folders (`node_modules`, `vendor`) and
 * `.git`, what the snapshot itself leaves out (git-ignored files of a work tree), test fixtures and the
 * `exclude` globs; a `package-lock.json` next to an `npm-shrinkwrap.json` is left out, because npm itself ignores it.
 */
export function findLockfiles(snapshot: Snapshot, options: FindOptions = {}): string[] {
  const scopes = (options.paths ?? []).map((p) => posix.normalize(p.split('\\').join('/')).replace(/^\.\/?$/, '').replace(/\/+$/, ''));
  const all = namedFilesAndSiblings(snapshot, scopes) ?? snapshot.listFiles();
  const fileSet = new Set(all);
  const picked = new Set<string>();
  const excludes = [...(options.defaultExcludes === false ? [] : DEFAULT_EXCLUDES), ...(options.exclude ?? [])];
  if (scopes.length === 0) scopes.push('');
  for (const scope of scopes) {
    if (scope !== '' && fileSet.has(scope)) {
      // A file named explicitly is taken as a lockfile, whatever its name.
      picked.add(scope);
      continue;
    }
    const prefix = scope === '' ? '' : `${scope}/`;
    for (const file of all) {
      if (!file.startsWith(prefix)) continue;
      if (formatsForPath(file).length === 0) continue;
      if (excludes.some((glob) => minimatch(file.slice(prefix.length), glob, { dot: true }))) continue;
      picked.add(file);
    }
  }
  return [...picked]
    .filter((file) => {
      if (posix.basename(file) !== 'package-lock.json') return true;
      return !fileSet.has(posix.join(posix.dirname(file), 'npm-shrinkwrap.json'));
    })
    .sort();
}

