import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allLockfileFormats } from '../ecosystems/registry.js';
import { LockwardenError } from '../errors.js';
import { gitTopLevel, loadGitInventories, loadWorkTreeInventories, SnapshotCache } from '../lockfiles/load.js';
import { silentLogger, type Logger } from '../log/logger.js';
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
  /** The snapshots discovery read, for later steps that read the same trees (manifests). */
  snapshots?: SnapshotCache;
}

/**
 * The discover step: reads the head (and, in PR mode, the base) from SBOMs, folders, git refs or the work tree.
 * Bad input throws a LockwardenError naming the file; `logger` hears of references outside the scanned folder.
 */
export async function discover(
  options: CheckOptions,
  logger: Logger = silentLogger,
  policyExclude: readonly string[] = [],
): Promise<Discovered> {
  const mode = options.mode ?? 'pr';
  const exclude = [...policyExclude, ...(options.exclude ?? [])];
  const snapshots = new SnapshotCache();
  const load = {
    snapshots,
    ...(options.parseAs ? { parseAs: options.parseAs } : {}),
    logger,
    ...(exclude.length > 0 ? { exclude } : {}),
    ...(options.defaultExcludes === false ? { defaultExcludes: false } : {}),
  };
  const paths = options.paths ?? [];
  const sboms = options.headSbom ? loadSbomPair(options) : undefined;
  // Against a git base the work tree may reach what the base's git tree may: the whole repository.
  const againstGit = mode === 'pr' && !options.baseDir && !options.baseSbom && options.base !== undefined;
  const head = sboms
    ? sboms.head
    : options.headDir
      ? await loadWorkTreeInventories(resolve(options.cwd, options.headDir), paths, load)
      : options.head
        ? await loadGitInventories(options.cwd, options.head, paths, load)
        : await loadWorkTreeInventories(options.cwd, paths, againstGit ? { ...load, bound: gitTopLevel(options.cwd) } : load);
  if (mode !== 'pr') {
    if (!sboms && head.length === 0) throw nothingFound(options, [headPlace(options)]);
    return { head, fromSboms: Boolean(sboms), snapshots };
  }
  const base = sboms
    ? sboms.base
    : options.baseDir
      ? await loadWorkTreeInventories(resolve(options.cwd, options.baseDir), paths, load)
      : await loadGitInventories(options.cwd, options.base as string, paths, load);
  // No lockfile on either side is judged by the diff step: a manifest may still declare dependencies. A head
  // without lockfiles whose base had some is a real change (every dependency removed), judged as one.
  return { head, base, fromSboms: Boolean(sboms), snapshots };
}

/**
 * A gate that finds nothing to judge must not pass: a wrong folder, a typo in a path or an unsupported file name
 * would otherwise report "passed (0 packages judged)". The message says where lockwarden looked and what it reads.
 */
export function nothingFound(options: Pick<CheckOptions, 'paths'>, places: readonly string[]): LockwardenError {
  const paths = options.paths ?? [];
  const under = paths.length > 0 ? ` (limited to ${paths.join(', ')})` : '';
  const formats = [...new Set(allLockfileFormats().filter((p) => !p.scanner).map((p) => p.id))].join(', ');
  return new LockwardenError(
    'NO_LOCKFILES',
    `no lockfile found in ${places.join(' or ')}${under}; lockwarden reads ${formats} (name a file of another name with --parse-as FORMAT)`,
  );
}

/** Where the head was looked for, for the NO_LOCKFILES message. */
export function headPlace(options: CheckOptions): string {
  if (options.headDir) return `folder ${options.headDir}`;
  if (options.head) return `git ref ${options.head}`;
  return `the working directory ${options.cwd}`;
}

/** Where the base was looked for, for the NO_LOCKFILES message. */
export function basePlace(options: CheckOptions): string {
  return options.baseDir ? `folder ${options.baseDir}` : `git ref ${options.base ?? ''}`;
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
