import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { LockwardenError } from '../errors.js';
import { MAX_LOCKFILE_BYTES } from '../parse/json.js';
import { readTextFile } from './read-text-file.js';

/** Folders never searched for lockfiles: installed dependencies and VCS data are not the project's lockfiles. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'vendor', '.git', 'bower_components']);

/**
 * False when git cannot see `dir` as part of a work tree: no `.git` (folder, or the file of a linked work tree or
 * submodule) in it or any folder above it, and no GIT_DIR / GIT_WORK_TREE in the environment that would point git
 * elsewhere. True means "ask git", which still decides (and may say no).
 */
export function mayBeInGitWorkTree(dir: string, env: Record<string, string | undefined>): boolean {
  if (env.GIT_DIR || env.GIT_WORK_TREE) return true;
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return true;
    if (dirname(current) === current) return false;
  }
}

/**
 * A read-only view of a project tree at one point in time: the work tree, a directory, or a git commit.
 * Paths are relative to the snapshot root and use `/`.
 */
export interface Snapshot {
  /** For messages: the directory, or `git <ref>`. */
  readonly label: string;
  /** Every file path below the root (skipping SKIPPED_DIRECTORIES). */
  listFiles(): string[];
  /**
   * The files directly in `folder` ("" for the root), without listing the whole tree: a command given one lockfile
   * looks at it and its siblings only. Optional; without it callers filter `listFiles()`.
   */
  listFolder?(folder: string): string[] | undefined;
  /**
   * A file's text, or `undefined` when it does not exist in this snapshot. A path that leaves the root (`../`, an
   * absolute path, a symlink to elsewhere) throws `PATH_OUTSIDE_ROOT` and is never read.
   */
  readFile(path: string): string | undefined;
  /**
   * Up to `maxBytes` of a binary file (model files), with its full size; `undefined` when it does not exist.
   * A file larger than `maxBytes` comes back truncated, which scanners report as such.
   */
  readBytes(path: string, maxBytes?: number): { bytes: Uint8Array; size: number } | undefined;
  /** Reads many files at once ahead of `readFile` (a git commit: one process instead of one per file). */
  prefetch?(paths: readonly string[]): void;
}

/**
 * When every path named is a file: those files and the other files of their folders, listed without walking the
 * whole tree (in a large folder that is not a git work tree, a walk of everything below it). That is all a search
 * for named lockfiles needs (siblings for the npm-shrinkwrap.json rule and the manifests beside a lockfile).
 * Undefined when a folder is named, a path is not a file, or the snapshot cannot list one folder.
 */
export function namedFilesAndSiblings(snapshot: Snapshot, scopes: readonly string[]): string[] | undefined {
  if (scopes.length === 0 || !snapshot.listFolder || scopes.includes('')) return undefined;
  const files = new Set<string>();
  for (const scope of scopes) {
    const folder = posix.dirname(scope);
    const siblings = snapshot.listFolder(folder === '.' ? '' : folder);
    if (siblings === undefined || !siblings.includes(scope)) return undefined;
    for (const file of siblings) files.add(file);
  }
  return [...files].sort();
}

/** Files larger than this are read one by one rather than in a prefetch batch. */
const PREFETCH_MAX_FILE = 4 * 1024 * 1024;

/** How much of a binary model file is read by default: headers are at the start, pickles rarely exceed this. */
export const MAX_MODEL_FILE_BYTES = 256 * 1024 * 1024;


/** The error for a path that leads out of a snapshot's root. */
export function outsideRoot(snapshot: string, path: string): LockwardenError {
  return new LockwardenError('PATH_OUTSIDE_ROOT', `${path} is outside ${snapshot}`);
}

function escapes(root: string, full: string): boolean {
  const rel = relative(root, full);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * The files of a directory on disk. Reads stay inside `bound` (default the root itself): a work tree compared with a
 * git ref is bounded by the repository, as the ref's side is, so both sides follow the same references.
 */
export class DirectorySnapshot implements Snapshot {
  readonly label: string;
  private readonly root: string;
  private readonly bound: string;
  private realBound: string | undefined;
  private readonly listings: Map<string, readonly string[]> | undefined;

  /**
   * @param options.listings listings already made of folders, by absolute root: one run looks at a folder several
   *   times (lockfiles, then manifests) and asks git once.
   */
  constructor(root: string, options: { bound?: string; listings?: Map<string, readonly string[]> } = {}) {
    this.listings = options.listings;
    this.root = resolve(root);
    this.label = root;
    if (!existsSync(this.root)) throw new LockwardenError('IO_ERROR', `no such directory: ${root}`);
    const bound = options.bound === undefined ? this.root : resolve(options.bound);
    this.bound = escapes(bound, this.root) ? this.root : bound;
  }

  /**
   * Every file below the root. Inside a git work tree, what git lists (tracked and untracked files, without the
   * ones `.gitignore` and the other exclude files ignore: git applies its own rules, nothing is re-implemented);
   * elsewhere, a walk of the folder.
   */
  listFiles(): string[] {
    const known = this.listings?.get(this.root);
    if (known) return [...known];
    const files = this.gitListing() ?? this.walk();
    this.listings?.set(this.root, files);
    return [...files];
  }

  listFolder(folder: string): string[] | undefined {
    const known = this.listings?.get(this.root);
    const prefix = folder === '' ? '' : `${folder}/`;
    if (known) return known.filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'));
    if (folder.split('/').some((segment) => segment === '..' || SKIPPED_DIRECTORIES.has(segment))) return undefined;
    const full = resolve(this.root, folder);
    if (escapes(this.bound, full)) return undefined;
    let entries;
    try {
      entries = readdirSync(full, { withFileTypes: true });
    } catch {
      return undefined;
    }
    return entries
      .filter((e) => e.isFile())
      .map((e) => `${prefix}${e.name}`)
      .sort();
  }

  private gitListing(): string[] | undefined {
    // Outside any work tree git would only fail; asking costs a process start (~10 ms) per folder.
    if (!mayBeInGitWorkTree(this.root, process.env)) return undefined;
    let out: string;
    try {
      out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: this.root,
        encoding: 'utf8',
        maxBuffer: MAX_LOCKFILE_BYTES,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // Not a git work tree (or no git): walk the folder instead.
      return undefined;
    }
    const files = new Set<string>();
    for (const path of out.split('\0')) {
      if (path === '' || path.split('/').some((segment) => SKIPPED_DIRECTORIES.has(segment))) continue;
      // Tracked files deleted in the work tree are listed too; only what is on disk counts.
      try {
        if (lstatSync(join(this.root, path)).isFile()) files.add(path);
      } catch {
        continue;
      }
    }
    return [...files].sort();
  }

  private walk(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (err) {
        throw new LockwardenError('IO_ERROR', `cannot read directory ${dir}`, { cause: err });
      }
      for (const entry of entries) {
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(join(dir, entry.name));
        } else if (entry.isFile()) {
          out.push(relative(this.root, join(dir, entry.name)).split(sep).join('/'));
        }
      }
    };
    walk(this.root);
    return out.sort();
  }

  readFile(path: string): string | undefined {
    if (isAbsolute(path) || posix.isAbsolute(path)) throw outsideRoot(this.label, path);
    const full = resolve(this.root, path);
    if (escapes(this.bound, full)) throw outsideRoot(this.label, path);
    if (!existsSync(full)) return undefined;
    // A symlink inside the folder may point anywhere: what counts is where the file really is.
    this.realBound ??= realpathSync(this.bound);
    if (escapes(this.realBound, realpathSync(full))) throw outsideRoot(this.label, path);
    const stat = statSync(full);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_LOCKFILE_BYTES) {
      throw new LockwardenError('IO_ERROR', `${path}: file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
    }
    return readTextFile(full, stat.size);
  }

  readBytes(path: string, maxBytes = MAX_MODEL_FILE_BYTES): { bytes: Uint8Array; size: number } | undefined {
    const full = resolve(this.root, path);
    if (!existsSync(full)) return undefined;
    const stat = statSync(full);
    if (!stat.isFile()) return undefined;
    if (stat.size <= maxBytes) return { bytes: readFileSync(full), size: stat.size };
    const fd = openSync(full, 'r');
    try {
      const bytes = Buffer.alloc(maxBytes);
      const read = readSync(fd, bytes, 0, maxBytes, 0);
      return { bytes: bytes.subarray(0, read), size: stat.size };
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * The files of one git commit, read with `git show <commit>:<path>`: no checkout, so it works in a shallow
 * clone as long as the commit itself was fetched.
 */
export class GitSnapshot implements Snapshot {
  readonly label: string;
  readonly commit: string;
  private readonly repoDir: string;
  private readonly prefix: string;

  /** @param subdir the folder inside the repository to treat as the root ("" for the top level). */
  constructor(repoDir: string, ref: string, subdir = '') {
    this.repoDir = repoDir;
    this.commit = resolveCommit(repoDir, ref);
    this.label = `git ${ref}`;
    this.prefix = subdir ? `${subdir.replace(/\/+$/, '')}/` : '';
  }

  private listing: readonly string[] | undefined;

  listFiles(): string[] {
    this.listing ??= this.gitListing();
    return [...this.listing];
  }

  private gitListing(): string[] {
    const out = git(this.repoDir, ['ls-tree', '-r', '-z', '--name-only', this.commit, '--', this.prefix || '.']);
    return out
      .split('\0')
      .filter((p) => p.length > 0 && p.startsWith(this.prefix))
      .map((p) => p.slice(this.prefix.length))
      .filter((p) => !p.split('/').some((segment) => SKIPPED_DIRECTORIES.has(segment)))
      .sort();
  }

  private readonly prefetched = new Map<string, string | undefined>();

  /**
   * Reads the blobs of `paths` with two `git cat-file` processes (sizes, then contents of those under the limit),
   * so scanning the source files of a commit does not start one `git show` per file.
   */
  prefetch(paths: readonly string[]): void {
    const wanted = paths.map((p) => posix.normalize(this.prefix + p)).filter((p) => !p.startsWith('../'));
    if (wanted.length === 0) return;
    const names = wanted.map((p) => `${this.commit}:${p}`);
    const checks = execFileSync('git', ['cat-file', '--batch-check'], { cwd: this.repoDir, input: `${names.join('\n')}\n`, encoding: 'utf8', maxBuffer: MAX_LOCKFILE_BYTES });
    const small: string[] = [];
    checks.split('\n').forEach((line, i) => {
      const m = /^[0-9a-f]+ blob (\d+)$/.exec(line);
      const name = names[i];
      if (name === undefined) return;
      if (!m) this.prefetched.set(name, undefined);
      else if (Number(m[1]) <= PREFETCH_MAX_FILE) small.push(name);
    });
    if (small.length === 0) return;
    const out = execFileSync('git', ['cat-file', '--batch'], { cwd: this.repoDir, input: `${small.join('\n')}\n`, maxBuffer: MAX_LOCKFILE_BYTES });
    let pos = 0;
    for (const name of small) {
      const nl = out.indexOf(0x0a, pos);
      if (nl < 0) break;
      const header = out.subarray(pos, nl).toString('utf8');
      const size = Number(/ blob (\d+)$/.exec(header)?.[1] ?? NaN);
      if (!Number.isFinite(size)) break;
      this.prefetched.set(name, out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
      pos = nl + 1 + size + 1;
    }
  }

  readFile(path: string): string | undefined {
    // Git shows only what the tree holds (a symlink is its target's text, not followed), so the tree is the bound.
    const full = posix.normalize(this.prefix + path);
    if (posix.isAbsolute(path) || full === '..' || full.startsWith('../')) throw outsideRoot(this.label, path);
    const key = `${this.commit}:${full}`;
    if (this.prefetched.has(key)) return this.prefetched.get(key);
    try {
      return git(this.repoDir, ['show', `${this.commit}:${full}`]);
    } catch {
      return undefined;
    }
  }

  readBytes(path: string, maxBytes = MAX_MODEL_FILE_BYTES): { bytes: Uint8Array; size: number } | undefined {
    const full = posix.normalize(this.prefix + path);
    if (full.startsWith('../')) return undefined;
    const object = `${this.commit}:${full}`;
    let size: number;
    try {
      size = Number(git(this.repoDir, ['cat-file', '-s', object]).trim());
    } catch {
      return undefined;
    }
    // git cannot hand out a prefix of a blob; a blob over the limit is reported as unread (empty, full size).
    if (size > maxBytes) return { bytes: new Uint8Array(0), size };
    const bytes = execFileSync('git', ['cat-file', 'blob', object], {
      cwd: this.repoDir,
      maxBuffer: maxBytes + 1,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { bytes, size };
  }
}

/** Runs git and returns stdout; throws GIT_ERROR with git's own message. */
export function git(repoDir: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: repoDir,
      encoding: 'utf8',
      maxBuffer: MAX_LOCKFILE_BYTES,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new LockwardenError('GIT_ERROR', `git ${args[0] ?? ''} failed: ${stderr || String(err)}`, { cause: err });
  }
}

/**
 * Resolves a ref to a commit id. When the commit is not in the clone (a shallow checkout), the error says
 * which fetch brings it in.
 */
export function resolveCommit(repoDir: string, ref: string): string {
  try {
    git(repoDir, ['rev-parse', '--git-dir']);
  } catch (err) {
    throw new LockwardenError('GIT_ERROR', `${repoDir} is not a git repository`, { cause: err });
  }
  try {
    return git(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch (err) {
    let shallow = false;
    try {
      shallow = git(repoDir, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
    } catch {
      // An unknown answer is treated as not shallow; the fetch hint below still applies.
    }
    const hint = `run \`git fetch --no-tags --depth=1 origin ${ref}\` first`;
    throw new LockwardenError(
      'GIT_MISSING_COMMIT',
      `commit "${ref}" is not in this ${shallow ? 'shallow ' : ''}clone: ${hint}`,
      { cause: err },
    );
  }
}
