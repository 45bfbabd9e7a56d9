import { resolve } from 'node:path';
import { createAdvisorySource, RegistryClients, RegistryEnrichmentSource, type CheckDeps, type Logger } from '@lockwarden/core';
import type { ActionInputs } from './inputs.js';

/**
 * The clients a check needs, from the Action's inputs: the offline OSV database when `offline-db` is set (then no
 * registry is consulted), else the OSV API and the registries, with their caches under `cache-dir`.
 */
export function buildCheckDeps(inputs: ActionInputs, logger: Logger): CheckDeps {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const cacheDir = inputs.cacheDir ? resolve(cwd, inputs.cacheDir) : undefined;
  const advisories = createAdvisorySource({
    ...(inputs.offlineDb ? { offline: true, db: inputs.offlineDb } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    cwd,
    env: process.env,
    logger,
  });
  if (inputs.offlineDb) return { advisories, logger };
  const registry = new RegistryEnrichmentSource(
    new RegistryClients({ cwd, env: process.env, logger, ...(cacheDir ? { cacheDir: resolve(cacheDir, 'registry') } : {}) }),
  );
  return { advisories, registry, logger };
}
