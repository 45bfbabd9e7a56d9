import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { HexPackageSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** Hex's default API when `HEX_API_URL` is not set. */
export const HEX_API_DEFAULT = 'https://hex.pm/api/';

/**
 * The API mix and rebar3 use: `HEX_API_URL`, else hex.pm. (`HEX_MIRROR` moves only the repository, which serves
 * signed protobuf registry files, not this JSON API; a mirror-only setup still reads package facts from the API.)
 */
export function resolveHexApiUrl(env: Record<string, string | undefined>): string {
  const url = env.HEX_API_URL && env.HEX_API_URL.trim() !== '' ? env.HEX_API_URL.trim() : HEX_API_DEFAULT;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The Hex API `GET /api/packages/<name>`: releases with insertion times (newest first), retirements, licences,
 * links and download counts. A retired release reads as deprecated with its reason.
 */
export class HexRegistryClient implements RegistryClient {
  readonly ecosystem = 'Hex' as const;

  constructor(
    private readonly api: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const base = { ecosystem: this.ecosystem, name, registry: this.api };
    if (!/^[a-z][a-z0-9_]*$/.test(name)) return { ...base, exists: false, versions: [] };
    const res = await this.fetcher.get(`${this.api}packages/${name}`, 'Hex API', { accept: 'application/json' }, jsonBody(HexPackageSchema, 'Hex API', `the metadata of ${name}`));
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    const doc = res.doc as Record<string, unknown>;
    const meta = isRecord(doc.meta) ? doc.meta : {};
    const licenses = Array.isArray(meta.licenses) ? meta.licenses.filter((l): l is string => typeof l === 'string' && l !== '') : [];
    const license = licenses.length > 0 ? licenses.join(' OR ') : undefined;
    const links = isRecord(meta.links) ? meta.links : {};
    const repository = Object.values(links).find((u): u is string => typeof u === 'string' && /github\.com|gitlab\.com|bitbucket\.org|codeberg\.org/.test(u));
    const retirements = isRecord(doc.retirements) ? doc.retirements : {};
    const versions: VersionMetadata[] = (doc.releases as Record<string, unknown>[]).map((r) => {
      const version = String(r.version);
      const out: VersionMetadata = { version, publishing: { level: 'none' } };
      if (typeof r.inserted_at === 'string') out.publishedAt = r.inserted_at;
      if (license) out.license = license;
      if (repository) out.repository = repository;
      const retired = retirements[version];
      if (isRecord(retired)) {
        const reason = typeof retired.reason === 'string' ? retired.reason : 'other';
        out.deprecated = `retired (${reason})${typeof retired.message === 'string' && retired.message ? `: ${retired.message}` : ''}`;
      }
      return out;
    });
    const result: PackageMetadata = { ...base, exists: true, versions };
    const latest = typeof doc.latest_stable_version === 'string' ? doc.latest_stable_version : typeof doc.latest_version === 'string' ? doc.latest_version : undefined;
    if (latest) result.latest = latest;
    const first = typeof doc.inserted_at === 'string' ? doc.inserted_at : earliestPublish(versions);
    if (first) result.firstPublishedAt = first;
    if (license) result.license = license;
    if (repository) result.repository = repository;
    // `recent` counts the last 90 days.
    const downloads = isRecord(doc.downloads) ? doc.downloads.recent : undefined;
    if (typeof downloads === 'number') result.downloadsLastMonth = Math.round(downloads / 3);
    return result;
  }
}
