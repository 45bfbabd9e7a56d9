// Runs the CLI from its separate compiled modules (packages/cli/dist), not from the bundle the `lockwarden` command
// runs: module-census tests read which modules a command imports, which a bundle folds into a few chunks.
import { fileURLToPath } from 'node:url';

const { main } = await import(fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
