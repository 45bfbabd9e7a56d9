import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../parse/json.js';
import type { RegistryResponse } from './registry-http.js';

/**
 * Registry responses on disk, one JSON file per URL under `dir`, valid for `ttlMs`. The directory is what the
 * GitHub Action persists with actions/cache between runs. Only 200 and 404 answers are stored; credentials never are
 * (the key is a hash of the URL, the file holds the body).
 */
export class DiskCache {
  constructor(
    private readonly dir: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored response for `url`, or `undefined` when missing, expired or unreadable. */
  get(url: string): RegistryResponse | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file(url), 'utf8'));
    } catch {
      return undefined;
    }
    if (!isRecord(raw) || raw.url !== url || typeof raw.storedAt !== 'number' || typeof raw.body !== 'string') return undefined;
    if (typeof raw.status !== 'number' || this.now() - raw.storedAt > this.ttlMs) return undefined;
    return { status: raw.status, body: raw.body, url, ...(typeof raw.lastModified === 'string' ? { lastModified: raw.lastModified } : {}) };
  }

  /** Stores a response; written to a temporary file first so a crash never leaves half a file. */
  set(url: string, response: RegistryResponse): void {
    if (response.status !== 200 && response.status !== 404) return;
    mkdirSync(this.dir, { recursive: true });
    const file = this.file(url);
    const tmp = `${file}.${process.pid}.tmp`;
    const { status, body, lastModified } = response;
    writeFileSync(tmp, JSON.stringify({ url, status, storedAt: this.now(), body, ...(lastModified ? { lastModified } : {}) }));
    renameSync(tmp, file);
  }

  private file(url: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  }
}
