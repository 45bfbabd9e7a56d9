/** Where a CLI run reads and writes; tests pass their own to run the CLI in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Exit codes: the contract the Action, the GitLab template and scripts rely on. */
export const EXIT = {
  ok: 0,
  /** The policy was violated (findings that block, or unapproved quarantines). */
  violation: 1,
  /** lockwarden could not evaluate: bad input, missing commit, a data source down. */
  error: 2,
} as const;
