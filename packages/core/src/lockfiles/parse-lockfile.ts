import { posix } from 'node:path';
import { LockwardenError, isLockwardenError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { formatForFileName, formatsForPath, getLockfileFormat } from '../ecosystems/registry.js';
import type { LockfileFormat, LockfileParser } from '../ecosystems/types.js';
import type { Inventory } from '../model/inventory.js';
import { DirectorySnapshot, type Snapshot } from './snapshot.js';
import { findLockfiles, type FindOptions } from './discover.js';
import type { ParseMemo } from './parse-memo.js';
import { releaseParseGarbage } from './release-parse-garbage.js';

/** Picks the format of a file: `parseAs` when given, else by base name. */
export function formatFor(path: string, parseAs?: string): LockfileFormat {
  if (parseAs) return getLockfileFormat(parseAs);
  const format = formatForFileName(posix.basename(path.split('\\').join('/')));
  if (!format) {
    throw new LockwardenError(
      'UNSUPPORTED_FORMAT',
      `${path}: not a known lockfile name; pass --parse-as with the format's conventional file name`,
    );
  }
  return format;
}

/** The parser for a file (`parseAs` when given, else by base name), loaded. */
export function parserFor(path: string, parseAs?: string): Promise<LockfileParser> {
  return formatFor(path, parseAs).load();
}

/**
 * Parses one lockfile's text. Related files (go.sum, `-r` includes, a parent POM) are read from `snapshot`
 * when given, so a lockfile read from a git commit sees its siblings from the same commit. A reference that
 * leads out of the snapshot's root (`-r ../../secret.txt`, an absolute path, a symlink to elsewhere) is not read:
 * the logger warns and the parser sees a missing file. A scanned folder must not be able to make lockwarden
 * print files from outside it.
 */
export async function parseLockfileText(
  text: string,
  path: string,
  options: { parseAs?: string; snapshot?: Snapshot; logger?: Logger } = {},
): Promise<Inventory> {
  return parseWith(await parserFor(path, options.parseAs), text, path, options);
}

/** `parseLockfileText` with the parser already loaded. */
function parseWith(
  parser: LockfileParser,
  text: string,
  path: string,
  options: { snapshot?: Snapshot; logger?: Logger; memo?: ParseMemo },
): Inventory {
  const snapshot = options.snapshot;
  const logger = options.logger ?? silentLogger;
  const dir = posix.dirname(path);
  const refuse = (rel: string): undefined => {
    logger.warn(`${path}: not reading ${JSON.stringify(rel)}: it is outside the scanned folder (${snapshot?.label ?? '.'})`);
    return undefined;
  };
  const readRelated = snapshot
    ? (rel: string): string | undefined => {
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
    : undefined;
  const memo = options.memo;
  if (!memo) return parseAndRelease(parser, text, path, readRelated);
  const reused = memo.reuse(parser.id, path, text, readRelated ?? (() => undefined));
  if (reused) return reused;
  const related: Array<[string, string | undefined]> = [];
  const inventory = parseAndRelease(
    parser,
    text,
    path,
    readRelated &&
      ((rel) => {
        const read = readRelated(rel);
        related.push([rel, read]);
        return read;
      }),
  );
  memo.remember(parser.id, path, text, related, inventory);
  return inventory;
}

function parseAndRelease(
  parser: LockfileParser,
  text: string,
  path: string,
  readRelated: ((rel: string) => string | undefined) | undefined,
): Inventory {
  const inventory = parser.parse(text, path, { readRelated });
  releaseParseGarbage(text.length);
  return inventory;
}

/** Reads and parses the lockfile at `path` (relative to `root`, default the current directory). */
export async function parseLockfile(path: string, options: { parseAs?: string; root?: string } = {}): Promise<Inventory> {
  const snapshot = new DirectorySnapshot(options.root ?? '.');
  const text = snapshot.readFile(path);
  if (text === undefined) throw new LockwardenError('IO_ERROR', `no such file: ${path}`);
  return parseLockfileText(text, path, { parseAs: options.parseAs, snapshot });
}

/**
 * Discovers and parses every lockfile of a snapshot. Files claimed only by scanners (source code, CI files, model
 * files) are run through each scanner that claims them; their findings are merged into one inventory per file,
 * and a file in which they find nothing is left out. `logger` hears of references that were not followed.
 */
export async function loadInventories(
  snapshot: Snapshot,
  options: FindOptions & { logger?: Logger; memo?: ParseMemo } = {},
): Promise<Inventory[]> {
  const out: Inventory[] = [];
  const found = findLockfiles(snapshot, options);
  // Source and CI files can be many: read the text ones of a commit in one batch.
  snapshot.prefetch?.(found.filter((path) => formatsForPath(path).some((p) => p.scanner && !p.binary)));
  const shared = { ...(options.logger ? { logger: options.logger } : {}), ...(options.memo ? { memo: options.memo } : {}) };
  for (const path of found) {
    const named = options.paths?.includes(path) ?? false;
    const forced = named && options.parseAs ? await getLockfileFormat(options.parseAs).load() : undefined;
    if (forced?.parseBytes) {
      const inv = runScanner(forced, snapshot, path);
      out.push(inv);
      continue;
    }
    const scanners = forced ? [] : formatsForPath(path).filter((p) => p.scanner);
    if (scanners.length === 0) {
      const text = snapshot.readFile(path);
      if (text === undefined) throw new LockwardenError('IO_ERROR', `${snapshot.label}: cannot read ${path}`);
      out.push(parseWith(forced ?? (await parserFor(path)), text, path, { snapshot, ...shared }));
      continue;
    }
    // One read for the text scanners; a scanner whose quick test fails is not even imported.
    const text = scanners.some((format) => !format.binary) ? snapshot.readFile(path) : undefined;
    const scanned: Inventory[] = [];
    for (const format of scanners) {
      if (format.mayMatch && text !== undefined && !format.mayMatch(text)) continue;
      scanned.push(runScanner(await format.load(), snapshot, path, text));
    }
    if (scanned.length === 0) continue;
    const packages = scanned.flatMap((inv) => inv.packages);
    if (packages.length === 0) continue;
    const first = scanned.find((inv) => inv.packages.length > 0) ?? scanned[0]!;
    out.push({ ...first, format: scanned.map((inv) => inv.format).join('+'), packages });
  }
  return out;
}

function runScanner(parser: LockfileParser, snapshot: Snapshot, path: string, read?: string): Inventory {
  if (parser.parseBytes) {
    const read = snapshot.readBytes(path);
    if (read === undefined) throw new LockwardenError('IO_ERROR', `${snapshot.label}: cannot read ${path}`);
    return parser.parseBytes(read.bytes, path, { fileSize: read.size });
  }
  const text = read ?? snapshot.readFile(path);
  if (text === undefined) throw new LockwardenError('IO_ERROR', `${snapshot.label}: cannot read ${path}`);
  return parseWith(parser, text, path, { snapshot });
}
