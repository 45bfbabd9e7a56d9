import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { PubPackageSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';
import { repositoryOf } from './npm-client.js';

/** The dart tool's default hosted repository when `PUB_HOSTED_URL` is not set. */
export const PUB_DEFAULT = 'https://pub.dev/';

/** The repository `dart pub` uses: `PUB_HOSTED_URL`, else pub.dev. */
export function resolvePubHostedUrl(env: Record<string, string | undefined>): string {
  const url = env.PUB_HOSTED_URL && env.PUB_HOSTED_URL.trim() !== '' ? env.PUB_HOSTED_URL.trim() : PUB_DEFAULT;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * A hosted pub repository (pub.dev, or any server implementing the Hosted Pub Repository Specification v2):
 * `GET <PUB_HOSTED_URL>/api/packages/<name>` lists every version with its pubspec; pub.dev adds `published` times.
 * Retracted versions read as yanked, a discontinued package as deprecated.
 */
export class PubRegistryClient implements RegistryClient {
  readonly ecosystem = 'Pub' as const;

  constructor(
    private readonly hosted: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const base = { ecosystem: this.ecosystem, name, registry: this.hosted };
    // Pub names are lower-case identifiers; anything else cannot be on a hosted repository.
    if (!/^[a-z0-9_]+$/.test(name)) return { ...base, exists: false, versions: [] };
    const res = await this.fetcher.get(
      `${this.hosted}api/packages/${name}`,
      'pub repository',
      { accept: 'application/vnd.pub.v2+json' },
      jsonBody(PubPackageSchema, 'pub repository', `the metadata of ${name}`),
    );
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    const doc = res.doc as Record<string, unknown>;
    const discontinued = doc.isDiscontinued === true;
    const replacedBy = typeof doc.replacedBy === 'string' && doc.replacedBy !== '' ? doc.replacedBy : undefined;
    const versions: VersionMetadata[] = (doc.versions as Record<string, unknown>[]).map((v) => {
      const out: VersionMetadata = { version: String(v.version), publishing: { level: 'none' } };
      if (typeof v.published === 'string') out.publishedAt = v.published;
      if (v.retracted === true) {
        out.yanked = true;
        out.yankedReason = 'retracted';
      }
      if (discontinued) out.deprecated = replacedBy ? `discontinued, replaced by ${replacedBy}` : 'discontinued';
      const pubspec = isRecord(v.pubspec) ? v.pubspec : {};
      const repository = repositoryOf(pubspec.repository) ?? (typeof pubspec.homepage === 'string' && /github\.com|gitlab\.com/.test(pubspec.homepage) ? repositoryOf(pubspec.homepage) : undefined);
      if (repository) out.repository = repository;
      return out;
    });
    const meta: PackageMetadata = { ...base, exists: true, versions };
    const latest = isRecord(doc.latest) && typeof doc.latest.version === 'string' ? doc.latest.version : undefined;
    if (latest) {
      meta.latest = latest;
      const repository = versions.find((v) => v.version === latest)?.repository;
      if (repository) meta.repository = repository;
    }
    const first = earliestPublish(versions);
    if (first) meta.firstPublishedAt = first;
    return meta;
  }
}
