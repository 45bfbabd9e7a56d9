import type { HubRepoFacts } from '../model/hub-repo-facts.js';
import type { Ecosystem } from '../model/ecosystem.js';

/**
 * How a version reached the registry, strongest first. Ranked as pnpm's trust policy ranks npm evidence:
 * a staged publish approved by a maintainer (`_npmUser.approver`), a trusted publisher with provenance
 * (`_npmUser.trustedPublisher` and `dist.attestations.provenance`), provenance alone, nothing.
 */
export const PUBLISHING_LEVELS = ['staged', 'trusted-publisher', 'provenance', 'none'] as const;
export type PublishingLevel = (typeof PUBLISHING_LEVELS)[number];

/** Higher is stronger: `staged` 3 … `none` 0. */
export function publishingStrength(level: PublishingLevel): number {
  return PUBLISHING_LEVELS.length - 1 - PUBLISHING_LEVELS.indexOf(level);
}

/** Evidence of how one version was published. */
export interface PublishingEvidence {
  level: PublishingLevel;
  /**
   * The source repository the publishing evidence binds the version to. npm refuses a provenance publish whose
   * `repository.url` differs from the repository that built it, so for attested versions the manifest's repository
   * is the attested one.
   */
  sourceRepository?: string;
}

/** What the registry says about one version. */
export interface VersionMetadata {
  version: string;
  /** ISO 8601 publish time; absent when the registry does not say (the rules treat that as unknown). */
  publishedAt?: string;
  /** npm deprecation message. */
  deprecated?: string;
  /** PyPI / crates.io / RubyGems yank. */
  yanked?: boolean;
  yankedReason?: string;
  license?: string;
  repository?: string;
  /** npm lifecycle scripts that run on install (`preinstall`, `install`, `postinstall`). */
  installScripts?: string[];
  publishing: PublishingEvidence;
}

/** What the registry says about one package; `exists: false` when it has no such package. */
export interface PackageMetadata {
  ecosystem: Ecosystem;
  name: string;
  exists: boolean;
  /** Base URL of the registry that answered (for messages; never contains credentials). */
  registry: string;
  /** Every version the registry lists, in the registry's order. */
  versions: VersionMetadata[];
  /** The version the registry calls latest (npm `dist-tags.latest`, PyPI `info.version`, ...). */
  latest?: string;
  /** ISO time of the first publish of any version. */
  firstPublishedAt?: string;
  repository?: string;
  license?: string;
  /** Downloads in the last month, when the registry reports them in the same document. */
  downloadsLastMonth?: number;
  /** Hugging Face Hub repositories: what the Hub says beyond name and versions. */
  hub?: HubRepoFacts;
}

export type { HubRepoFacts } from '../model/hub-repo-facts.js';

/** Looks packages up in one ecosystem's registry. One implementation per ecosystem, all behind this interface. */
export interface RegistryClient {
  readonly ecosystem: Ecosystem;
  /**
   * The registry's metadata for `name`. A missing package is a value (`exists: false`), never an error; an outage
   * (after retries) throws `SourceUnavailableError`.
   */
  getPackage(name: string): Promise<PackageMetadata>;
  /**
   * One version's metadata, for registries whose package document omits per-version detail (the Go module proxy
   * lists versions without times). `undefined` when the registry does not know the version.
   */
  getVersion?(name: string, version: string): Promise<VersionMetadata | undefined>;
  /**
   * Whether this client can answer for `name` at all (the Swift client speaks only to the configured GitHub
   * host); a name it cannot answer for is "unsupported", never "nonexistent". Absent means every name.
   */
  supports?(name: string): boolean;
}

/** Finds a version's metadata by exact version string. */
export function findVersion(meta: PackageMetadata, version: string): VersionMetadata | undefined {
  return meta.versions.find((v) => v.version === version);
}

/** Earliest publish time among versions, as an ISO string. */
export function earliestPublish(versions: readonly VersionMetadata[]): string | undefined {
  let best: string | undefined;
  for (const v of versions) {
    if (v.publishedAt && (best === undefined || Date.parse(v.publishedAt) < Date.parse(best))) best = v.publishedAt;
  }
  return best;
}
