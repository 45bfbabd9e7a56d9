/** The ecosystem plug-ins (lockfile and manifest parsers, version ordering, purl types) and their registry. */
export * from './types.js';
export * from './registry.js';
export { compareSemver } from './semver-order.js';
export * from './references.js';
