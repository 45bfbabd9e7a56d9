/** The data model every layer shares: ecosystems, packages, inventories, purls. */
export * from './ecosystem.js';
export * from './package.js';
export * from './inventory.js';
export * from './purl.js';
export type { EnrichmentData } from './enrichment-data.js';
export type { HubRepoFacts } from './hub-repo-facts.js';
export { deferProperty } from './deferred-property.js';
