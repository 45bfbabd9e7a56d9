import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { LARGE_PARSE_BYTES } from './release-parse-garbage.js';

/** glibc's largest dynamic mmap threshold (DEFAULT_MMAP_THRESHOLD_MAX on 64-bit systems). */
const MMAP_THRESHOLD_MAX = 32 * 1024 * 1024;

/**
 * Reads a text file as UTF-8, as `readFileSync(path, 'utf8')` does, without leaving its read buffer resident.
 *
 * glibc serves a large allocation with its own memory mapping, and when such a block is freed it raises its mmap
 * threshold to that block's size (up to 32 MiB). So after `check` has read a 23 MB base lockfile, the head's
 * same-size read buffer comes from the heap instead, and stays resident after it is freed: 37 MB more peak RSS for
 * the head's parse (measured on a 50,000-package package-lock pair). A buffer larger than 32 MiB is always mapped
 * and never moves the threshold; the pages past the file's end are never written, so they cost address space,
 * not memory. Small files, files past 32 MiB, and other systems than Linux (other allocators) are read the
 * ordinary way.
 */
export function readTextFile(path: string, size: number): string {
  if (size < LARGE_PARSE_BYTES || size > MMAP_THRESHOLD_MAX || process.platform !== 'linux') return readFileSync(path, 'utf8');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(MMAP_THRESHOLD_MAX + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    // The file grew past the buffer since it was measured: read it the ordinary way after all.
    if (length === buffer.length) return readFileSync(path, 'utf8');
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
