import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Inputs at least this large leave parse garbage worth collecting at once: the JSON or YAML tree of a 5 MB lockfile
 * is tens of MB, and at 50,000 packages (23 MB of package-lock.json) hundreds.
 */
export const LARGE_PARSE_BYTES = 4 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection after a large lockfile was parsed. `check` parses the base and then the head:
 * left to its heuristics V8 grows the heap over the base's dead parse tree while it parses the head, and the
 * process peaks at both trees (429 MB for a 50k-package package-lock pair, 115 MB of it live). One collection
 * between the two costs a few tens of ms at that size and nothing for small files, which never reach it.
 * `gc` is not exposed to scripts unless node starts with `--expose-gc`; setting the flag at run time makes it
 * available in a new context. Where that fails, nothing is collected early and nothing else changes.
 */
export function releaseParseGarbage(inputLength: number): void {
  if (inputLength < LARGE_PARSE_BYTES) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
