import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { NpmPackumentSchema } from './response-schemas.js';
import type { NpmRegistryConfig } from './npmrc.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type PublishingEvidence, type RegistryClient, type VersionMetadata } from './types.js';

/** npm lifecycle scripts that run during `npm install` of the package. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

/**
 * The npm registry (or any registry speaking its API: Verdaccio, Artifactory, GitHub Packages) via the full
 * packument, so publish times, deprecations, `_npmUser` and `dist.attestations` are all at hand. The registry and
 * credentials per package come from the `.npmrc` chain (see `NpmRegistryConfig`).
 */
export class NpmRegistryClient implements RegistryClient {
  readonly ecosystem = 'npm' as const;

  constructor(
    private readonly config: NpmRegistryConfig,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const registry = this.config.registryFor(name);
    // The packument path encodes a scoped name's slash, as the npm CLI does.
    const url = `${registry}${name.startsWith('@') ? name.replace('/', '%2f') : encodeURIComponent(name)}`;
    const res = await this.fetcher.get(
      url,
      'npm registry',
      { accept: 'application/json', ...this.config.authHeaders(url) },
      jsonBody(NpmPackumentSchema, 'npm registry', `the packument of ${name}`),
    );
    const base = { ecosystem: this.ecosystem, name, registry: new URL(registry).origin + new URL(registry).pathname };
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    return parsePackument(name, res.doc as Record<string, unknown>, base.registry);
  }
}

/** Reads a full packument into registry metadata. Exported for tests and for callers holding a packument already. */
export function parsePackument(name: string, doc: Record<string, unknown>, registry: string): PackageMetadata {
  const time = isRecord(doc.time) ? doc.time : {};
  const versionsDoc = isRecord(doc.versions) ? doc.versions : {};
  const versions: VersionMetadata[] = [];
  for (const [version, manifest] of Object.entries(versionsDoc)) {
    if (!isRecord(manifest)) continue;
    const published = time[version];
    const v: VersionMetadata = { version, publishing: publishingEvidence(manifest) };
    if (typeof published === 'string') v.publishedAt = published;
    if (typeof manifest.deprecated === 'string' && manifest.deprecated !== '') v.deprecated = manifest.deprecated;
    const license = licenseOf(manifest.license);
    if (license) v.license = license;
    const repository = repositoryOf(manifest.repository);
    if (repository) v.repository = repository;
    const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
    const install = INSTALL_SCRIPTS.filter((s) => typeof scripts[s] === 'string');
    // npm runs `node-gyp rebuild` for a package with binding.gyp and no install script of its own.
    if (install.length === 0 && manifest.gypfile === true) install.push('install');
    if (install.length > 0) v.installScripts = [...install];
    versions.push(v);
  }
  const distTags = isRecord(doc['dist-tags']) ? doc['dist-tags'] : {};
  const latest = typeof distTags.latest === 'string' ? distTags.latest : undefined;
  const latestMeta = versions.find((v) => v.version === latest);
  const created = typeof time.created === 'string' ? time.created : earliestPublish(versions);
  const meta: PackageMetadata = { ecosystem: 'npm', name, exists: true, registry, versions };
  if (latest) meta.latest = latest;
  if (created) meta.firstPublishedAt = created;
  const repository = repositoryOf(doc.repository) ?? latestMeta?.repository;
  if (repository) meta.repository = repository;
  const license = licenseOf(doc.license) ?? latestMeta?.license;
  if (license) meta.license = license;
  return meta;
}

/**
 * How a version was published, by the evidence pnpm's trust policy reads: `_npmUser.approver` (staged publish
 * approved by a maintainer), `_npmUser.trustedPublisher` with provenance, provenance attestations alone.
 */
export function publishingEvidence(manifest: Record<string, unknown>): PublishingEvidence {
  const user = isRecord(manifest._npmUser) ? manifest._npmUser : {};
  const dist = isRecord(manifest.dist) ? manifest.dist : {};
  const attestations = isRecord(dist.attestations) ? dist.attestations : undefined;
  const provenance = attestations !== undefined && isRecord(attestations.provenance);
  const repository = repositoryOf(manifest.repository);
  const withRepo = (e: PublishingEvidence): PublishingEvidence => (repository && e.level !== 'none' ? { ...e, sourceRepository: repository } : e);
  if (user.approver !== undefined && user.approver !== null) return withRepo({ level: 'staged' });
  if (isRecord(user.trustedPublisher) && provenance) return withRepo({ level: 'trusted-publisher' });
  if (provenance) return withRepo({ level: 'provenance' });
  return { level: 'none' };
}

function licenseOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (isRecord(value) && typeof value.type === 'string') return value.type;
  return undefined;
}

/** A repository field as a comparable URL: `github:o/r`, `o/r`, `git+https://…/o/r.git` all become `https://github.com/o/r`. */
export function repositoryOf(value: unknown): string | undefined {
  const raw = typeof value === 'string' ? value : isRecord(value) && typeof value.url === 'string' ? value.url : undefined;
  if (!raw) return undefined;
  return normaliseRepositoryUrl(raw);
}

/** Normalises repository URLs so the same repository compares equal however it was written. */
export function normaliseRepositoryUrl(raw: string): string {
  let s = raw.trim();
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+)$/.exec(s);
  if (shorthand) {
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[shorthand[1] ?? 'github'];
    return `https://${host}/${shorthand[2]}/${shorthand[3]!.replace(/\.git$/, '')}`.toLowerCase();
  }
  s = s.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://');
  s = s.replace(/^git@([^:]+):/, 'https://$1/');
  s = s.replace(/\.git$/, '').replace(/\/$/, '').replace(/#.*$/, '');
  return s.toLowerCase();
}
