import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { RubyGemsVersionsSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** Bundler's default source. */
export const RUBYGEMS_DEFAULT = 'https://rubygems.org/';

/** RubyGems' `/api/v1/versions/<name>.json`: every non-yanked version with its time and licences. */
export class RubyGemsRegistryClient implements RegistryClient {
  readonly ecosystem = 'RubyGems' as const;

  constructor(
    private readonly source: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const res = await this.fetcher.get(`${this.source}api/v1/versions/${encodeURIComponent(name)}.json`, 'RubyGems', {
      accept: 'application/json',
    }, jsonBody(RubyGemsVersionsSchema, 'RubyGems', `the versions of ${name}`));
    if (res.status === 404) return { ecosystem: this.ecosystem, name, exists: false, registry: this.source, versions: [] };
    const doc = res.doc as unknown[];
    const list = doc.filter(isRecord);
    const versions: VersionMetadata[] = list.map((v) => {
      const platform = typeof v.platform === 'string' && v.platform !== 'ruby' ? `-${v.platform}` : '';
      const out: VersionMetadata = { version: `${String(v.number)}${platform}`, publishing: { level: 'none' } };
      if (typeof v.created_at === 'string') out.publishedAt = v.created_at;
      if (Array.isArray(v.licenses) && v.licenses.length > 0) out.license = v.licenses.map(String).join(' OR ');
      return out;
    });
    const meta: PackageMetadata = { ecosystem: this.ecosystem, name, exists: true, registry: this.source, versions };
    const first = earliestPublish(versions);
    if (first) meta.firstPublishedAt = first;
    const newest = list.find((v) => v.prerelease !== true);
    if (newest) meta.latest = String(newest.number);
    return meta;
  }
}
