#!/usr/bin/env node
// The command runs the CLI bundle (scripts/build-cli.mjs says why a bundle). Node 22.1+ also keeps the compiled
// code of the bundle between runs (module.enableCompileCache, in the OS temp folder); on Node 20 it is absent.
// In a fresh clone the bundle does not exist until the packages are built, and a raw ERR_MODULE_NOT_FOUND stack
// would not say so.
import module from 'node:module';

module.enableCompileCache?.();
// `lockwarden ls | head`: once the reader has gone, the rest of the output cannot be delivered. Say so in one line
// instead of an unhandled-error stack, and exit 2 (could not evaluate): a gate whose output was cut off did not pass.
process.stdout.on('error', (err) => {
  if (err?.code !== 'EPIPE') throw err;
  process.stderr.write('lockwarden: standard output was closed before the report was written (EPIPE)\n');
  process.exit(2);
});
let main;
try {
  ({ main } = await import('../bundle/index.js'));
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.url ?? err.message).includes('/bundle/')) {
    process.stderr.write('lockwarden: not built yet; run `npm ci && npm run build` in the repository first\n');
    process.exit(2);
  }
  throw err;
}
process.exitCode = await main(process.argv.slice(2));
