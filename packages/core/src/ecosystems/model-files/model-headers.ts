/** Most header entries kept for a report; model headers can hold thousands (tokenizer vocabularies in GGUF). */
const MAX_ENTRIES = 32;
const MAX_VALUE = 200;

function keep(out: Record<string, string>, key: string, value: string): void {
  if (Object.keys(out).length < MAX_ENTRIES) out[key] = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
}

/**
 * The `__metadata__` strings of a safetensors header (8-byte little-endian length, then that much JSON), plus the
 * tensor count. Throws with a reason when the header is malformed.
 */
export function safetensorsMetadata(bytes: Uint8Array): Record<string, string> {
  if (bytes.length < 8) throw new Error('shorter than the 8-byte header length');
  const length = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (length > 100 * 1024 * 1024 || 8 + length > bytes.length) throw new Error(`header length ${length} exceeds the file`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<string, unknown>;
  const out: Record<string, string> = {};
  const meta = header.__metadata__;
  if (meta && typeof meta === 'object') {
    for (const [k, v] of Object.entries(meta as Record<string, unknown>)) if (typeof v === 'string') keep(out, k, v);
  }
  keep(out, 'tensors', String(Object.keys(header).filter((k) => k !== '__metadata__').length));
  return out;
}

/**
 * Scalar and string key-values of a GGUF header (`GGUF`, version, tensor count, key-value count, then typed
 * entries); arrays are skipped. Stops at the first value it cannot read.
 */
export function ggufMetadata(bytes: Uint8Array): Record<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || new TextDecoder().decode(bytes.subarray(0, 4)) !== 'GGUF') throw new Error('no GGUF magic');
  let pos = 4;
  const version = view.getUint32(pos, true);
  pos += 4;
  const wide = version >= 2;
  const readCount = (): number => {
    const v = wide ? Number(view.getBigUint64(pos, true)) : view.getUint32(pos, true);
    pos += wide ? 8 : 4;
    return v;
  };
  const out: Record<string, string> = { version: String(version) };
  out.tensors = String(readCount());
  const kvCount = readCount();
  const readString = (): string => {
    const n = readCount();
    if (pos + n > bytes.length) throw new RangeError('string past the end');
    const s = new TextDecoder().decode(bytes.subarray(pos, pos + n));
    pos += n;
    return s;
  };
  const sizes: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
  const scalar = (type: number): string => {
    switch (type) {
      case 0: return String(view.getUint8(pos));
      case 1: return String(view.getInt8(pos));
      case 2: return String(view.getUint16(pos, true));
      case 3: return String(view.getInt16(pos, true));
      case 4: return String(view.getUint32(pos, true));
      case 5: return String(view.getInt32(pos, true));
      case 6: return String(view.getFloat32(pos, true));
      case 7: return String(view.getUint8(pos) !== 0);
      case 10: return String(view.getBigUint64(pos, true));
      case 11: return String(view.getBigInt64(pos, true));
      case 12: return String(view.getFloat64(pos, true));
      default: throw new RangeError(`unknown value type ${type}`);
    }
  };
  const skipValue = (type: number): void => {
    if (type === 8) readString();
    else if (type === 9) {
      const inner = view.getUint32(pos, true);
      pos += 4;
      const n = readCount();
      if (inner === 8 || inner === 9) for (let i = 0; i < n; i++) skipValue(inner);
      else pos += n * (sizes[inner] ?? Infinity);
    } else pos += sizes[type] ?? Infinity;
    if (!Number.isFinite(pos) || pos > bytes.length) throw new RangeError('value past the end');
  };
  try {
    for (let i = 0; i < kvCount; i++) {
      const key = readString();
      const type = view.getUint32(pos, true);
      pos += 4;
      if (type === 8) keep(out, key, readString());
      else if (type === 9) skipValue(9);
      else {
        const value = scalar(type);
        pos += sizes[type] ?? 0;
        keep(out, key, value);
      }
    }
  } catch {
    // A header cut short (a file read truncated) keeps the entries read so far.
  }
  return out;
}

/**
 * A `.npy` header: format version, and the Python-literal dict with `descr`. An object dtype (`|O`) means the
 * array data that follows is a pickle. Returns the offset of the data.
 */
export function npyHeader(bytes: Uint8Array): { descr: string; dataOffset: number } {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) throw new Error('no NUMPY magic');
  const major = bytes[6] as number;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + headerLength));
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(header)?.[1];
  if (descr === undefined) throw new Error('header has no descr');
  return { descr, dataOffset: start + headerLength };
}
