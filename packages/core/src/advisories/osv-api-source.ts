import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { SourceUnavailableError } from '../errors.js';
import { HttpClient, type HttpClientOptions } from '../http/http-client.js';
import { checkShape } from '../http/response-shape.js';
import { OsvBatchResponseSchema, OsvRecordSchema } from './osv-response-schemas.js';
import { isRecord } from '../parse/json.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { packageKey, type PackageRef } from '../model/package.js';
import { groupAdvisories, type MatchedRecord } from './group-advisories.js';
import { matchRecord } from './osv-match.js';
import { loadCvssScorer, type CvssScorer } from './severity.js';
import { DEFAULT_OSV_API_URL, osvApiBaseUrl, osvApiSourceName } from './osv-api-url.js';
import { isWithdrawn, toOsvRecord, type OsvRecord } from './osv-record.js';
import type { Advisory, AdvisoryQueryResult, AdvisorySource } from './types.js';

/** OSV accepts at most this many queries in one `/v1/querybatch` request. */
export const OSV_MAX_BATCH = 1000;

export interface OsvApiSourceOptions extends Partial<Omit<HttpClientOptions, 'source'>> {
  baseUrl?: string;
  /** Parallel `GET /v1/vulns/{id}` requests (default 8). */
  concurrency?: number;
  /** Queries per batch request, at most 1,000 (default 1,000). */
  batchSize?: number;
  /** Keeps full records between runs, keyed by id and `modified`. */
  cacheDir?: string;
  logger?: Logger;
}

/** One query of a batch: a package version, or a commit for packages pinned to one. */
interface OsvQuery {
  package?: { ecosystem: string; name: string };
  version?: string;
  commit?: string;
  page_token?: string;
}

interface BatchResult {
  vulns: { id: string; modified: string }[];
  nextPageToken?: string;
}

/** What an OsvApiSource did, for the bench and for tests that count requests. */
export interface OsvApiStats {
  batchRequests: number;
  recordRequests: number;
  recordCacheHits: number;
}

/**
 * The OSV API (https://google.github.io/osv.dev/api/): `POST /v1/querybatch` for which record ids affect each
 * package (1,000 queries per request, following each result's `next_page_token`), then `GET /v1/vulns/{id}` for
 * the full records, with bounded concurrency and a cache keyed by id + `modified` (in memory, optionally on disk).
 */
export class OsvApiSource implements AdvisorySource {
  readonly name: string;
  readonly baseUrl: string;
  readonly stats: OsvApiStats = { batchRequests: 0, recordRequests: 0, recordCacheHits: 0 };
  private readonly http: HttpClient;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly cacheDir: string | undefined;
  private readonly logger: Logger;
  private readonly records = new Map<string, Promise<OsvRecord>>();

  constructor(options: OsvApiSourceOptions = {}) {
    this.baseUrl = osvApiBaseUrl(options.baseUrl ?? DEFAULT_OSV_API_URL);
    this.name = osvApiSourceName(this.baseUrl);
    this.logger = options.logger ?? silentLogger;
    this.http = new HttpClient({ ...options, source: this.name, logger: this.logger });
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.batchSize = Math.min(OSV_MAX_BATCH, Math.max(1, options.batchSize ?? OSV_MAX_BATCH));
    this.cacheDir = options.cacheDir;
  }

  async query(packages: readonly PackageRef[], options: { signal?: AbortSignal } = {}): Promise<AdvisoryQueryResult> {
    const unique = new Map<string, { pkg: PackageRef; query: OsvQuery }>();
    for (const pkg of packages) {
      const query = toQuery(pkg);
      if (!query) {
        this.logger.debug(`${this.name}: skipping ${pkg.ecosystem}:${pkg.name}: no version or commit to query`);
        continue;
      }
      unique.set(`${packageKey(pkg)}#${pkg.commit ?? ''}`, { pkg, query });
    }
    const entries = [...unique.values()];
    const found = await this.queryBatches(
      entries.map((e) => e.query),
      options.signal,
    );

    const wanted = new Map<string, string>();
    for (const vulns of found) for (const v of vulns) wanted.set(v.id, v.modified);
    const limit = pLimit(this.concurrency);
    const fetched = new Map<string, OsvRecord>();
    await Promise.all(
      [...wanted].map(([id, modified]) =>
        limit(async () => {
          fetched.set(id, await this.record(id, modified, options.signal));
        }),
      ),
    );

    const byPackage = new Map<string, Advisory[]>();
    let scoreOf: CvssScorer | undefined;
    for (const [i, { pkg }] of entries.entries()) {
      const matched: MatchedRecord[] = [];
      for (const { id } of found[i] ?? []) {
        const record = fetched.get(id);
        if (!record || isWithdrawn(record)) continue;
        matched.push({ record, match: matchRecord(record, pkg), reportedBySource: true });
      }
      if (matched.length > 0) byPackage.set(packageKey(pkg), groupAdvisories(pkg, matched, (scoreOf ??= await loadCvssScorer())));
    }
    return { byPackage, source: this.name };
  }

  /** Runs the queries in batches of at most `batchSize`, then re-asks paginated ones with their page token. */
  private async queryBatches(queries: readonly OsvQuery[], signal?: AbortSignal): Promise<BatchResult['vulns'][]> {
    const results: BatchResult['vulns'][] = queries.map(() => []);
    let pending = queries.map((query, index) => ({ index, query }));
    while (pending.length > 0) {
      const next: typeof pending = [];
      for (let start = 0; start < pending.length; start += this.batchSize) {
        const chunk = pending.slice(start, start + this.batchSize);
        const answers = await this.batch(
          chunk.map((c) => c.query),
          signal,
        );
        answers.forEach((answer, i) => {
          const item = chunk[i] as (typeof chunk)[number];
          (results[item.index] as BatchResult['vulns']).push(...answer.vulns);
          if (answer.nextPageToken) next.push({ index: item.index, query: { ...item.query, page_token: answer.nextPageToken } });
        });
      }
      pending = next;
    }
    return results;
  }

  private async batch(queries: OsvQuery[], signal?: AbortSignal): Promise<BatchResult[]> {
    this.stats.batchRequests++;
    const url = `${this.baseUrl}/v1/querybatch`;
    const body = await this.http.fetchJson(url, { method: 'POST', json: { queries }, ...(signal ? { signal } : {}) });
    await checkShape(OsvBatchResponseSchema, body, this.name, url);
    const results = isRecord(body) ? body.results : undefined;
    if (!Array.isArray(results) || results.length !== queries.length) {
      throw new SourceUnavailableError(
        this.name,
        `${url}: malformed response (expected "results" with ${queries.length} entries)`,
      );
    }
    return results.map((result) => {
      if (!isRecord(result)) throw new SourceUnavailableError(this.name, `${url}: malformed result entry`);
      const vulns = Array.isArray(result.vulns) ? result.vulns : [];
      return {
        vulns: vulns.map((v) => {
          if (!isRecord(v) || typeof v.id !== 'string') throw new SourceUnavailableError(this.name, `${url}: result without an id`);
          return { id: v.id, modified: typeof v.modified === 'string' ? v.modified : '' };
        }),
        ...(typeof result.next_page_token === 'string' && result.next_page_token !== ''
          ? { nextPageToken: result.next_page_token }
          : {}),
      };
    });
  }

  /** The full record, fetched once per id + `modified` per source (and once per cache lifetime with `cacheDir`). */
  private record(id: string, modified: string, signal?: AbortSignal): Promise<OsvRecord> {
    const key = `${id}@${modified}`;
    let pending = this.records.get(key);
    if (!pending) {
      pending = this.loadRecord(id, modified, signal);
      this.records.set(key, pending);
      // A failed fetch must not poison the cache for a later run with the same source.
      pending.catch(() => this.records.delete(key));
    } else {
      this.stats.recordCacheHits++;
    }
    return pending;
  }

  private async loadRecord(id: string, modified: string, signal?: AbortSignal): Promise<OsvRecord> {
    const cached = await this.readDiskCache(id, modified);
    if (cached) {
      this.stats.recordCacheHits++;
      return cached;
    }
    this.stats.recordRequests++;
    const url = `${this.baseUrl}/v1/vulns/${encodeURIComponent(id)}`;
    const body = await this.http.fetchJson(url, signal ? { signal } : {});
    await checkShape(OsvRecordSchema, body, this.name, url);
    const record = toOsvRecord(body);
    if (typeof record === 'string') throw new SourceUnavailableError(this.name, `${url}: malformed OSV record: ${record}`);
    if (record.id !== id) throw new SourceUnavailableError(this.name, `${url}: answered with record ${record.id}`);
    await this.writeDiskCache(record);
    return record;
  }

  private cacheFile(id: string): string | undefined {
    // Ids are [A-Za-z0-9-.] in practice; anything else is replaced so an id can never name a path elsewhere.
    return this.cacheDir ? join(this.cacheDir, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`) : undefined;
  }

  private async readDiskCache(id: string, modified: string): Promise<OsvRecord | undefined> {
    const file = this.cacheFile(id);
    if (!file) return undefined;
    try {
      const record = toOsvRecord(JSON.parse(await readFile(file, 'utf8')));
      if (typeof record !== 'string' && record.id === id && modified !== '' && record.modified === modified) return record;
    } catch {
      // Missing or unreadable: fetch it again.
    }
    return undefined;
  }

  private async writeDiskCache(record: OsvRecord): Promise<void> {
    const file = this.cacheFile(record.id);
    if (!file || !this.cacheDir) return;
    try {
      await mkdir(this.cacheDir, { recursive: true });
      await writeFile(file, JSON.stringify(record));
    } catch (err) {
      this.logger.warn(`${this.name}: could not write the record cache in ${this.cacheDir}: ${String(err)}`);
    }
  }
}

function toQuery(pkg: PackageRef): OsvQuery | undefined {
  if (pkg.version !== '') return { package: { ecosystem: pkg.ecosystem, name: pkg.name }, version: pkg.version };
  if (pkg.commit) return { commit: pkg.commit };
  return undefined;
}
