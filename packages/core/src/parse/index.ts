/** Readers of the text formats lockfiles use, with positions for error messages. */
export { LineIndex } from './line-index.js';
export { parseJson, isRecord } from './json.js';
export { loadYaml, parseYaml, YamlItemLines, YamlKeyLines } from './yaml.js';
export { readYamlSubset, type SubsetSchema, type SubsetYaml } from './yaml-subset.js';
export { parseTomlDocument, type TomlPieces } from './toml.js';
