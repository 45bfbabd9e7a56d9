import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LockwardenError } from '../errors.js';
import { loadGitInventories, loadWorkTreeInventories } from '../lockfiles/load.js';
import type { Inventory } from '../model/inventory.js';
import { readSbom } from '../sbom/read.js';
import type { CheckOptions } from './check-types.js';

/** The inventories a run judges: the head always, the base in PR mode. */
export interface Discovered {
  head: Inventory[];
  /** PR mode only. */
  base?: Inventory[];
  /** The inventories came from SBOMs (`--base-sbom/--head-sbom`), not lockfiles. */
  fromSboms: boolean;
}

/**
 * The discover step: reads the head (and, in PR mode, the base) from SBOMs, folders, git refs or the work tree.
 * Bad input throws a LockwardenError naming the file.
 */
export function discover(options: CheckOptions): Discovered {
  const mode = options.mode ?? 'pr';
  const load = { parseAs: options.parseAs };
  const paths = options.paths ?? [];
  const sboms = options.headSbom ? loadSbomPair(options) : undefined;
  const head = sboms
    ? sboms.head
    : options.headDir
      ? loadWorkTreeInventories(resolve(options.cwd, options.headDir), paths, load)
      : options.head
        ? loadGitInventories(options.cwd, options.head, paths, load)
        : loadWorkTreeInventories(options.cwd, paths, load);
  if (mode !== 'pr') return { head, fromSboms: Boolean(sboms) };
  const base = sboms
    ? sboms.base
    : options.baseDir
      ? loadWorkTreeInventories(resolve(options.cwd, options.baseDir), paths, load)
      : loadGitInventories(options.cwd, options.base as string, paths, load);
  return { head, base, fromSboms: Boolean(sboms) };
}

/**
 * Reads the base and head SBOMs. Both are labelled with the head SBOM's path, so the diff pairs them as one
 * "lockfile" and findings point at the head SBOM.
 */
function loadSbomPair(options: CheckOptions): { base: Inventory[]; head: Inventory[] } {
  const read = (file: string): Inventory => {
    let text: string;
    try {
      text = readFileSync(resolve(options.cwd, file), 'utf8');
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `cannot read SBOM ${file}`, { cause: err });
    }
    return readSbom(text, file);
  };
  const head = read(options.headSbom as string);
  const base = options.baseSbom ? read(options.baseSbom) : undefined;
  return { head: [head], base: base ? [{ ...base, lockfile: head.lockfile }] : [] };
}
