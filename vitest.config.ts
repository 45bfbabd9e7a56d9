import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests run against the source: every entry point of @lockwarden/core (the root and each subpath in its
 * `exports`) maps to the source file its built file comes from (dist/x.js -> src/x.ts).
 */
function coreSourceAliases(): Array<{ find: RegExp; replacement: string }> {
  const pkg = JSON.parse(readFileSync(new URL('./packages/core/package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, string | { default: string }>;
  };
  return Object.entries(pkg.exports)
    .filter((entry): entry is [string, { default: string }] => typeof entry[1] === 'object')
    .map(([subpath, target]) => ({
      find: new RegExp(`^@lockwarden/core${subpath.slice(1).replace(/[/.]/g, '\\$&')}$`),
      replacement: fileURLToPath(new URL(`./packages/core/${target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`, import.meta.url)),
    }));
}

export default defineConfig({
  resolve: {
    // The built packages are exercised by the CLI and bundle tests.
    alias: coreSourceAliases(),
  },
  test: {
    // No test may reach the internet: a client a test forgot to point at a local server fails fast here
    // (connection refused on the discard port) instead of calling a public service. LOCKWARDEN_LIVE=1 lifts this.
    env:
      process.env.LOCKWARDEN_LIVE === '1'
        ? {}
        : {
            LOCKWARDEN_OSV_URL: 'http://127.0.0.1:9',
            npm_config_registry: 'http://127.0.0.1:9/',
            PIP_INDEX_URL: 'http://127.0.0.1:9/simple',
            PUB_HOSTED_URL: 'http://127.0.0.1:9/',
            HEX_API_URL: 'http://127.0.0.1:9/api/',
            COCOAPODS_TRUNK_URL: 'http://127.0.0.1:9/api/v1/',
            GITHUB_API_URL: 'http://127.0.0.1:9/',
            HF_ENDPOINT: 'http://127.0.0.1:9',
          },
    include: ['__tests__/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
