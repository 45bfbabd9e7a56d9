import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LockwardenError, PagedFile, TyposquatDetector, decodeBundledIndex, snapshotOf } from '@lockwarden/core';

const dir = mkdtempSync(join(tmpdir(), 'lw-paged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PAGE = 4096;

function fileOf(name: string, size: number): { path: string; bytes: Buffer } {
  const bytes = randomBytes(size);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe('PagedFile', () => {
  it('reads only the pages a range touches, each once', () => {
    const { path, bytes } = fileOf('small.bin', 100_000);
    const file = PagedFile.open(path);
    expect(file.length).toBe(100_000);
    expect(file.bytesRead).toBe(0);
    file.ensure(5000, 10);
    expect(file.bytes.subarray(5000, 5010)).toEqual(bytes.subarray(5000, 5010));
    expect(file.bytesRead).toBe(PAGE);
    file.ensure(5000, 10);
    file.ensure(PAGE, 1);
    expect(file.bytesRead).toBe(PAGE);
    // A range across a page boundary reads both pages (the first already in, so one more).
    file.ensure(2 * PAGE - 2, 4);
    expect(file.bytesRead).toBe(2 * PAGE);
    expect(file.bytes.subarray(2 * PAGE - 2, 2 * PAGE + 2)).toEqual(bytes.subarray(2 * PAGE - 2, 2 * PAGE + 2));
    // The last, partial page.
    file.ensure(99_990, 100);
    expect(file.bytes.subarray(99_990)).toEqual(bytes.subarray(99_990));
    expect(file.complete).toBe(false);
    file.readAll();
    expect(file.complete).toBe(true);
    expect(file.bytes).toEqual(bytes);
  });

  it('reads the rest at once after many scattered reads, and closes the file', () => {
    const { path, bytes } = fileOf('big.bin', 1200 * PAGE);
    const file = PagedFile.open(path);
    for (let page = 0; page < 1200 && !file.complete; page += 2) file.ensure(page * PAGE, 1);
    expect(file.complete).toBe(true);
    expect(file.bytes).toEqual(bytes);
  });

  it('fails with a typed error when the file cannot be opened, or ends early; later reads fail too', () => {
    expect(() => PagedFile.open(join(dir, 'absent.bin'))).toThrow(LockwardenError);
    const { path } = fileOf('shrinks.bin', 64 * 1024);
    const file = PagedFile.open(path);
    file.ensure(0, 10);
    truncateSync(path, 10_000);
    let error: unknown;
    try {
      file.ensure(20_000, 10);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LockwardenError);
    expect((error as LockwardenError).code).toBe('IO_ERROR');
    // Never hand out bytes that were not read: the failure sticks, even for a page read before it.
    expect(() => file.ensure(30_000, 10)).toThrow(LockwardenError);
    expect(() => file.ensure(0, 10)).toThrow(LockwardenError);
  });
});

describe('the bundled typosquat index read on demand', () => {
  const generated = new URL('../../packages/core/generated/typosquat-npm.bin', import.meta.url);

  it('judges as the fully read index does, after reading a small part of the file', () => {
    const paged = PagedFile.open(generated);
    const lazy = decodeBundledIndex(paged);
    const whole = decodeBundledIndex(readFileSync(generated));
    const detectorOf = (data: ReturnType<typeof decodeBundledIndex>) =>
      new TyposquatDetector(
        snapshotOf('npm', data.names, data.scores, data.description, {
          nameOrder: data.nameOrder,
          scopes: data.scopes,
          ...(data.pages ? { pages: data.pages } : {}),
        }),
        {},
        { forms: data.forms, index: data.index },
      );
    const fromPages = detectorOf(lazy);
    const fromBytes = detectorOf(whole);
    expect(fromPages.check('lodahs')).toMatchObject({ target: 'lodash', technique: 'swap' });
    expect(fromPages.check('fresh-import')).toMatchObject({ target: 'import-fresh', technique: 'reorder' });
    // Two names: a few hundred pages of a 6 MB file.
    expect(paged.bytesRead).toBeLessThan(paged.length / 4);
    for (const probe of ['lodahs', 'fresh-import', 'expresss', 'reacct', '@babel/cor', 'crossenv', 'left-pad', 'no-such-name-at-all', '@types/nodee']) {
      expect(fromPages.check(probe), probe).toEqual(fromBytes.check(probe));
    }
    // Many more names: the rest of the file is read at once, and the answers stay the same.
    const many = whole.names;
    for (let i = 0; i < 2000; i += 7) {
      const name = many.at(i)!;
      const typo = name.length > 3 ? name.slice(0, 2) + name.slice(3) : `${name}x`;
      expect(fromPages.check(typo), typo).toEqual(fromBytes.check(typo));
    }
    expect(paged.complete).toBe(true);
  });
});
