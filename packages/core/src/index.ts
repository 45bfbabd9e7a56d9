/**
 * @lockwarden/core: the evaluation library. It never imports `@actions/*`; callers pass clients and a logger.
 */
export * from './errors.js';
export * from './model/ecosystem.js';
export * from './model/package.js';
export * from './model/inventory.js';
export * from './model/purl.js';
export * from './ecosystems/types.js';
export * from './ecosystems/registry.js';
export * from './ecosystems/references.js';
export * from './findings/finding.js';
export * from './advisories/index.js';
export * from './log/logger.js';
export { LineIndex } from './parse/line-index.js';
export { parseJson, isRecord } from './parse/json.js';
export { parseYaml } from './parse/yaml.js';
export * from './lockfiles/index.js';
export * from './diff/index.js';
export * from './report/index.js';
export { compareSemver } from './ecosystems/semver-order.js';
export * from './policy/index.js';
export * from './sbom/index.js';
export * from './typosquat/index.js';
export * from './registry/index.js';
export * from './engine/index.js';
export { HttpClient, isRetryableStatus, parseRetryAfter, type HttpClientOptions, type RequestOptions } from './http/http-client.js';
