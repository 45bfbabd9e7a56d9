/** Readers of the text formats lockfiles use, with positions for error messages. */
export { LineIndex } from './line-index.js';
export { parseJson, isRecord } from './json.js';
export { parseYaml } from './yaml.js';
