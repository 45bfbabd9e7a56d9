import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { CratesCrateSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** Cargo's default registry API when no other is configured. */
export const CRATES_DEFAULT_API = 'https://crates.io/api/v1/';

/** crates.io's web API (`/api/v1/crates/<name>`): versions with times, yanks, licences, downloads. */
export class CratesRegistryClient implements RegistryClient {
  readonly ecosystem = 'crates.io' as const;

  constructor(
    private readonly api: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const url = `${this.api}crates/${encodeURIComponent(name)}`;
    const res = await this.fetcher.get(url, 'crates.io', { accept: 'application/json' }, jsonBody(CratesCrateSchema, 'crates.io', `the metadata of ${name}`));
    if (res.status === 404) return { ecosystem: this.ecosystem, name, exists: false, registry: this.api, versions: [] };
    const doc = res.doc as Record<string, unknown>;
    const crate = isRecord(doc.crate) ? doc.crate : {};
    const versions: VersionMetadata[] = (Array.isArray(doc.versions) ? doc.versions : []).filter(isRecord).map((v) => {
      const out: VersionMetadata = { version: String(v.num), publishing: { level: 'none' } };
      if (typeof v.created_at === 'string') out.publishedAt = v.created_at;
      if (v.yanked === true) out.yanked = true;
      if (typeof v.license === 'string') out.license = v.license;
      return out;
    });
    const meta: PackageMetadata = { ecosystem: this.ecosystem, name, exists: true, registry: this.api, versions };
    const latest = crate.max_stable_version ?? crate.max_version;
    if (typeof latest === 'string') meta.latest = latest;
    const first = typeof crate.created_at === 'string' ? crate.created_at : earliestPublish(versions);
    if (first) meta.firstPublishedAt = first;
    if (typeof crate.repository === 'string') meta.repository = crate.repository;
    if (typeof crate.recent_downloads === 'number') meta.downloadsLastMonth = Math.round(crate.recent_downloads / 3);
    return meta;
  }
}
