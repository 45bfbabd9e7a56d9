import { main } from '../../packages/cli/src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with its own IO, as a user would from `cwd`. */
export async function runCli(argv: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
