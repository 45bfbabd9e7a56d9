import { packageKey } from '../../model/package.js';
import type { Package } from '../../model/package.js';
import type { Enrichment, RegistryMetadata, SourceFailure } from '../enrichment.js';

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

/**
 * The registry failure that kept this package's data away, if any (a failure naming no packages covers all). For
 * rules whose data is the lockfile but which fall back to the registry (the license rule).
 */
export function registryFailureFor(pkg: Package, enrichment: Enrichment): SourceFailure | undefined {
  const failures = enrichment.failures;
  if (!failures || failures.length === 0) return undefined;
  const key = packageKey(pkg);
  return failures.find((f) => f.data === 'registry' && (f.packages === undefined || packageSet(f).has(key)));
}

/** A failure's packages as a set, built once per failure (a failed registry may name tens of thousands). */
const packageSets = new WeakMap<SourceFailure, Set<string>>();
function packageSet(f: SourceFailure): Set<string> {
  let set = packageSets.get(f);
  if (!set) packageSets.set(f, (set = new Set(f.packages)));
  return set;
}

/** Whole days between two instants, rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}
