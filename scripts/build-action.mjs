// Builds the Action bundle: ncc compiles src/index.ts (and the core it imports) into dist/ as ESM, with the
// third-party licenses, then the data files the core reads at run time are copied beside it.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoUnresolvedImports } from './ncc-unresolved.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
execFileSync(process.execPath, [ncc, 'build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--target', 'es2022', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
assertNoUnresolvedImports(dist);
// Popularity snapshots for the typosquat rule (core resolves ./data/ beside the bundle).
cpSync(join(root, 'packages', 'core', 'data'), join(dist, 'data'), { recursive: true });
// The typosquat index precomputed by the build (core resolves ./generated/ beside the bundle).
cpSync(join(root, 'packages', 'core', 'generated'), join(dist, 'generated'), { recursive: true, filter: (src) => !/\.(js|ts|md)$/.test(src) });
// CycloneDX JSON schemas for SBOM validation (core's cycloneDxSchemaDir() looks in cyclonedx-schema/ beside the bundle).
const cyclonedx = dirname(createRequire(join(root, 'packages', 'core', 'package.json')).resolve('@cyclonedx/cyclonedx-library/package.json'));
cpSync(join(cyclonedx, 'res', 'schema'), join(dist, 'cyclonedx-schema'), { recursive: true, filter: (src) => !src.endsWith('.xsd') });
