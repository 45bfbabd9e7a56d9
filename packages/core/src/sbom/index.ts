export { LOCKFILE_PROPERTY } from './bom-terms.js';
export { attachModelCards, modelCardFromHub, modelCardsFromHub, type HubRepoReader, type ModelCard } from './model-card.js';
export {
  uuidV5,
  reproducibleTimestamp,
  SBOM_SPEC_VERSIONS,
  DEFAULT_SBOM_SPEC_VERSION,
  type SbomSpecVersion,
  type SbomFormat,
} from './spec.js';
export { generateSbom, renderSbom, writeSbomJson, type GenerateSbomOptions } from './generate.js';
export { readRootProject, type RootProject, type ReadRelated } from './root-project.js';
// The CycloneDX library's models (XML, the GitLab report) have their own entry, @lockwarden/core/sbom/cyclonedx-library,
// and schema validation (Ajv and the CycloneDX schemas) has @lockwarden/core/sbom/validate, so that writing or reading
// a JSON SBOM loads neither.
export type { SbomSchemaIssue, SbomValidationResult } from './validate.js';
export { readSbom, type SbomInputFormat, type SbomInventory, type SbomVersionConflict } from './read.js';
export { compareSbomWithInventories, type SbomDrift, type SbomDriftKind } from './drift.js';
export { signDetached, verifyDetached, type DetachedSignature, type SignatureAlgorithm } from './sign.js';
