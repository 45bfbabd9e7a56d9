import type { EcosystemPlugin } from '../types.js';
import { modelFileParser } from './model-file.js';

/** Model files committed to the repository (pickles, torch archives, safetensors, GGUF, ONNX). Versions are content hashes. */
export const modelFilesPlugin: EcosystemPlugin = {
  ecosystem: 'Model file',
  purlType: 'generic',
  parsers: [modelFileParser],
  advisories: false,
  compareVersions: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  normalizeName: (name) => name,
};
