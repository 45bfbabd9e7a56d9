import { posix } from 'node:path';
import { parsersForPath } from '../ecosystems/registry.js';
import type { Snapshot } from './snapshot.js';

export interface FindOptions {
  /**
   * Limit the search to these paths (folders or files, relative to the snapshot root). A file named here is
   * taken even when its name is not a conventional lockfile name (it is then parsed with `parseAs`).
   */
  paths?: readonly string[];
  /** Parse every named file as this format; named files need not have a conventional name then. */
  parseAs?: string;
}

/**
 * Every supported lockfile in a snapshot, sorted. Skips dependency folders (`node_modules`, `vendor`) and
 * `.git`; a `package-lock.json` next to an `npm-shrinkwrap.json` is left out, because npm itself ignores it.
 */
export function findLockfiles(snapshot: Snapshot, options: FindOptions = {}): string[] {
  const all = snapshot.listFiles();
  const scopes = (options.paths ?? []).map((p) => posix.normalize(p.split('\\').join('/')).replace(/^\.\/?$/, '').replace(/\/+$/, ''));
  const fileSet = new Set(all);
  const picked = new Set<string>();
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
      if (parsersForPath(file).length > 0) picked.add(file);
    }
  }
  return [...picked]
    .filter((file) => {
      if (posix.basename(file) !== 'package-lock.json') return true;
      return !fileSet.has(posix.join(posix.dirname(file), 'npm-shrinkwrap.json'));
    })
    .sort();
}
