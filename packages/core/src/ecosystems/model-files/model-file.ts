import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { unzipSync } from 'fflate';
import { LockwardenError } from '../../errors.js';
import type { ModelFileScan, PickleImport } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { referenceInventory, referencePackage } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { ggufMetadata, npyHeader, safetensorsMetadata } from './model-headers.js';
import { scanPickle } from './pickle-scanner.js';

const PICKLE_EXTENSIONS = ['.pkl', '.pickle', '.pt', '.pth', '.bin', '.ckpt', '.joblib', '.npy', '.npz', '.safetensors', '.gguf', '.onnx'];

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Scans the pickles inside a zip: `*.pkl` members of a torch archive, `.npy` members of an `.npz`. */
function scanZip(bytes: Uint8Array): { imports: PickleImport[]; errors: string[]; members: number } {
  const entries = unzipSync(bytes, { filter: (f) => /\.(?:pkl|npy)$/.test(f.name) });
  const imports: PickleImport[] = [];
  const errors: string[] = [];
  const names = Object.keys(entries).sort();
  for (const name of names) {
    const data = entries[name] as Uint8Array;
    if (name.endsWith('.npy')) {
      const npy = scanNpy(data, name);
      imports.push(...npy.imports);
      if (npy.error) errors.push(`${name}: ${npy.error}`);
      continue;
    }
    const scan = scanPickle(data, name);
    imports.push(...scan.imports);
    if (scan.error) errors.push(`${name}: ${scan.error}`);
  }
  return { imports, errors, members: names.length };
}

function scanNpy(bytes: Uint8Array, member?: string): { imports: PickleImport[]; error?: string; object: boolean } {
  const { descr, dataOffset } = npyHeader(bytes);
  if (!descr.includes('O')) return { imports: [], object: false };
  const scan = scanPickle(bytes, member, dataOffset);
  return { imports: scan.imports, object: true, ...(scan.error ? { error: scan.error } : {}) };
}

/** Reads one model file into a scan result; never runs anything in it. */
export function scanModelFile(bytes: Uint8Array, path: string, fileSize: number): ModelFileScan {
  const ext = posix.extname(path).toLowerCase();
  const truncated = bytes.length < fileSize;
  try {
    if (ext === '.safetensors') return { format: 'safetensors', executable: false, imports: [], metadata: safetensorsMetadata(bytes) };
    if (ext === '.gguf') return { format: 'gguf', executable: false, imports: [], metadata: ggufMetadata(bytes) };
    if (ext === '.onnx') return { format: 'onnx', executable: false, imports: [] };
    if (truncated) {
      return { format: isZip(bytes) ? 'torch-zip' : 'pickle', executable: true, imports: [], error: `not scanned: the file is larger than ${bytes.length} bytes` };
    }
    if (ext === '.npy') {
      const npy = scanNpy(bytes);
      return { format: 'npy', executable: npy.object, imports: npy.imports, ...(npy.error ? { error: npy.error } : {}) };
    }
    if (isZip(bytes)) {
      const zip = scanZip(bytes);
      const format = ext === '.npz' ? 'npy' : 'torch-zip';
      return { format, executable: format === 'torch-zip' || zip.imports.length > 0, imports: zip.imports, ...(zip.errors.length ? { error: zip.errors.join('; ') } : {}) };
    }
    const scan = scanPickle(bytes);
    return { format: ext === '.joblib' ? 'joblib' : 'pickle', executable: true, imports: scan.imports, ...(scan.error ? { error: scan.error } : {}) };
  } catch (err) {
    return { format: ext === '.safetensors' ? 'safetensors' : ext === '.gguf' ? 'gguf' : 'pickle', executable: !['.safetensors', '.gguf'].includes(ext), imports: [], error: `malformed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Model files committed to the repository. Pickle-based ones (.pkl, torch .pt/.pth/.bin zips and legacy files,
 * .joblib, object-dtype .npy/.npz) are walked opcode by opcode for the callables unpickling would import;
 * safetensors and GGUF headers are read for metadata only. A `.bin` that is neither a zip nor a pickle (raw
 * weights) is left out.
 */
export const modelFileParser: LockfileParser = {
  id: 'model-file',
  ecosystem: 'Model file',
  scanner: true,
  fileNames: PICKLE_EXTENSIONS.map((e) => `*${e}`),
  parse(_text, path) {
    throw new LockwardenError('UNSUPPORTED_FORMAT', `${path}: model files are binary; they are read during discovery`);
  },
  parseBytes(bytes, path, context) {
    const size = context?.fileSize ?? bytes.length;
    const scan = scanModelFile(bytes, path, size);
    const ext = posix.extname(path).toLowerCase();
    if (ext === '.bin' && scan.error?.includes('is not a pickle opcode') && scan.imports.length === 0) {
      return referenceInventory(path, 'model-file', 'Model file', []);
    }
    const complete = bytes.length === size;
    const sha256 = complete ? createHash('sha256').update(bytes).digest('hex') : undefined;
    const pkg = referencePackage({
      ecosystem: 'Model file',
      name: path,
      version: sha256 ?? '',
      purl: buildPurl('generic', undefined, posix.basename(path), undefined, sha256 ? { checksum: `sha256:${sha256}` } : undefined),
      file: path,
      line: 1,
      reference: { kind: 'model-file', pinned: true, via: scan.format, scan },
      ...(sha256 ? { integrity: [{ algorithm: 'sha256', value: sha256 }] } : {}),
    });
    return referenceInventory(path, 'model-file', 'Model file', [pkg]);
  },
};
