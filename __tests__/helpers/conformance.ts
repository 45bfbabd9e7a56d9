import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared conformance corpus sits beside the repository: ../shared/conformance. */
export const CONFORMANCE_DIR = resolve(REPO_ROOT, '..', 'shared', 'conformance');

export function conformanceAvailable(): boolean {
  if (existsSync(CONFORMANCE_DIR)) return true;
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! CONFORMANCE CORPUS MISSING: ${CONFORMANCE_DIR}\n!! The conformance tests are SKIPPED. Check out ../shared beside the repository.\n${line}\n`,
  );
  return false;
}
