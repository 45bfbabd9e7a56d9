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

/**
 * `publishingHistory` for every version of a package at once, in O(n log n) instead of O(n²): a proxy judges all
 * versions of packuments with thousands of them. Same answers as calling `publishingHistory` per version.
 */
export function publishingHistories(meta: PackageMetadata): Map<string, PublishingHistory> {
  const out = new Map<string, PublishingHistory>();
  const timed: Array<{ v: VersionMetadata; at: number; pre: boolean }> = [];
  for (const v of meta.versions) {
    const history: PublishingHistory = { level: v.publishing.level, ordered: v.publishedAt !== undefined };
    if (v.publishing.sourceRepository) history.sourceRepository = v.publishing.sourceRepository;
    out.set(v.version, history);
    if (v.publishedAt !== undefined) timed.push({ v, at: Date.parse(v.publishedAt), pre: isPrerelease(v.version) });
  }
  timed.sort((a, b) => a.at - b.at);
  // Two running views of "everything published before": all versions (for prereleases) and stable ones only.
  const all: Pick<PublishingHistory, 'strongestEarlier' | 'previousAttested'> = {};
  const stable: Pick<PublishingHistory, 'strongestEarlier' | 'previousAttested'> = {};
  const add = (acc: typeof all, v: VersionMetadata) => {
    if (!acc.strongestEarlier || publishingStrength(v.publishing.level) >= publishingStrength(acc.strongestEarlier.level)) {
      acc.strongestEarlier = { version: v.version, level: v.publishing.level };
    }
    if (v.publishing.sourceRepository) acc.previousAttested = { version: v.version, repository: v.publishing.sourceRepository };
  };
  for (let i = 0; i < timed.length; ) {
    // Versions published at the same instant are not earlier than each other.
    let j = i;
    while (j < timed.length && timed[j]!.at === timed[i]!.at) j++;
    for (let k = i; k < j; k++) {
      const { v, pre } = timed[k]!;
      const acc = pre ? all : stable;
      const history = out.get(v.version)!;
      if (acc.strongestEarlier) history.strongestEarlier = acc.strongestEarlier;
      if (acc.previousAttested) history.previousAttested = acc.previousAttested;
    }
    for (let k = i; k < j; k++) {
      add(all, timed[k]!.v);
      if (!timed[k]!.pre) add(stable, timed[k]!.v);
    }
    i = j;
  }
  return out;
}
