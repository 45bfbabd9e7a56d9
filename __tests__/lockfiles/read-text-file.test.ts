import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextFile } from '../../packages/core/src/lockfiles/read-text-file.js';
import { LARGE_PARSE_BYTES } from '../../packages/core/src/lockfiles/release-parse-garbage.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-read-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('readTextFile', () => {
  // Large files go through the mapped-buffer path; the text must be exactly what readFileSync(path, 'utf8') gives.
  const line = Buffer.from('"node_modules/ünïcödé-€-𝄞": {"version": "1.0.0"},\n', 'utf8');
  const large = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ...Array.from({ length: Math.ceil((LARGE_PARSE_BYTES * 1.5) / line.length) }, () => line)]);
  const cases: Array<[string, Buffer]> = [
    ['small.json', Buffer.from('{"a": "é"}\n', 'utf8')],
    ['empty.json', Buffer.alloc(0)],
    ['large-with-bom-and-multibyte.json', large],
    // Invalid UTF-8 (a lone continuation byte, a truncated sequence at the very end) becomes U+FFFD alike.
    ['large-invalid-utf8.json', Buffer.concat([large, Buffer.from([0x80, 0x41, 0xe2, 0x82])])],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name} (${bytes.length} bytes) as readFileSync does`, () => {
      const path = file(name, bytes);
      expect(readTextFile(path, bytes.length) === readFileSync(path, 'utf8')).toBe(true);
    });
  }

  it('reads what the file holds when it grew after it was measured', () => {
    const path = file('grown.json', large);
    expect(readTextFile(path, 10) === readFileSync(path, 'utf8')).toBe(true);
    expect(readTextFile(path, LARGE_PARSE_BYTES) === readFileSync(path, 'utf8')).toBe(true);
  });
});
