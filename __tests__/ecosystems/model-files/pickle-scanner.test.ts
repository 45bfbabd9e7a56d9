import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLockfileParser, judgeImport, scanModelFile, scanPickle } from '@lockwarden/core';
import { writePythonModelFiles } from '../../helpers/python-pickles.js';

let dir: string;
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, 'models', name)));
const scan = (name: string) => {
  const bytes = read(name);
  return scanModelFile(bytes, `models/${name}`, bytes.length);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockwarden-pickles-'));
  writePythonModelFiles(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pickle opcode scanner on pickles real Python wrote', () => {
  // Protocol 0 and 1 use GLOBAL (text lines); 2 and 3 GLOBAL in binary framing; 4 and 5 STACK_GLOBAL with
  // SHORT_BINUNICODE pushes and MEMOIZE, so the module and name come from the stack.
  it.each([0, 2, 4, 5])('finds posix.system in the __reduce__ payload at protocol %i', (protocol) => {
    const result = scan(`evil-p${protocol}.pkl`);
    expect(result.error).toBeUndefined();
    expect(result.format).toBe('pickle');
    expect(result.imports).toEqual([{ module: 'posix', name: 'system', verdict: 'dangerous' }]);
  });

  it('finds nothing dangerous in a benign pickle and judges its imports safe', () => {
    const result = scan('benign.pkl');
    expect(result.error).toBeUndefined();
    expect(result.imports).toEqual([{ module: 'collections', name: 'OrderedDict', verdict: 'safe' }]);
  });

  it('reads data.pkl inside a torch-style zip and names the member', () => {
    const result = scan('evil-torch.pt');
    expect(result.format).toBe('torch-zip');
    expect(result.executable).toBe(true);
    expect(result.imports).toEqual([{ module: 'posix', name: 'system', verdict: 'dangerous', member: 'archive/data.pkl' }]);
  });

  it('scans the pickle behind an object-dtype .npy header', () => {
    const result = scan('objects.npy');
    expect(result.format).toBe('npy');
    expect(result.executable).toBe(true);
    expect(result.imports.map((i) => `${i.module}.${i.name}:${i.verdict}`)).toEqual(['posix.system:dangerous']);
  });

  it('reads safetensors headers for metadata only', () => {
    const result = scan('weights.safetensors');
    expect(result).toEqual({ format: 'safetensors', executable: false, imports: [], metadata: { format: 'pt', tensors: '1' } });
  });

  it('reads GGUF key-values for metadata only, skipping arrays', () => {
    const result = scan('tiny.gguf');
    expect(result).toEqual({
      format: 'gguf',
      executable: false,
      imports: [],
      metadata: { version: '3', tensors: '0', 'general.architecture': 'llama', 'llama.context_length': '4096', 'general.license': 'mit' },
    });
  });

  it('reports a truncated pickle instead of calling it clean', () => {
    const bytes = read('evil-p4.pkl');
    const result = scanPickle(bytes.subarray(0, bytes.length - 3));
    expect(result.error).toMatch(/no STOP opcode|truncated/);
  });

  it('reports a file it did not read fully as not scanned', () => {
    const bytes = read('evil-p2.pkl');
    const result = scanModelFile(bytes.subarray(0, 4), 'models/evil-p2.pkl', bytes.length);
    expect(result.error).toMatch(/not scanned/);
    expect(result.imports).toEqual([]);
  });

  it('resolves STACK_GLOBAL through the memo (BINGET of strings pushed earlier)', () => {
    // PROTO 4, SHORT_BINUNICODE "os" MEMOIZE, SHORT_BINUNICODE "system" MEMOIZE, POP, POP,
    // BINGET 0, BINGET 1, STACK_GLOBAL, STOP.
    const bytes = Uint8Array.from([
      0x80, 4, 0x8c, 2, ...Buffer.from('os'), 0x94, 0x8c, 6, ...Buffer.from('system'), 0x94, 0x30, 0x30, 0x68, 0, 0x68, 1, 0x93, 0x2e,
    ]);
    expect(scanPickle(bytes).imports).toEqual([{ module: 'os', name: 'system', verdict: 'dangerous' }]);
  });

  it('judges imports against the safe and dangerous lists', () => {
    expect(judgeImport('builtins', 'eval')).toBe('dangerous');
    expect(judgeImport('subprocess', 'Popen')).toBe('dangerous');
    expect(judgeImport('nt', 'system')).toBe('dangerous');
    expect(judgeImport('torch._utils', '_rebuild_tensor_v2')).toBe('safe');
    expect(judgeImport('torch', 'FloatStorage')).toBe('safe');
    expect(judgeImport('builtins', 'set')).toBe('safe');
    expect(judgeImport('sklearn.linear_model', 'LogisticRegression')).toBe('unknown');
  });

  it('turns a committed model file into a package with its content hash', async () => {
    const bytes = read('evil-p4.pkl');
    const inv = (await loadLockfileParser('model-file')).parseBytes!(bytes, 'models/evil-p4.pkl', { fileSize: bytes.length });
    expect(inv.packages).toHaveLength(1);
    const pkg = inv.packages[0]!;
    expect(pkg.ecosystem).toBe('Model file');
    expect(pkg.purl).toMatch(/^pkg:generic\/evil-p4\.pkl\?checksum=sha256%3A[0-9a-f]{64}$/);
    expect(pkg.location).toEqual({ file: 'models/evil-p4.pkl', line: 1 });
    expect(pkg.reference?.scan?.imports[0]?.name).toBe('system');
  });
});
