import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('./module-census/register.mjs', import.meta.url));
const MARK = 'MODULE-CENSUS ';

/**
 * The files (ES and CommonJS modules) a fresh Node process loads to evaluate the ES module source `code`, as
 * absolute paths. It runs the built packages, so the answer is what a user's process loads.
 */
export function modulesLoadedBy(code: string, cwd: string): string[] {
  const run = spawnSync(process.execPath, ['--import', REGISTER, '--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  const line = run.stderr.split('\n').find((l) => l.startsWith(MARK));
  if (run.status !== 0 || !line) throw new Error(`node -e ${JSON.stringify(code)} failed (${run.status}): ${run.stderr}`);
  return (JSON.parse(line.slice(MARK.length)) as string[]).map((url) => fileURLToPath(url));
}
