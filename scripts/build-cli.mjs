// Builds the CLI bundle that `lockwarden` runs: ncc compiles packages/cli/dist/main.js (and the core it imports)
// into packages/cli/bundle/ as ESM chunks, one per lazily imported command, parser and reporter, then the data files
// the core reads at run time are copied beside it (as scripts/build-action.mjs does for the Action).
//
// Why a bundle: measured in one run on this 2-core machine (Node 20, CPU medians, 5k-package lockfiles), the bundle
// cost 0.64 s for `check` against 0.87 s for the same code as ~700 separate modules, and 0.83 s against 1.17 s for
// `sbom`: resolving, reading and compiling each module costs more than the code in it. Dynamic `import()`s stay
// separate chunks, so a command still loads only what it uses.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoUnresolvedImports } from './ncc-unresolved.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const out = join(cli, 'bundle');
const entry = join(cli, 'dist', 'main.js');
if (!existsSync(entry)) throw new Error(`${entry} is missing: run tsc -b packages/core packages/cli first`);
rmSync(out, { recursive: true, force: true });
const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
// Native addons and the optional XML schema validator stay ordinary dependencies, resolved at run time.
const external = ['better-sqlite3', 'libxmljs2'].flatMap((name) => ['-e', name]);
execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '--quiet', ...external], {
  cwd: root,
  stdio: 'inherit',
});
assertNoUnresolvedImports(out);
const core = join(root, 'packages', 'core');
cpSync(join(core, 'data'), join(out, 'data'), { recursive: true });
cpSync(join(core, 'generated'), join(out, 'generated'), { recursive: true, filter: (src) => !/\.(js|ts|md)$/.test(src) });
const cyclonedx = dirname(createRequire(join(core, 'package.json')).resolve('@cyclonedx/cyclonedx-library/package.json'));
cpSync(join(cyclonedx, 'res', 'schema'), join(out, 'cyclonedx-schema'), { recursive: true, filter: (src) => !src.endsWith('.xsd') });
