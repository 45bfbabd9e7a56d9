import { SourceUnavailableError } from '../errors.js';
import type { EnrichmentData } from '../model/enrichment-data.js';
import type { RegistryMetadata, RegistryMetadataSource } from './registry-metadata.js';
import { packageKey, type Package } from '../model/package.js';
import { canonicalName } from '../typosquat/name-forms.js';
import { loadBundledSnapshot } from '../typosquat/popularity-snapshot.js';
import { publishingHistory } from './publishing-history.js';
import { lookupKey, lookupPackages, type RegistryClients } from './registry-clients.js';
import { findVersion, type PackageMetadata } from './types.js';

/**
 * The policy engine's view of registry data: one `RegistryMetadata` per package version, from the per-ecosystem
 * clients. Only registry-sourced packages are looked up (git, path and tarball dependencies have no registry
 * entry), each distinct name once. An outage throws `SourceUnavailableError`, which the engine turns into an
 * `error` verdict; packages of ecosystems without a client are left out, which the rules report as not evaluated.
 */
export class RegistryEnrichmentSource implements RegistryMetadataSource {
  readonly name = 'package registries';

  constructor(
    private readonly clients: RegistryClients,
    private readonly concurrency = 8,
  ) {}

  async lookup(packages: readonly Package[]): Promise<EnrichmentData<RegistryMetadata>> {
    const wanted = packages.filter((p) => p.source.kind === 'registry');
    const results = await lookupPackages(
      wanted.map((p) => ({ ecosystem: p.ecosystem, name: p.name, ...(p.version ? { version: p.version } : {}) })),
      this.clients,
      this.concurrency,
    );
    const byPackage = new Map<string, RegistryMetadata>();
    for (const pkg of wanted) {
      const result = results.get(lookupKey(pkg.ecosystem, pkg.name));
      if (!result || result.status === 'unsupported') continue;
      if (result.status === 'error') {
        const e = result.error;
        throw e instanceof SourceUnavailableError ? e : new SourceUnavailableError('package registries', String(e), { cause: e });
      }
      byPackage.set(packageKey(pkg), toRegistryMetadata(result.metadata, pkg.version));
    }
    return { byPackage, source: this.name };
  }
}

/** One version's facts in the engine's shape; `version` empty means "the package as a whole". */
export function toRegistryMetadata(meta: PackageMetadata, version: string): RegistryMetadata {
  if (!meta.exists) return { exists: false };
  const out: RegistryMetadata = { exists: true, versionCount: meta.versions.length };
  if (meta.firstPublishedAt) out.firstPublishedAt = meta.firstPublishedAt;
  const snapshot = loadBundledSnapshot(meta.ecosystem);
  const canonical = canonicalName(meta.ecosystem, meta.name);
  const snapshotDownloads = snapshot?.downloads(canonical);
  if (meta.downloadsLastMonth !== undefined) out.downloads = meta.downloadsLastMonth;
  else if (snapshotDownloads !== undefined) out.downloads = snapshotDownloads;
  if (snapshot) out.belowPopularitySnapshot = snapshot.rank(canonical) === undefined;
  if (meta.hub) out.hub = meta.hub;
  // An unpinned Hub reference loads whatever the default branch holds now: judge that commit.
  const v = version ? findVersion(meta, version) : meta.hub && meta.latest ? findVersion(meta, meta.latest) : undefined;
  if (version) out.versionExists = v !== undefined;
  const repository = v?.repository ?? meta.repository;
  if (repository) out.repository = repository;
  const license = v?.license ?? meta.license;
  if (license) out.license = license;
  if (!v) return out;
  if (v.publishedAt) out.publishedAt = v.publishedAt;
  if (v.deprecated) out.deprecated = v.deprecated;
  else if (v.yanked) out.deprecated = v.yankedReason ? `yanked: ${v.yankedReason}` : true;
  if (v.installScripts) out.hasInstallScript = true;
  if (meta.ecosystem === 'npm') out.publishing = publishingHistory(meta, v);
  return out;
}
