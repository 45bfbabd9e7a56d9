import semver from 'semver';
import { publishingStrength, type PackageMetadata, type PublishingLevel, type VersionMetadata } from './types.js';

/** How one version was published, set against the versions published before it. */
export interface PublishingHistory {
  level: PublishingLevel;
  sourceRepository?: string;
  /** The strongest evidence among earlier-published versions (prereleases skipped for a non-prerelease). */
  strongestEarlier?: { version: string; level: PublishingLevel };
  /** The most recent earlier version with an attested source repository. */
  previousAttested?: { version: string; repository: string };
  /** False when the version's publish time is unknown, so "earlier" could not be decided. */
  ordered: boolean;
}

function isPrerelease(version: string): boolean {
  const parsed = semver.parse(version, { loose: true });
  return parsed !== null && parsed.prerelease.length > 0;
}

/**
 * Puts a version's publishing evidence next to the versions published before it (by publish time, not version
 * order: a backport published today after a provenance-attested major is still judged against it). Prereleases
 * are ignored when judging a non-prerelease, as canaries are often published by other means.
 */
export function publishingHistory(meta: PackageMetadata, version: VersionMetadata): PublishingHistory {
  const history: PublishingHistory = { level: version.publishing.level, ordered: version.publishedAt !== undefined };
  if (version.publishing.sourceRepository) history.sourceRepository = version.publishing.sourceRepository;
  if (!version.publishedAt) return history;
  const at = Date.parse(version.publishedAt);
  const skipPre = !isPrerelease(version.version);
  const earlier = meta.versions
    .filter((v) => v.version !== version.version && v.publishedAt !== undefined && Date.parse(v.publishedAt) < at)
    .filter((v) => !(skipPre && isPrerelease(v.version)))
    .sort((a, b) => Date.parse(a.publishedAt!) - Date.parse(b.publishedAt!));
  for (const v of earlier) {
    const best = history.strongestEarlier;
    // `>=`: name the most recent version at the strongest level, the one a reviewer compares against.
    if (!best || publishingStrength(v.publishing.level) >= publishingStrength(best.level)) {
      history.strongestEarlier = { version: v.version, level: v.publishing.level };
    }
    if (v.publishing.sourceRepository) history.previousAttested = { version: v.version, repository: v.publishing.sourceRepository };
  }
  return history;
}
