// ncc compiles an import it cannot resolve into `eval("require")("./x.js")` and carries on: the bundle builds, and
// fails only when that code runs (in an ES module, `require is not defined`). A stale compiled tree (a source file
// whose .js was never emitted) does exactly that, so both build scripts refuse a bundle with such a placeholder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Throws when a .js file under `dir` holds an import ncc could not resolve, naming the file and the import. */
export function assertNoUnresolvedImports(dir) {
  const missing = [];
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!String(name).endsWith('.js')) continue;
    const text = readFileSync(join(dir, String(name)), 'utf8');
    for (const match of text.matchAll(/@@notfound\.js\?([^\s"'`]+)/g)) missing.push(`${name}: ${match[1]}`);
  }
  if (missing.length > 0) {
    throw new Error(`ncc could not resolve ${missing.length} import(s); rebuild the packages (tsc -b --force)?\n  ${[...new Set(missing)].join('\n  ')}`);
  }
}
