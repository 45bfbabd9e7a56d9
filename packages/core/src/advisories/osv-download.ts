import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { LockwardenError, SourceUnavailableError } from '../errors.js';
import { HttpClient, type HttpClientOptions } from '../http/http-client.js';
import { silentLogger, type Logger } from '../log/logger.js';

/** Where OSV publishes its per-ecosystem exports (`<base>/<ecosystem>/all.zip`). */
export const DEFAULT_OSV_DB_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

export interface DownloadOsvDatabaseOptions extends Partial<Omit<HttpClientOptions, 'source'>> {
  baseUrl?: string;
  /** OSV ecosystem names, e.g. `npm`, `PyPI`. */
  ecosystems: readonly string[];
  /** The database folder; each export lands in `<dir>/<ecosystem>/all.zip`. */
  dir: string;
  logger?: Logger;
  signal?: AbortSignal;
}

export interface DownloadedExport {
  ecosystem: string;
  file: string;
  bytes: number;
  entries: number;
}

/**
 * Fetches `<base>/<ecosystem>/all.zip` for each ecosystem into `<dir>/<ecosystem>/all.zip`, checking each archive
 * opens and lists its entries before it replaces the previous copy. The offline index is rebuilt on next use
 * because the zip's size and mtime changed.
 */
export async function downloadOsvDatabase(options: DownloadOsvDatabaseOptions): Promise<DownloadedExport[]> {
  const baseUrl = (options.baseUrl ?? DEFAULT_OSV_DB_URL).replace(/\/+$/, '');
  const logger = options.logger ?? silentLogger;
  const http = new HttpClient({ ...options, source: `OSV exports at ${baseUrl}`, logger });
  const out: DownloadedExport[] = [];
  for (const ecosystem of options.ecosystems) {
    if (ecosystem === '' || ecosystem.includes('/') || ecosystem.includes('\\') || ecosystem.startsWith('.')) {
      throw new LockwardenError('USAGE_ERROR', `invalid ecosystem name "${ecosystem}"`);
    }
    const folder = join(options.dir, ecosystem);
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'all.zip');
    const url = `${baseUrl}/${encodeURIComponent(ecosystem)}/all.zip`;
    logger.info(`downloading ${url}`);
    const bytes = await http.download(url, `${file}.new`, options.signal ? { signal: options.signal } : {});
    const entries = await countEntries(`${file}.new`).catch(async (err: unknown) => {
      await rm(`${file}.new`, { force: true });
      throw new SourceUnavailableError(http.source, `${url}: the download is not a valid zip archive (${String(err)})`, { cause: err });
    });
    await rename(`${file}.new`, file);
    out.push({ ecosystem, file, bytes, entries });
  }
  return out;
}

async function countEntries(file: string): Promise<number> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const count = zip.entryCount;
  zip.close();
  return count;
}
