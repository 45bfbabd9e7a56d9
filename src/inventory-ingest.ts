import type { Inventory } from '@lockwarden/core/model';
import { openInventoryStore, toComponents } from '@lockwarden/core/inventory';

/**
 * Ingests the head lockfiles into the inventory store as a snapshot of this repository at the pushed branch and
 * commit (loaded on demand: only runs with `inventory-store` open a database). Returns a line for the log.
 */
export async function ingestHead(spec: string, inventories: readonly Inventory[]): Promise<string> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const store = await openInventoryStore(spec, { cwd, env: process.env });
  try {
    const result = await store.ingest({
      repo: process.env.GITHUB_REPOSITORY ?? 'unknown',
      ref: process.env.GITHUB_REF_NAME ?? 'unknown',
      ...(process.env.GITHUB_SHA ? { commit: process.env.GITHUB_SHA } : {}),
      inputs: inventories.map((i) => i.lockfile),
      components: inventories.flatMap((i) => toComponents(i, new Map())),
    });
    return `inventory: stored ${result.snapshot.components} components of ${result.snapshot.repo}@${result.snapshot.ref} in ${store.description}`;
  } finally {
    await store.close();
  }
}
