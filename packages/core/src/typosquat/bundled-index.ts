import { LockwardenError } from '../errors.js';
import type { PagedFile, PageSource } from './paged-file.js';
import { MappedColumn, StringColumn, columnPrefix, columnToArray, type ReadonlyColumn } from './string-column.js';
import type { TargetForms } from './target-forms.js';
import { TargetIndex, type TargetIndexArrays } from './target-lookup.js';

/**
 * The precomputed typosquat data of one ecosystem, as written to `packages/core/generated/typosquat-<eco>.bin` by
 * `scripts/generate/typosquat-index.mjs`: the popularity snapshot, its targets' comparison forms and their index.
 *
 * Binary, so that loading it is a file read and nothing more: the typed arrays are views into the file's bytes
 * and each list of strings is one UTF-8 run with start offsets, decoded a string at a time (see `StringColumn`).
 * The JSON encoding this replaced spent ~50 ms per process decoding base64 and splitting 300,000 strings, when a
 * check of two names reads a few hundred of them.
 *
 * Layout: `LWTI`, a little-endian u32 format version, a u32 header length, the header (JSON: description, scopes,
 * and each section's offset and byte length), then the sections, each starting at a multiple of 8 bytes.
 */
export interface BundledIndex {
  description: string;
  /** Normalised names, most popular first. */
  names: ReadonlyColumn<string>;
  /** Positions of `names` sorted by name (UTF-16 code units): lookups by binary search, no map to build. */
  nameOrder: Uint32Array;
  /** npm: monthly downloads (null where unknown); PyPI: ranks. */
  scores: ReadonlyColumn<number | null>;
  /** The scopes of the scoped names (npm): owned, so nobody else can publish there. */
  scopes: readonly string[];
  forms: TargetForms;
  index: TargetIndex;
  /** When decoded from a `PagedFile`: what views of its bytes ask before they are read. */
  pages?: PageSource;
}

const MAGIC = 'LWTI';
const FORMAT_VERSION = 1;

interface Header {
  description: string;
  minEditLength: number;
  scopes: string[];
  /** Set when the targets are the first this-many names (as canonical names always are today): stored once. */
  targetsAreNames?: number;
  sections: Record<string, { offset: number; bytes: number }>;
}

type Section = Uint8Array | Uint32Array | Float64Array;

const STRING_LISTS = ['names', 'targets', 'editForm', 'rawForm', 'squashed', 'reorder', 'cores', 'coreKeys'] as const;
const U32_SECTIONS = ['nameOrder', 'squashedIndex', 'reorderIndex', 'coreIndex', 'targetIndex', 'coreOwners'] as const;
const DELETE_INDEXES = ['edit', 'rawOnly', 'coreEdit'] as const;

/** Encodes the data for the generated file. A form equal to its target name is stored empty. */
export function encodeBundledIndex(data: BundledIndex): Buffer {
  const { forms } = data;
  const sameAsTarget = (column: ReadonlyColumn<string>): ReadonlyColumn<string> =>
    new MappedColumn(column, (f, i) => (f === forms.targets.at(i) ? '' : f));
  const arrays = data.index.toArrays();
  const strings: Record<(typeof STRING_LISTS)[number], ReadonlyColumn<string>> = {
    names: data.names,
    targets: forms.targets,
    editForm: sameAsTarget(forms.editForm),
    rawForm: sameAsTarget(forms.rawForm),
    squashed: forms.squashed,
    reorder: new MappedColumn(forms.reorder, (r) => r ?? ''),
    cores: new MappedColumn(forms.cores, (c) => c.join(' ')),
    coreKeys: arrays.corePairs.keys,
  };
  let targetsAreNames = true;
  for (let i = 0; i < forms.targets.length && targetsAreNames; i++) targetsAreNames = forms.targets.at(i) === data.names.at(i);
  const sections: Array<[string, Section]> = [];
  for (const name of STRING_LISTS) {
    if (name === 'targets' && targetsAreNames) continue;
    const { bytes, starts } = StringColumn.encode(strings[name]);
    sections.push([`${name}.bytes`, bytes], [`${name}.starts`, starts]);
  }
  const u32: Record<(typeof U32_SECTIONS)[number], Uint32Array> = {
    nameOrder: data.nameOrder,
    squashedIndex: arrays.squashed,
    reorderIndex: arrays.reorder,
    coreIndex: arrays.core,
    targetIndex: arrays.target,
    coreOwners: Uint32Array.from(columnToArray(arrays.corePairs.owners)),
  };
  for (const name of U32_SECTIONS) sections.push([name, u32[name]]);
  for (const name of DELETE_INDEXES) sections.push([`${name}.offsets`, arrays[name].offsets], [`${name}.entries`, arrays[name].entries]);
  const scores = new Float64Array(data.scores.length);
  for (let i = 0; i < scores.length; i++) scores[i] = data.scores.at(i) ?? Number.NaN;
  sections.push(['scores', scores]);

  const header: Header = {
    description: data.description,
    minEditLength: arrays.minEditLength,
    scopes: [...data.scopes],
    ...(targetsAreNames ? { targetsAreNames: forms.targets.length } : {}),
    sections: {},
  };
  let offset = 0;
  for (const [name, section] of sections) {
    header.sections[name] = { offset, bytes: section.byteLength };
    offset = align8(offset + section.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align8(12 + headerBytes.length);
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT_VERSION, 4);
  out.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(out, 12);
  for (const [name, section] of sections) {
    const bytes = section instanceof Uint8Array ? section : littleEndianBytes(section);
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).copy(out, start + header.sections[name]!.offset);
  }
  return out;
}

/**
 * Decodes the generated file: its bytes, or a `PagedFile` that reads them as lookups reach them (then nothing but
 * the header is read here). Throws a `LockwardenError` (IO_ERROR) for any other content.
 */
export function decodeBundledIndex(source: Buffer | PagedFile): BundledIndex {
  const file = Buffer.isBuffer(source) ? source : source.bytes;
  const pages: PageSource | undefined = Buffer.isBuffer(source) ? undefined : source;
  pages?.ensure(0, 12);
  if (file.length < 12 || file.toString('latin1', 0, 4) !== MAGIC || file.readUInt32LE(4) !== FORMAT_VERSION) {
    throw new LockwardenError('IO_ERROR', `not a lockwarden typosquat index of format ${FORMAT_VERSION}`);
  }
  const headerLength = file.readUInt32LE(8);
  if (12 + headerLength > file.length) throw new LockwardenError('IO_ERROR', 'the typosquat index has a truncated header');
  pages?.ensure(12, headerLength);
  const header = JSON.parse(file.toString('utf8', 12, 12 + headerLength)) as Header;
  const start = align8(12 + headerLength);
  const bytes = (name: string): Buffer => {
    const s = header.sections[name];
    if (!s || start + s.offset + s.bytes > file.length) throw new LockwardenError('IO_ERROR', `the typosquat index lacks its ${name} section`);
    return file.subarray(start + s.offset, start + s.offset + s.bytes);
  };
  const u32 = (name: string): Uint32Array => typedView(bytes(name), Uint32Array, pages);
  const strings = (name: string): StringColumn => new StringColumn(bytes(`${name}.bytes`), u32(`${name}.starts`), pages);
  /** A column over a typed array that asks `pages` for each value's bytes first. */
  const paged = <T extends Uint32Array | Float64Array>(array: T): ReadonlyColumn<number> => ({
    length: array.length,
    at: (i: number) => {
      pages?.ensure(array.byteOffset + i * array.BYTES_PER_ELEMENT, array.BYTES_PER_ELEMENT);
      return array[i];
    },
  });

  const names = strings('names');
  const targets = header.targetsAreNames === undefined ? strings('targets') : columnPrefix(names, header.targetsAreNames);
  const orTarget = (column: ReadonlyColumn<string>): ReadonlyColumn<string> => new MappedColumn(column, (v, i) => v || targets.at(i)!);
  const forms: TargetForms = {
    targets,
    editForm: orTarget(strings('editForm')),
    rawForm: orTarget(strings('rawForm')),
    squashed: strings('squashed'),
    reorder: new MappedColumn(strings('reorder'), (r) => r || null),
    cores: new MappedColumn(strings('cores'), (c) => (c ? c.split(' ') : [])),
  };
  const deletes = (name: string): { offsets: Uint32Array; entries: Uint32Array } => ({
    offsets: u32(`${name}.offsets`),
    entries: u32(`${name}.entries`),
  });
  const arrays: TargetIndexArrays = {
    minEditLength: header.minEditLength,
    edit: deletes('edit'),
    rawOnly: deletes('rawOnly'),
    coreEdit: deletes('coreEdit'),
    squashed: u32('squashedIndex'),
    reorder: u32('reorderIndex'),
    core: u32('coreIndex'),
    target: u32('targetIndex'),
    corePairs: { keys: strings('coreKeys'), owners: paged(u32('coreOwners')) },
  };
  const scores = paged(typedView(bytes('scores'), Float64Array, pages));
  return {
    description: header.description,
    names,
    nameOrder: u32('nameOrder'),
    scores: new MappedColumn(scores, (s) => (Number.isNaN(s) ? null : (s as number))),
    scopes: header.scopes,
    forms,
    index: TargetIndex.fromArrays(arrays, forms, pages),
    ...(pages ? { pages } : {}),
  };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of a typed array in little-endian order (the file's), whatever the machine's order. */
function littleEndianBytes(array: Uint32Array | Float64Array): Uint8Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(bytes);
  const width = array.BYTES_PER_ELEMENT;
  for (let i = 0; i < out.length; i += width) out.subarray(i, i + width).reverse();
  return out;
}

/**
 * A typed array over `bytes`: a view when aligned on a little-endian machine, else a copy in machine order (for
 * which the whole section is read first).
 */
function typedView<T extends Uint32Array | Float64Array>(
  bytes: Buffer,
  Type: { new (buffer: ArrayBuffer, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number },
  pages?: PageSource,
): T {
  const width = Type.BYTES_PER_ELEMENT;
  if (bytes.byteLength % width !== 0) throw new LockwardenError('IO_ERROR', 'the typosquat index has a truncated section');
  const count = bytes.byteLength / width;
  if (LITTLE_ENDIAN && bytes.byteOffset % width === 0) return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, count);
  pages?.ensure(bytes.byteOffset, bytes.byteLength);
  const copy = new Uint8Array(bytes);
  if (!LITTLE_ENDIAN) for (let i = 0; i < copy.length; i += width) copy.subarray(i, i + width).reverse();
  return new Type(copy.buffer, 0, count);
}
