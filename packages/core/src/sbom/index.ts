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
export {
  validateSbomJson,
  VALIDATED_SPEC_VERSIONS,
  cycloneDxSchemaDir,
  BUNDLED_SCHEMA_FOLDER,
  jsonPointerToPath,
  type SbomSchemaIssue,
  type SbomValidationResult,
} from './validate.js';
export { readSbom, type SbomInputFormat } from './read.js';
export { compareSbomWithInventories, type SbomDrift, type SbomDriftKind } from './drift.js';
export { signDetached, verifyDetached, type DetachedSignature, type SignatureAlgorithm } from './sign.js';
