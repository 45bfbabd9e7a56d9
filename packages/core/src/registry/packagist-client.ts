import { UnexpectedResponseError } from '../http/response-shape.js';
import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { PackagistP2Schema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** Composer's default repository. */
export const PACKAGIST_DEFAULT = 'https://repo.packagist.org/';

/**
 * Expands Composer's minified metadata (`p2/` files): each version lists only what changed from the one before,
 * and `"__unset"` removes an inherited key.
 */
export function expandMinified(entries: readonly unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let previous: Record<string, unknown> = {};
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const current: Record<string, unknown> = { ...previous };
    for (const [k, v] of Object.entries(entry)) {
      if (v === '__unset') delete current[k];
      else current[k] = v;
    }
    out.push(current);
    previous = current;
  }
  return out;
}

/** Packagist's Composer v2 metadata (`/p2/<vendor>/<name>.json`): versions, release times, licences, abandonment. */
export class PackagistRegistryClient implements RegistryClient {
  readonly ecosystem = 'Packagist' as const;

  constructor(
    private readonly repository: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(rawName: string): Promise<PackageMetadata> {
    const name = rawName.toLowerCase();
    const base = { ecosystem: this.ecosystem, name, registry: this.repository };
    if (!/^[a-z0-9_.-]+\/[a-z0-9_.-]+$/.test(name)) return { ...base, exists: false, versions: [] };
    const res = await this.fetcher.get(`${this.repository}p2/${name}.json`, 'Packagist', { accept: 'application/json' }, jsonBody(PackagistP2Schema, 'Packagist', `the metadata of ${name}`));
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    const doc = res.doc as Record<string, unknown>;
    const packages = doc.packages as Record<string, unknown>;
    const list = packages[name];
    // The file is this package's own: an answer that does not list it is a broken mirror, not a missing package.
    if (!Array.isArray(list)) throw new UnexpectedResponseError('Packagist', `the metadata of ${name} does not list ${name}`);
    const entries = expandMinified(list);
    const versions: VersionMetadata[] = entries.map((e) => {
      const v: VersionMetadata = { version: String(e.version), publishing: { level: 'none' } };
      if (typeof e.time === 'string') v.publishedAt = e.time;
      if (Array.isArray(e.license) && e.license.length > 0) v.license = e.license.map(String).join(' OR ');
      if (isRecord(e.source) && typeof e.source.url === 'string') v.repository = e.source.url;
      if (e.abandoned !== undefined && e.abandoned !== false) {
        v.deprecated = typeof e.abandoned === 'string' && e.abandoned ? `abandoned, use ${e.abandoned}` : 'abandoned';
      }
      return v;
    });
    const meta: PackageMetadata = { ...base, exists: versions.length > 0, versions };
    // p2 files list newest first.
    const newest = versions[0];
    if (newest) {
      meta.latest = newest.version;
      if (newest.repository) meta.repository = newest.repository;
      if (newest.license) meta.license = newest.license;
    }
    const first = earliestPublish(versions);
    if (first) meta.firstPublishedAt = first;
    return meta;
  }
}
