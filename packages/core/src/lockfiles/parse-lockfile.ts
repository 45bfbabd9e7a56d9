import { posix } from 'node:path';
import { LockwardenError, isLockwardenError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { getLockfileParser, parserForFileName } from '../ecosystems/registry.js';
import type { LockfileParser } from '../ecosystems/types.js';
import type { Inventory } from '../model/inventory.js';
import { DirectorySnapshot, type Snapshot } from './snapshot.js';
import { findLockfiles, type FindOptions } from './discover.js';

/** Picks the parser for a file: `parseAs` when given, else by base name. */
export function parserFor(path: string, parseAs?: string): LockfileParser {
  if (parseAs) return getLockfileParser(parseAs);
  const parser = parserForFileName(posix.basename(path.split('\\').join('/')));
  if (!parser) {
    throw new LockwardenError(
      'UNSUPPORTED_FORMAT',
      `${path}: not a known lockfile name; pass --parse-as with the format's conventional file name`,
    );
  }
  return parser;
}

/**
 * Parses one lockfile's text. Related files (go.sum, `-r` includes, a parent POM) are read from `snapshot`
 * when given, so a lockfile read from a git commit sees its siblings from the same commit. A reference that
 * leads out of the snapshot's root (`-r ../../secret.txt`, an absolute path, a symlink to elsewhere) is not read:
 * the logger warns and the parser sees a missing file. A scanned folder must not be able to make lockwarden
 * print files from outside it.
 */
export function parseLockfileText(
  text: string,
  path: string,
  options: { parseAs?: string; snapshot?: Snapshot; logger?: Logger } = {},
): Inventory {
  const parser = parserFor(path, options.parseAs);
  const snapshot = options.snapshot;
  const logger = options.logger ?? silentLogger;
  const dir = posix.dirname(path);
  const refuse = (rel: string): undefined => {
    logger.warn(`${path}: not reading ${JSON.stringify(rel)}: it is outside the scanned folder (${snapshot?.label ?? '.'})`);
    return undefined;
  };
  return parser.parse(text, path, {
    readRelated: snapshot
      ? (rel) => {
          const target = rel.replace(/\\/g, '/');
          // An absolute path goes to the snapshot as it is, which refuses it; joining would silently re-root it.
          const absolute = posix.isAbsolute(target) || /^[A-Za-z]:\//.test(target);
          try {
            return snapshot.readFile(absolute ? target : posix.normalize(posix.join(dir, target)));
          } catch (err) {
            if (isLockwardenError(err) && err.code === 'PATH_OUTSIDE_ROOT') return refuse(rel);
            throw err;
          }
        }
      : undefined,
  });
}

/** Reads and parses the lockfile at `path` (relative to `root`, default the current directory). */
export function parseLockfile(path: string, options: { parseAs?: string; root?: string } = {}): Inventory {
  const snapshot = new DirectorySnapshot(options.root ?? '.');
  const text = snapshot.readFile(path);
  if (text === undefined) throw new LockwardenError('IO_ERROR', `no such file: ${path}`);
  return parseLockfileText(text, path, { parseAs: options.parseAs, snapshot });
}

/** Discovers and parses every lockfile of a snapshot; `logger` hears of references that were not followed. */
export function loadInventories(snapshot: Snapshot, options: FindOptions & { logger?: Logger } = {}): Inventory[] {
  return findLockfiles(snapshot, options).map((path) => {
    const text = snapshot.readFile(path);
    if (text === undefined) throw new LockwardenError('IO_ERROR', `${snapshot.label}: cannot read ${path}`);
    const named = options.paths?.includes(path) ?? false;
    return parseLockfileText(text, path, { parseAs: named ? options.parseAs : undefined, snapshot, ...(options.logger ? { logger: options.logger } : {}) });
  });
}
