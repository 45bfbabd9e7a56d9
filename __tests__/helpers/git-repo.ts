import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Files of one commit: path → content, or `null` to delete the file. */
export type CommitFiles = Record<string, string | null>;

export interface TestRepo {
  dir: string;
  /** Commit ids, in the order given. */
  commits: string[];
  git(...args: string[]): string;
  cleanup(): void;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'lockwarden test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'lockwarden test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A real git repository in a temp folder with one commit per entry of `history` (applied cumulatively). */
export function makeRepo(history: CommitFiles[], options: { dir?: string } = {}): TestRepo {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lockwarden-repo-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  const commits: string[] = [];
  history.forEach((files, i) => {
    for (const [path, content] of Object.entries(files)) {
      const full = join(dir, path);
      if (content === null) {
        rmSync(full, { force: true });
      } else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', `commit ${i}`);
    commits.push(git('rev-parse', 'HEAD').trim());
  });
  return { dir, commits, git, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The environment the helper's git commands use, for tests that run git themselves. */
export const TEST_GIT_ENV = GIT_ENV;
