import { isLockwardenError, SourceUnavailableError } from '../errors.js';
import type { EnrichmentData, SourceFailure } from '../model/enrichment-data.js';
import type { RegistryMetadata, RegistryMetadataSource } from './registry-metadata.js';
import { packageKey, type Package } from '../model/package.js';
import { isRegistryBacked } from '../model/registry-backed.js';
import { canonicalName } from '../typosquat/name-forms.js';
import { loadBundledSnapshot } from '../typosquat/popularity-snapshot.js';
import { publishingHistory, type PublishingHistory } from './publishing-history.js';
import { lookupKey, lookupPackages, type RegistryClients } from './registry-clients.js';
import { findVersion, type PackageMetadata } from './types.js';

/**
 * The policy engine's view of registry data: one `RegistryMetadata` per package version, from the per-ecosystem
 * clients. Only registry-sourced packages are looked up (git, path and tarball dependencies have no registry
 * entry), each distinct name once. A registry that fails (after retries) is a `failures` entry naming that
 * registry and the packages it could not answer for, while every other answer is kept: one registry down must not
 * blind the rules for the others. Packages of ecosystems without a client are left out, which the rules report as
 * not evaluated. Errors that are not operational faults (bugs) are thrown.
 */
export class RegistryEnrichmentSource implements RegistryMetadataSource {
  readonly name = 'package registries';

  constructor(
    private readonly clients: RegistryClients,
    private readonly concurrency = 8,
  ) {}

  async lookup(packages: readonly Package[]): Promise<EnrichmentData<RegistryMetadata>> {
    const wanted = packages.filter(isRegistryBacked);
    const results = await lookupPackages(
      wanted.map((p) => ({ ecosystem: p.ecosystem, name: p.name, ...(p.version ? { version: p.version } : {}) })),
      this.clients,
      this.concurrency,
    );
    const byPackage = new Map<string, RegistryMetadata>();
    const failed = new Map<string, SourceFailure & { packages: string[] }>();
    for (const pkg of wanted) {
      const result = results.get(lookupKey(pkg.ecosystem, pkg.name));
      if (!result || result.status === 'unsupported') continue;
      if (result.status === 'error') {
        const e = result.error;
        if (!isLockwardenError(e)) throw e;
        const source = e instanceof SourceUnavailableError ? e.source : `${pkg.ecosystem} registry`;
        let failure = failed.get(source);
        if (!failure) {
          // The first error stands for the registry; the message loses its own "<source>: " prefix.
          const message = e.message.startsWith(`${source}: `) ? e.message.slice(source.length + 2) : e.message;
          failed.set(source, (failure = { data: 'registry', source, message, packages: [] }));
        }
        failure.packages.push(packageKey(pkg));
        continue;
      }
      byPackage.set(packageKey(pkg), toRegistryMetadata(result.metadata, pkg.version));
    }
    return { byPackage, source: this.name, ...(failed.size > 0 ? { failures: [...failed.values()] } : {}) };
  }
}

/**
 * Registries whose package documents carry a license field for every package that declares one (npm `license`,
 * crates.io `license`, RubyGems `licenses`, Packagist `license`): there, no license means none was declared.
 * Others (PyPI keeps many licenses only in classifiers, NuGet in a URL, the Go proxy not at all) leave it unknown.
 */
const REGISTRIES_RECORDING_LICENSES: ReadonlySet<string> = new Set(['npm', 'crates.io', 'RubyGems', 'Packagist']);

/**
 * One version's facts in the engine's shape; `version` empty means "the package as a whole". `histories` (from
 * `publishingHistories`) saves recomputing the publishing history when every version is converted.
 */
export function toRegistryMetadata(meta: PackageMetadata, version: string, histories?: ReadonlyMap<string, PublishingHistory>): RegistryMetadata {
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
  else if (REGISTRIES_RECORDING_LICENSES.has(meta.ecosystem)) out.license = null;
  if (!v) return out;
  if (v.publishedAt) out.publishedAt = v.publishedAt;
  if (v.deprecated) out.deprecated = v.deprecated;
  else if (v.yanked) out.deprecated = v.yankedReason ? `yanked: ${v.yankedReason}` : true;
  if (v.installScripts) out.hasInstallScript = true;
  if (meta.ecosystem === 'npm') out.publishing = histories?.get(v.version) ?? publishingHistory(meta, v);
  return out;
}
