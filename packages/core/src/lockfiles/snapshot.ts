import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { LockwardenError } from '../errors.js';
import { MAX_LOCKFILE_BYTES } from '../parse/json.js';

/** Folders never searched for lockfiles: installed dependencies and VCS data are not the project's lockfiles. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'vendor', '.git', 'bower_components']);

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
   * A file's text, or `undefined` when it does not exist in this snapshot. A path that leaves the root (`../`, an
   * absolute path, a symlink to elsewhere) throws `PATH_OUTSIDE_ROOT` and is never read.
   */
  readFile(path: string): string | undefined;
}

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

  constructor(root: string, options: { bound?: string } = {}) {
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
    return this.gitListing() ?? this.walk();
  }

  private gitListing(): string[] | undefined {
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
    return readFileSync(full, 'utf8');
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

  listFiles(): string[] {
    const out = git(this.repoDir, ['ls-tree', '-r', '-z', '--name-only', this.commit, '--', this.prefix || '.']);
    return out
      .split('\0')
      .filter((p) => p.length > 0 && p.startsWith(this.prefix))
      .map((p) => p.slice(this.prefix.length))
      .filter((p) => !p.split('/').some((segment) => SKIPPED_DIRECTORIES.has(segment)))
      .sort();
  }

  readFile(path: string): string | undefined {
    // Git shows only what the tree holds (a symlink is its target's text, not followed), so the tree is the bound.
    const full = posix.normalize(this.prefix + path);
    if (posix.isAbsolute(path) || full === '..' || full.startsWith('../')) throw outsideRoot(this.label, path);
    try {
      return git(this.repoDir, ['show', `${this.commit}:${full}`]);
    } catch {
      return undefined;
    }
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
