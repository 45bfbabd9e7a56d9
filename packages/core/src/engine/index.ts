/** The engine: discover → diff → enrich → evaluate → report, and the façades adapters call. */
export * from './check-types.js';
export * from './run-check.js';
export * from './vet-packages.js';
export * from './load-run-policy.js';
export { discover, type Discovered } from './discover.js';
export { diffStep, type Judged } from './diff.js';
export { enrich, type EnrichSources } from './enrich.js';
export { evaluateStep, type EvaluateStepInput } from './evaluate.js';
export { reportStep } from './report.js';
export * from './run-audit.js';
