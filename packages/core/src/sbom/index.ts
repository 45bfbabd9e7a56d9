export { buildBom, LOCKFILE_PROPERTY, type BuildBomOptions } from './build.js';
export { attachModelCards, modelCardFromHub, modelCardsFromHub, type HubRepoReader, type ModelCard } from './model-card.js';
export {
  serializeBom,
  uuidV5,
  reproducibleTimestamp,
  SBOM_SPEC_VERSIONS,
  DEFAULT_SBOM_SPEC_VERSION,
  type SbomSpecVersion,
  type SbomFormat,
  type SerializeBomOptions,
} from './serialize.js';
export { generateSbom, type GenerateSbomOptions } from './generate.js';
export { readRootProject, type RootProject, type ReadRelated } from './root-project.js';
// Schema validation (Ajv and the CycloneDX schemas) has its own entry, @lockwarden/core/sbom/validate, so writing
// or reading an SBOM does not load a JSON Schema validator.
export type { SbomSchemaIssue, SbomValidationResult } from './validate.js';
export { readSbom, type SbomInputFormat, type SbomInventory, type SbomVersionConflict } from './read.js';
export { compareSbomWithInventories, type SbomDrift, type SbomDriftKind } from './drift.js';
export { signDetached, verifyDetached, type DetachedSignature, type SignatureAlgorithm } from './sign.js';
