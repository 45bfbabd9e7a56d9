import type { Package } from './package.js';

/**
 * Whether a registry can answer for this package: registry-sourced packages, and Swift packages pinned to a
 * version, whose source host stands in for the registry SwiftPM does not have (existence and age of the tag).
 * Git, path and tarball dependencies of other ecosystems have no registry entry to ask about.
 */
export function isRegistryBacked(pkg: Pick<Package, 'ecosystem' | 'source' | 'version'>): boolean {
  if (pkg.source.kind === 'registry') return true;
  return pkg.ecosystem === 'SwiftURL' && pkg.source.kind === 'git' && pkg.version !== '';
}
