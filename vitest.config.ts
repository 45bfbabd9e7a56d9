import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Tests run against the source; the built packages are exercised by the CLI and bundle tests.
      '@lockwarden/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
    },
  },
  test: {
    // No test may reach the internet: a client a test forgot to point at a local server fails fast here
    // (connection refused on the discard port) instead of calling a public service. LOCKWARDEN_LIVE=1 lifts this.
    env:
      process.env.LOCKWARDEN_LIVE === '1'
        ? {}
        : { LOCKWARDEN_OSV_URL: 'http://127.0.0.1:9', npm_config_registry: 'http://127.0.0.1:9/', PIP_INDEX_URL: 'http://127.0.0.1:9/simple', HF_ENDPOINT: 'http://127.0.0.1:9' },
    include: ['__tests__/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
