import type { PageSource } from './paged-file.js';

/**
 * Read access by position: what the detector needs of a list of names or forms. A plain array satisfies it, so
 * forms computed at run time stay arrays, while the ones loaded from the build's binary index are decoded one
 * string at a time, when a lookup reaches them (a check of two names touches a few hundred of 300,000).
 */
export interface ReadonlyColumn<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * Strings stored back to back as UTF-8, with `count + 1` start offsets; each is decoded when asked for. Over a
 * file read on demand, `pages` is asked for the bytes first.
 */
export class StringColumn implements ReadonlyColumn<string> {
  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Uint32Array,
    private readonly pages?: PageSource,
  ) {}

  /** The bytes and offsets of `strings`, as `StringColumn` reads them. */
  static encode(strings: ReadonlyColumn<string>): { bytes: Buffer; starts: Uint32Array } {
    const parts: Buffer[] = [];
    const starts = new Uint32Array(strings.length + 1);
    let offset = 0;
    for (let i = 0; i < strings.length; i++) {
      const part = Buffer.from(strings.at(i) ?? '', 'utf8');
      parts.push(part);
      offset += part.length;
      starts[i + 1] = offset;
    }
    return { bytes: Buffer.concat(parts), starts };
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(index: number): string | undefined {
    const i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    const pages = this.pages;
    if (pages === undefined) return this.bytes.toString('utf8', this.starts[i], this.starts[i + 1]);
    pages.ensure(this.starts.byteOffset + i * 4, 8);
    const from = this.starts[i]!;
    const to = this.starts[i + 1]!;
    pages.ensure(this.bytes.byteOffset + from, to - from);
    return this.bytes.toString('utf8', from, to);
  }
}

/** A column whose values are computed from another's on each read (`''` → `null`, `'a b'` → `['a', 'b']`). */
export class MappedColumn<S, T> implements ReadonlyColumn<T> {
  constructor(
    private readonly source: ReadonlyColumn<S>,
    private readonly map: (value: S, index: number) => T,
  ) {}

  get length(): number {
    return this.source.length;
  }

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    return this.map(this.source.at(i) as S, i);
  }
}

/** The first `count` values of a column, without copying them. */
export function columnPrefix<T>(column: ReadonlyColumn<T>, count: number): ReadonlyColumn<T> {
  const length = Math.min(count, column.length);
  return {
    length,
    at: (index: number) => {
      const i = index < 0 ? index + length : index;
      return i >= 0 && i < length ? column.at(i) : undefined;
    },
  };
}

/** Every value of a column, as an array (for the rare caller that needs them all). */
export function columnToArray<T>(column: ReadonlyColumn<T>): T[] {
  if (Array.isArray(column)) return column as T[];
  const out = new Array<T>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column.at(i) as T;
  return out;
}
