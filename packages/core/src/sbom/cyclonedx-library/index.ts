// The CycloneDX library path (`@lockwarden/core/sbom/cyclonedx-library`): its models, the XML serializer and the
// GitLab report build on it. A separate entry, so that writing a JSON SBOM does not load the library or xmlbuilder2.
export { buildBom, type BuildBomOptions } from './build.js';
export { serializeBom, type SerializeBomOptions } from './serialize.js';
export { generateSbomWithLibrary } from './generate.js';
