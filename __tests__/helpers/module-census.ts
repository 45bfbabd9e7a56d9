import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('./module-census/register.mjs', import.meta.url));
const MARK = 'MODULE-CENSUS ';

function census(nodeArgs: string[], cwd: string, okCodes: readonly number[]): string[] {
  const run = spawnSync(process.execPath, ['--import', REGISTER, ...nodeArgs], { cwd, encoding: 'utf8' });
  const line = run.stderr.split('\n').find((l) => l.startsWith(MARK));
  if (!okCodes.includes(run.status ?? -1) || !line) throw new Error(`node ${nodeArgs.join(' ')} exited ${run.status}: ${run.stderr}`);
  return (JSON.parse(line.slice(MARK.length)) as string[]).map((url) => fileURLToPath(url));
}

/**
 * The files (ES and CommonJS modules) a fresh Node process loads to evaluate the ES module source `code`, as
 * absolute paths. It runs the built packages, so the answer is what a user's process loads.
 */
export function modulesLoadedBy(code: string, cwd: string): string[] {
  return census(['--input-type=module', '-e', code], cwd, [0]);
}

/** The same for running a script with arguments; `okCodes` are the exit codes the run may end with. */
export function modulesLoadedByScript(script: string, args: readonly string[], cwd: string, okCodes: readonly number[] = [0]): string[] {
  return census([script, ...args], cwd, okCodes);
}
