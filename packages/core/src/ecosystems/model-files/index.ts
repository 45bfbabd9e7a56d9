import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';

/** Model files committed to the repository (pickles, torch archives, safetensors, GGUF, ONNX). Versions are content hashes. */
export const modelFilesPlugin: EcosystemPlugin = {
  ecosystem: 'Model file',
  purlType: 'generic',
  lockfiles: [
    lockfileFormat(
      { id: 'model-file', ecosystem: 'Model file', fileNames: ['*.pkl', '*.pickle', '*.pt', '*.pth', '*.bin', '*.ckpt', '*.joblib', '*.npy', '*.npz', '*.safetensors', '*.gguf', '*.onnx'], scanner: true, binary: true },
      async () => (await import('./model-file.js')).modelFileParser,
    ),
  ],
  advisories: false,
  compareVersions: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  normalizeName: (name) => name,
};
