/** One package manager and the settings that point it at the guard proxy. */
export interface ClientSetting {
  client: string;
  /** Environment variables set for the wrapped command (`{npm}` is the npm registry URL, `{pypi}` the simple index). */
  env: Record<string, string>;
  /** Why, and what the client still reaches directly. */
  note: string;
}

/**
 * The client table: what `lockwarden guard -- COMMAND` sets so each package manager resolves through the proxy.
 * Every setting is an environment variable the client honours over its config files, so one environment serves
 * any command (a script that runs npm, then pip) and nothing is written to the user's configuration.
 * docs/guard.md renders this table.
 */
export const CLIENT_SETTINGS: readonly ClientSetting[] = [
  {
    client: 'npm',
    env: {
      npm_config_registry: '{npm}',
      // Fetch every registry tarball, including the `resolved` URLs of an existing lockfile, through the proxy;
      // the lockfile keeps the upstream URLs.
      npm_config_replace_registry_host: 'always',
      // Revalidate cached metadata and tarballs with the proxy instead of installing from the cache unjudged.
      npm_config_prefer_online: 'true',
      // npm's retries stay (they also cover a reused keep-alive socket the proxy just closed), but the proxy
      // already retried the upstream, so its 503 is not worth npm's 10 s to 60 s backoff.
      npm_config_fetch_retry_mintimeout: '200',
      npm_config_fetch_retry_maxtimeout: '2000',
    },
    note: 'npm ≥ 7. Scoped registries (`@scope:registry`) are overridden too, see below.',
  },
  {
    client: 'pnpm',
    env: { npm_config_registry: '{npm}' },
    note: 'reads npm_config_*; builds tarball URLs from the registry when installing from pnpm-lock.yaml.',
  },
  {
    client: 'yarn classic (1.x)',
    env: { npm_config_registry: '{npm}', YARN_REGISTRY: '{npm}' },
    note: 'yarn.lock `resolved` URLs are fetched directly from the upstream (metadata was judged at resolve time).',
  },
  {
    client: 'yarn berry (2+)',
    env: { YARN_NPM_REGISTRY_SERVER: '{npm}-/lw-proxied/', YARN_UNSAFE_HTTP_WHITELIST: '{host}' },
    note: 'served tarball URLs on the proxy, which berry leaves out of yarn.lock; plain HTTP on loopback needs the whitelist.',
  },
  {
    client: 'bun',
    env: { BUN_CONFIG_REGISTRY: '{npm}', NPM_CONFIG_REGISTRY: '{npm}' },
    note: 'bun reads BUN_CONFIG_REGISTRY and the npm variable.',
  },
  {
    client: 'pip',
    env: { PIP_INDEX_URL: '{pypi}' },
    note: 'pip treats loopback as a secure origin; PIP_EXTRA_INDEX_URL, if set, is not proxied.',
  },
  {
    client: 'uv',
    env: { UV_DEFAULT_INDEX: '{pypi}', UV_INDEX_URL: '{pypi}' },
    note: 'uv ≥ 0.4 reads UV_DEFAULT_INDEX (UV_INDEX_URL for older); uv.lock records the index URL it used.',
  },
  {
    client: 'pdm',
    env: { PDM_PYPI_URL: '{pypi}' },
    note: 'pdm.lock records file URLs from the page, which point at the upstream.',
  },
  {
    client: 'poetry',
    env: {},
    note: 'poetry has no variable that replaces PyPI; add a `[[tool.poetry.source]]` with `priority = "primary"` and the `guard serve` URL.',
  },
];

/** The environment for a wrapped command: every client's variables plus one per scoped npm registry. */
export function clientEnvironment(urls: { npm: string; pypi: string; host: string }, npmScopes: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of CLIENT_SETTINGS) {
    for (const [k, v] of Object.entries(c.env)) out[k] = v.replace('{npm}', urls.npm).replace('{pypi}', urls.pypi).replace('{host}', urls.host);
  }
  // A scope with its own registry would bypass the proxy; npm, pnpm and yarn classic read `npm_config_@scope:registry`.
  for (const scope of npmScopes) out[`npm_config_${scope}:registry`] = urls.npm;
  return out;
}
