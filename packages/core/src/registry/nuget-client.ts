import { SourceUnavailableError } from '../errors.js';
import type { JsonSchema } from '../http/response-shape.js';
import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { NugetRegistrationSchema, NugetServiceIndexSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** NuGet's default V3 service index. */
export const NUGET_DEFAULT_INDEX = 'https://api.nuget.org/v3/index.json';

/** NuGet marks unlisted versions with this publish date. */
const UNLISTED_PUBLISHED = '1900-01-01';

/**
 * A NuGet V3 feed: the service index names the registration base; a package's registration index lists every
 * version's catalog entry (publish time, listing, licence, deprecation), with pages fetched when not inlined.
 */
export class NugetRegistryClient implements RegistryClient {
  readonly ecosystem = 'NuGet' as const;
  private registrationBase?: Promise<string>;

  constructor(
    private readonly serviceIndex: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(rawName: string): Promise<PackageMetadata> {
    const id = rawName.toLowerCase();
    const base = await this.base();
    const res = await this.fetcher.get(`${base}${encodeURIComponent(id)}/index.json`, 'NuGet', { accept: 'application/json' }, json(rawName, NugetRegistrationSchema));
    if (res.status === 404) return { ecosystem: this.ecosystem, name: rawName, exists: false, registry: this.serviceIndex, versions: [] };
    const index = res.doc as Record<string, unknown>;
    const versions: VersionMetadata[] = [];
    for (const page of Array.isArray(index.items) ? index.items.filter(isRecord) : []) {
      let items = Array.isArray(page.items) ? page.items : undefined;
      if (!items && typeof page['@id'] === 'string') {
        const p = await this.fetcher.get(page['@id'], 'NuGet', { accept: 'application/json' }, json(rawName, NugetRegistrationSchema));
        if (p.status === 200) items = (p.doc as Record<string, unknown>).items as unknown[];
      }
      for (const leaf of (items ?? []).filter(isRecord)) {
        const entry = isRecord(leaf.catalogEntry) ? leaf.catalogEntry : {};
        const v: VersionMetadata = { version: String(entry.version), publishing: { level: 'none' } };
        const published = typeof entry.published === 'string' ? entry.published : undefined;
        if (published && !published.startsWith(UNLISTED_PUBLISHED)) v.publishedAt = published;
        if (entry.listed === false || published?.startsWith(UNLISTED_PUBLISHED)) {
          v.yanked = true;
          v.yankedReason = 'unlisted';
        }
        if (typeof entry.licenseExpression === 'string' && entry.licenseExpression) v.license = entry.licenseExpression;
        if (typeof entry.projectUrl === 'string' && entry.projectUrl) v.repository = entry.projectUrl;
        if (isRecord(entry.deprecation)) {
          const reasons = Array.isArray(entry.deprecation.reasons) ? entry.deprecation.reasons.map(String).join(', ') : '';
          v.deprecated = typeof entry.deprecation.message === 'string' && entry.deprecation.message ? entry.deprecation.message : reasons || 'deprecated';
        }
        versions.push(v);
      }
    }
    const meta: PackageMetadata = { ecosystem: this.ecosystem, name: rawName, exists: versions.length > 0, registry: this.serviceIndex, versions };
    const listed = versions.filter((v) => !v.yanked);
    const newest = listed[listed.length - 1];
    if (newest) meta.latest = newest.version;
    const first = earliestPublish(versions);
    if (first) meta.firstPublishedAt = first;
    return meta;
  }

  private base(): Promise<string> {
    this.registrationBase ??= (async () => {
      const res = await this.fetcher.get(this.serviceIndex, 'NuGet', { accept: 'application/json' }, json('service index', NugetServiceIndexSchema));
      if (res.status !== 200) throw new SourceUnavailableError('NuGet', `no service index at ${this.serviceIndex}`);
      const doc = res.doc as Record<string, unknown>;
      const resources = Array.isArray(doc.resources) ? doc.resources.filter(isRecord) : [];
      // SemVer 2.0.0 registrations first: the plain base hides SemVer 2 versions.
      for (const type of ['RegistrationsBaseUrl/3.6.0', 'RegistrationsBaseUrl/3.4.0', 'RegistrationsBaseUrl']) {
        const r = resources.find((x) => x['@type'] === type && typeof x['@id'] === 'string');
        if (r) return String(r['@id']).replace(/\/?$/, '/');
      }
      throw new SourceUnavailableError('NuGet', `the service index at ${this.serviceIndex} names no registrations base`);
    })();
    this.registrationBase.catch(() => (this.registrationBase = undefined));
    return this.registrationBase;
  }
}

function json(what: string, schema: JsonSchema): (body: string) => Promise<unknown> {
  return jsonBody(schema, 'NuGet', `the metadata of ${what}`);
}
