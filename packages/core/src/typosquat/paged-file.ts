import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LockwardenError } from '../errors.js';

/**
 * Something that makes a byte range of a buffer hold the file's bytes before it is read. Typed arrays and string
 * columns over a `PagedFile`'s bytes call it with their own byte offsets (a view's `byteOffset` is its offset in
 * the file); over an ordinary buffer there is none, and nothing is called.
 */
export interface PageSource {
  ensure(byteOffset: number, byteLength: number): void;
}

const PAGE_SHIFT = 12; // 4 KiB
/** After this many reads the rest of the file is read at once: a big check touches most pages anyway. */
const READ_ALL_AFTER = 512;

/**
 * A file read page by page, on demand, into one buffer of its size. The typosquat index is 6 MB, and reading it all
 * cost 6 ms of the 10 a check of two names may spend; those two names touch a few hundred KB of it. The buffer is
 * allocated unfilled, so pages nobody reads cost neither a read nor memory. Once many pages were asked for, the
 * rest comes in one read and the file is closed.
 */
export class PagedFile implements PageSource {
  readonly bytes: Buffer;
  private readonly loaded: Uint8Array;
  private fd: number | undefined;
  private reads = 0;
  private bytesIn = 0;
  /** A failed read: every later access throws it too, never reading bytes that were not filled. */
  private failure: LockwardenError | undefined;

  private constructor(
    private readonly path: string | URL,
    fd: number,
    size: number,
  ) {
    this.fd = fd;
    this.bytes = Buffer.allocUnsafeSlow(size);
    this.loaded = new Uint8Array((size >>> PAGE_SHIFT) + 1);
  }

  /** Opens `path`; nothing is read yet. Throws IO_ERROR when it cannot be opened. */
  static open(path: string | URL): PagedFile {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      return new PagedFile(path, fd, fstatSync(fd).size);
    } catch (err) {
      if (fd !== undefined) closeSync(fd);
      throw new LockwardenError('IO_ERROR', `cannot read ${String(path)}`, { cause: err });
    }
  }

  get length(): number {
    return this.bytes.length;
  }

  /** How many bytes were read from the file so far. */
  get bytesRead(): number {
    return this.bytesIn;
  }

  /** True once every page is in (the file is then closed). */
  get complete(): boolean {
    return this.fd === undefined && this.failure === undefined;
  }

  ensure(byteOffset: number, byteLength: number): void {
    if (this.fd === undefined) {
      if (this.failure) throw this.failure;
      return;
    }
    if (byteLength <= 0) return;
    const last = Math.min(byteOffset + byteLength - 1, this.bytes.length - 1) >>> PAGE_SHIFT;
    for (let page = Math.max(0, byteOffset) >>> PAGE_SHIFT; page <= last; page++) {
      if (this.loaded[page] === 1) continue;
      // One read for the run of missing pages up to `last`.
      let end = page;
      while (end < last && this.loaded[end + 1] !== 1) end++;
      if (++this.reads > READ_ALL_AFTER) {
        this.readAll();
        return;
      }
      this.readPages(page, end);
      page = end;
    }
  }

  /** Reads the rest of the file in one go and closes it. */
  readAll(): void {
    if (this.fd === undefined) {
      if (this.failure) throw this.failure;
      return;
    }
    this.readRange(0, this.bytes.length);
    this.close();
  }

  private readPages(first: number, last: number): void {
    const from = first << PAGE_SHIFT;
    this.readRange(from, Math.min((last + 1) << PAGE_SHIFT, this.bytes.length));
    this.loaded.fill(1, first, last + 1);
  }

  private readRange(from: number, to: number): void {
    let at = from;
    try {
      while (at < to) {
        const n = readSync(this.fd!, this.bytes, at, to - at, at);
        if (n === 0) throw new Error(`the file ended at byte ${at}, before its recorded size ${this.bytes.length}`);
        at += n;
        this.bytesIn += n;
      }
    } catch (err) {
      this.failure = new LockwardenError('IO_ERROR', `cannot read ${String(this.path)}`, { cause: err });
      this.close();
      throw this.failure;
    }
  }

  private close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}
