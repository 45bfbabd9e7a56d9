import { isRecord } from '../parse/json.js';
import { repositoryOf } from './npm-client.js';
import { jsonBody } from './registry-json.js';
import { CocoaPodsPodSchema, CocoaPodsSpecSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** The CocoaPods trunk API when `COCOAPODS_TRUNK_URL` is not set (the variable the `pod trunk` command reads). */
export const COCOAPODS_TRUNK_DEFAULT = 'https://trunk.cocoapods.org/api/v1/';

/** The trunk API base: `COCOAPODS_TRUNK_URL`, else trunk.cocoapods.org. */
export function resolveCocoaPodsTrunkUrl(env: Record<string, string | undefined>): string {
  const url = env.COCOAPODS_TRUNK_URL && env.COCOAPODS_TRUNK_URL.trim() !== '' ? env.COCOAPODS_TRUNK_URL.trim() : COCOAPODS_TRUNK_DEFAULT;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * CocoaPods trunk: `GET pods/<name>` lists the published versions with their push times; the latest version's
 * podspec (`pods/<name>/specs/<version>`) gives the licence, the source repository and deprecation. Subspecs
 * (`Firebase/Core`) are looked up by their root pod.
 */
export class CocoaPodsRegistryClient implements RegistryClient {
  readonly ecosystem = 'CocoaPods' as const;

  constructor(
    private readonly trunk: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(rawName: string): Promise<PackageMetadata> {
    const name = rawName.split('/')[0] ?? rawName;
    const base = { ecosystem: this.ecosystem, name: rawName, registry: this.trunk };
    if (name === '' || /[\s+]/.test(name) || name.startsWith('.')) return { ...base, exists: false, versions: [] };
    const res = await this.fetcher.get(
      `${this.trunk}pods/${encodeURIComponent(name)}`,
      'CocoaPods trunk',
      { accept: 'application/json' },
      jsonBody(CocoaPodsPodSchema, 'CocoaPods trunk', `the metadata of ${name}`),
    );
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    const doc = res.doc as Record<string, unknown>;
    const versions: VersionMetadata[] = (doc.versions as Record<string, unknown>[]).map((v) => {
      const out: VersionMetadata = { version: String(v.name), publishing: { level: 'none' } };
      const at = typeof v.created_at === 'string' ? trunkTime(v.created_at) : undefined;
      if (at) out.publishedAt = at;
      return out;
    });
    const meta: PackageMetadata = { ...base, exists: versions.length > 0, versions };
    const first = earliestPublish(versions);
    if (first) meta.firstPublishedAt = first;
    const newest = [...versions].sort((a, b) => Date.parse(b.publishedAt ?? '') - Date.parse(a.publishedAt ?? ''))[0];
    if (newest) {
      meta.latest = newest.version;
      await this.addSpecFacts(name, newest, meta);
    }
    return meta;
  }

  /** Licence, repository and deprecation from one version's podspec; absent when trunk has no spec for it. */
  private async addSpecFacts(name: string, version: VersionMetadata, meta: PackageMetadata): Promise<void> {
    const url = `${this.trunk}pods/${encodeURIComponent(name)}/specs/${encodeURIComponent(version.version)}`;
    const res = await this.fetcher.get(url, 'CocoaPods trunk', { accept: 'application/json' }, jsonBody(CocoaPodsSpecSchema, 'CocoaPods trunk', `the podspec of ${name} ${version.version}`));
    if (res.status === 404) return;
    const spec = res.doc as Record<string, unknown>;
    const license = typeof spec.license === 'string' ? spec.license : isRecord(spec.license) && typeof spec.license.type === 'string' ? spec.license.type : undefined;
    if (license) version.license = meta.license = license;
    const repository = isRecord(spec.source) && typeof spec.source.git === 'string' ? repositoryOf(spec.source.git) : undefined;
    if (repository) version.repository = meta.repository = repository;
    if (spec.deprecated === true || typeof spec.deprecated_in_favor_of === 'string') {
      version.deprecated = typeof spec.deprecated_in_favor_of === 'string' ? `deprecated in favour of ${spec.deprecated_in_favor_of}` : 'deprecated';
    }
  }
}

/** Trunk writes times as `2014-05-19 20:27:03 UTC`; ISO 8601 for the rules. */
function trunkTime(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?: ?UTC|Z)?$/.exec(value.trim());
  if (m) return `${m[1]}T${m[2]}Z`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
