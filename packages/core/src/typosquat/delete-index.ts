import type { PageSource } from './paged-file.js';

/**
 * The symmetric-delete neighbourhood index at distance 1, as two parallel typed arrays sorted by hash. Each form is
 * filed under a hash of itself and of each string one deletion away; a probe hashes its own neighbourhood the same
 * way and binary-searches each hash. Hashes stand in for the strings (none is built or stored), so a probe may
 * see a colliding id: callers confirm every candidate with an exact distance check, which they must do anyway.
 * The arrays are plain data, so the bundled index is computed at build time and loaded without any set-up.
 */
export class DeleteIndex {
  /** Row starts by the top 16 bits of a hash (65,537 entries). */
  private readonly offsets: Uint32Array;
  /** Per row, sorted: the low 16 bits of the hash above the id (ids are below 65,536). */
  private readonly entries: Uint32Array;

  /** `forms[i]` is filed under id `idOf[i]` (ids need not be unique or dense, and must be below 65,536). */
  constructor(forms: readonly string[], idOf: readonly number[]);
  /** An index from the arrays `toArrays` returned. */
  constructor(arrays: { offsets: Uint32Array; entries: Uint32Array }, idOf?: undefined, pages?: PageSource);
  constructor(
    formsOrArrays: readonly string[] | { offsets: Uint32Array; entries: Uint32Array },
    idOf: readonly number[] = [],
    private readonly pages?: PageSource,
  ) {
    if (!Array.isArray(formsOrArrays)) {
      const arrays = formsOrArrays as { offsets: Uint32Array; entries: Uint32Array };
      this.offsets = arrays.offsets;
      this.entries = arrays.entries;
      return;
    }
    const forms = formsOrArrays as readonly string[];
    let keys = 0;
    for (const form of forms) keys += form.length + 1;
    // One native numeric sort orders every (hash, id) pair: hash * 2^16 + id is exact in a double.
    const packed = new Float64Array(keys);
    let k = 0;
    for (let f = 0; f < forms.length; f++) {
      const id = idOf[f]!;
      if (id >= ID_SPACE) throw new RangeError(`DeleteIndex ids must be below ${ID_SPACE}`);
      const count = neighbourhood(forms[f]!);
      for (let j = 0; j < count; j++) packed[k++] = hashes[j]! * ID_SPACE + id;
    }
    packed.sort();
    this.offsets = new Uint32Array(ROWS + 1);
    this.entries = new Uint32Array(keys);
    for (let i = 0; i < keys; i++) {
      const id = packed[i]! % ID_SPACE;
      const hash = (packed[i]! - id) / ID_SPACE;
      this.offsets[(hash >>> 16) + 1]!++;
      this.entries[i] = (((hash & 0xffff) << 16) | id) >>> 0;
    }
    for (let r = 0; r < ROWS; r++) this.offsets[r + 1]! += this.offsets[r]!;
  }

  /** The index as plain arrays (what the build serialises). */
  toArrays(): { offsets: Uint32Array; entries: Uint32Array } {
    return { offsets: this.offsets, entries: this.entries };
  }

  /** Ids whose neighbourhood shares a hash with `probe`'s: every form within one edit, plus rare collisions. */
  candidates(probe: string): number[] {
    const out: number[] = [];
    const count = neighbourhood(probe);
    const entries = this.entries;
    for (let j = 0; j < count; j++) {
      const h = hashes[j]!;
      const low = (h & 0xffff) << 16;
      this.pages?.ensure(this.offsets.byteOffset + (h >>> 16) * 4, 8);
      let lo = this.offsets[h >>> 16]!;
      let hi = this.offsets[(h >>> 16) + 1]!;
      const end = hi;
      this.pages?.ensure(entries.byteOffset + lo * 4, (hi - lo) * 4);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((entries[mid]! & 0xffff0000) >>> 0 < low >>> 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < end && (entries[i]! & 0xffff0000) >>> 0 === low >>> 0; i++) {
        const id = entries[i]! & 0xffff;
        if (!out.includes(id)) out.push(id);
      }
    }
    return out;
  }
}

const ID_SPACE = 2 ** 16;
const ROWS = 2 ** 16;
const BASE = 0x01000193;

// Scratch space reused by every call: allocating typed arrays per name dominated the build.
let prefix = new Uint32Array(256);
let suffix = new Uint32Array(256);
let power = new Uint32Array(256);
let hashes = new Uint32Array(256);

/**
 * The hashes of `s` and of each string one deletion away, in O(length): a polynomial hash assembled from prefix and
 * suffix hashes, then mixed with the length. Returns how many were written to the shared `hashes` buffer.
 */
function neighbourhood(s: string): number {
  const n = s.length;
  if (n + 1 > prefix.length) {
    prefix = new Uint32Array(2 * (n + 1));
    suffix = new Uint32Array(2 * (n + 1));
    power = new Uint32Array(2 * (n + 1));
    hashes = new Uint32Array(2 * (n + 1));
  }
  prefix[0] = 0;
  power[0] = 1;
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + s.charCodeAt(i)) >>> 0;
    power[i + 1] = Math.imul(power[i]!, BASE) >>> 0;
  }
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(s.charCodeAt(i), power[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  hashes[0] = mix(prefix[n]!, n);
  for (let i = 0; i < n; i++) {
    // s without s[i]: the first i characters shifted past the n - 1 - i that follow.
    hashes[i + 1] = mix((Math.imul(prefix[i]!, power[n - 1 - i]!) + suffix[i + 1]!) >>> 0, n - 1);
  }
  return n + 1;
}

function mix(h: number, length: number): number {
  let x = (h ^ Math.imul(length, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Exact-key lookups by binary search over ids sorted by their key: the plain-data counterpart of a
 * `Map<string, id[]>`. The keys are not stored: `keyOf(id)` reads them from the forms they come from.
 */
export class KeyIndex {
  /** Builds over `keyOf` for every id with a key (`undefined` = none). */
  static build(count: number, keyOf: (id: number) => string | undefined): KeyIndex {
    const ids: number[] = [];
    for (let id = 0; id < count; id++) if (keyOf(id) !== undefined) ids.push(id);
    ids.sort((a, b) => {
      const ka = keyOf(a)!;
      const kb = keyOf(b)!;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
    return new KeyIndex(Uint32Array.from(ids), keyOf);
  }

  /** `order`: ids sorted by key (UTF-16 code units), then id; `pages` when it is a view of a file read on demand. */
  constructor(
    private readonly order: Uint32Array,
    private readonly keyOf: (id: number) => string | undefined,
    private readonly pages?: PageSource,
  ) {}

  /** The sorted ids (what the build serialises). */
  toArray(): Uint32Array {
    return this.order;
  }

  /** The ids filed under `key`, in id order. */
  get(key: string): number[] {
    const order = this.order;
    let lo = 0;
    let hi = order.length;
    const pages = this.pages;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      pages?.ensure(order.byteOffset + mid * 4, 4);
      if (this.keyOf(order[mid]!)! < key) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < order.length; i++) {
      pages?.ensure(order.byteOffset + i * 4, 4);
      if (this.keyOf(order[i]!) !== key) break;
      out.push(order[i]!);
    }
    return out;
  }
}
