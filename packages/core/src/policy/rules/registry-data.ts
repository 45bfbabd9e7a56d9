import { packageKey } from '../../model/package.js';
import type { Package } from '../../model/package.js';
import type { Enrichment, RegistryMetadata } from '../enrichment.js';

/**
 * The registry's answer for a package, or why there is none (the reason becomes a "not evaluated" entry).
 * Shared by every rule whose `data` is `registry`.
 */
export function registryMetadata(
  pkg: Package,
  enrichment: Enrichment,
): { meta: RegistryMetadata } | { notEvaluated: string } {
  if (!enrichment.registry) {
    const skipped = enrichment.skipped?.registry;
    return { notEvaluated: skipped ? `registry not consulted (${skipped})` : 'no registry data' };
  }
  const meta = enrichment.registry.byPackage.get(packageKey(pkg));
  return meta ? { meta } : { notEvaluated: 'the registry lookup returned nothing for this package' };
}

/** Whole days between two instants, rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}
