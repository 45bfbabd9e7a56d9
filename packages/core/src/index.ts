/**
 * @lockwarden/core: the evaluation library. It never imports `@actions/*`; callers pass clients and a logger.
 * This root entry re-exports every layer for convenience; each subpath (`@lockwarden/core/lockfiles`, `/engine`,
 * …) loads only its own folder and the layers below it (docs/architecture.md).
 */
export * from './errors.js';
export * from './log/logger.js';
export * from './model/index.js';
export * from './findings/finding.js';
export * from './parse/index.js';
export * from './http/index.js';
export * from './ecosystems/index.js';
export * from './lockfiles/index.js';
export * from './diff/index.js';
export * from './advisories/index.js';
export * from './typosquat/index.js';
export * from './registry/index.js';
export * from './sbom/index.js';
export * from './sbom/validate.js';
export * from './sbom/cyclonedx-library/index.js';
export * from './policy/index.js';
export * from './report/index.js';
export * from './engine/index.js';
export * from './inventory/index.js';
