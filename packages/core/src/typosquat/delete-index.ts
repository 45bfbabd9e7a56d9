/**
 * The symmetric-delete neighbourhood index at distance 1, in typed arrays. Each form is filed under a hash of
 * itself and of each string one deletion away; a probe hashes its own neighbourhood the same way. Hashes stand in
 * for the strings (no string is ever built or stored), so a bucket may hold a colliding id: callers confirm every
 * candidate with an exact distance check, which they must do anyway. Building 25,000 names takes milliseconds,
 * where a `Map` of the 300,000 neighbourhood strings took a second.
 */
export class DeleteIndex {
  private readonly mask: number;
  private readonly offsets: Uint32Array;
  private readonly ids: Uint32Array;
  /** Per-id stamp of the last probe that reported it, so a probe reports each id once without a Set. */
  private readonly seen: Uint32Array;
  private epoch = 0;

  /** `forms[i]` is filed under id `idOf[i]` (ids need not be unique or dense). */
  constructor(forms: readonly string[], idOf: readonly number[]) {
    let keys = 0;
    let maxId = 0;
    for (let i = 0; i < forms.length; i++) {
      keys += forms[i]!.length + 1;
      maxId = Math.max(maxId, idOf[i]!);
    }
    let size = 1;
    while (size < keys * 2) size <<= 1;
    this.mask = size - 1;
    const buckets = new Uint32Array(keys);
    const owners = new Uint32Array(keys);
    let k = 0;
    for (let f = 0; f < forms.length; f++) {
      const count = neighbourhood(forms[f]!);
      const id = idOf[f]!;
      for (let j = 0; j < count; j++) {
        buckets[k] = hashes[j]! & this.mask;
        owners[k++] = id;
      }
    }
    // Counting sort by bucket into compressed rows.
    const offsets = new Uint32Array(size + 1);
    for (let i = 0; i < keys; i++) offsets[buckets[i]! + 1]!++;
    for (let b = 0; b < size; b++) offsets[b + 1]! += offsets[b]!;
    const fill = offsets.slice(0, size);
    const ids = new Uint32Array(keys);
    for (let i = 0; i < keys; i++) ids[fill[buckets[i]!]!++] = owners[i]!;
    this.offsets = offsets;
    this.ids = ids;
    this.seen = new Uint32Array(maxId + 1);
  }

  /** Ids whose neighbourhood shares a hash with `probe`'s: every form within one edit, plus rare collisions. */
  candidates(probe: string): number[] {
    const out: number[] = [];
    const stamp = ++this.epoch;
    const count = neighbourhood(probe);
    for (let j = 0; j < count; j++) {
      const b = hashes[j]! & this.mask;
      for (let i = this.offsets[b]!; i < this.offsets[b + 1]!; i++) {
        const id = this.ids[i]!;
        if (this.seen[id] !== stamp) {
          this.seen[id] = stamp;
          out.push(id);
        }
      }
    }
    return out;
  }
}

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
