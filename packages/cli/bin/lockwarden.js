#!/usr/bin/env node
// The command runs the compiled CLI; in a fresh clone that does not exist until the packages are built, and a raw
// ERR_MODULE_NOT_FOUND stack would not say so.
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.url ?? err.message).includes('/dist/')) {
    process.stderr.write('lockwarden: not built yet; run `npm ci && npm run build` in the repository first\n');
    process.exit(2);
  }
  throw err;
}
process.exitCode = await main(process.argv.slice(2));
