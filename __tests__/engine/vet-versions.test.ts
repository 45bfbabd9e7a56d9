import { describe, expect, it } from 'vitest';
import { policyFromText, publishingHistories, publishingHistory, vetVersions, type PackageMetadata, type VersionMetadata } from '../../packages/core/src/index.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const policy = policyFromText('rules:\n  release-age: { action: quarantine, min-days: 3 }\n  popularity: { action: off }\n').policy;

function metadata(versions: Array<[string, number]>, latest: string): PackageMetadata {
  return {
    ecosystem: 'npm',
    name: 'lw-tags',
    exists: true,
    registry: 'https://registry.example.org/',
    latest,
    firstPublishedAt: ago(500),
    versions: versions.map(([version, days]) => ({ version, publishedAt: ago(days), publishing: { level: 'none' } })),
  };
}

describe('vetVersions', () => {
  it('moves tags of removed versions to the newest allowed version at or below them, never a stable tag onto a prerelease', async () => {
    const j = await vetVersions({
      metadata: metadata([['1.0.0', 100], ['1.1.0', 1], ['2.0.0-beta.1', 50], ['2.0.0-beta.2', 0.5], ['3.0.0-rc.1', 0.1]], '1.1.0'),
      distTags: { latest: '1.1.0', next: '2.0.0-beta.2', canary: '3.0.0-rc.1', legacy: '1.0.0' },
      policy,
      now,
    });
    expect(j.allowed).toEqual(['1.0.0', '2.0.0-beta.1']);
    expect(j.removed.map((v) => [v.version, v.findings.filter((f) => f.action === 'quarantine' || f.action === 'block').map((f) => f.rule)])).toEqual([['1.1.0', ['release-age']], ['2.0.0-beta.2', ['release-age']], ['3.0.0-rc.1', ['release-age']]]);
    // canary's newest allowed version at or below 3.0.0-rc.1 is 2.0.0-beta.1 (prerelease tags may take prereleases).
    expect(j.distTags).toEqual({ latest: '1.0.0', next: '2.0.0-beta.1', canary: '2.0.0-beta.1', legacy: '1.0.0' });
    expect(j.movedTags).toEqual([
      { tag: 'latest', from: '1.1.0', to: '1.0.0' },
      { tag: 'next', from: '2.0.0-beta.2', to: '2.0.0-beta.1' },
      { tag: 'canary', from: '3.0.0-rc.1', to: '2.0.0-beta.1' },
    ]);
    expect(j.safeVersion).toBe('1.0.0');
    expect(j.errors).toEqual([]);
  });

  it('drops a tag no allowed version can take, and has no safe version when every version is removed', async () => {
    const j = await vetVersions({ metadata: metadata([['1.0.0', 1], ['1.1.0', 0.5]], '1.1.0'), policy, now });
    expect(j.allowed).toEqual([]);
    expect(j.distTags).toEqual({});
    expect(j.movedTags).toEqual([{ tag: 'latest', from: '1.1.0' }]);
    expect(j.safeVersion).toBeUndefined();
  });

  it('judges an unknown name by its name alone: nonexistent, with no versions', async () => {
    const j = await vetVersions({ metadata: { ecosystem: 'npm', name: 'lw-nope', exists: false, registry: 'https://registry.example.org/', versions: [] }, policy, now });
    expect(j.exists).toBe(false);
    expect(j.versions).toEqual([]);
    expect(j.nameFindings.map((f) => f.rule)).toEqual(['nonexistent']);
  });
});

describe('publishingHistories', () => {
  it('gives every version the same history as publishingHistory, over 300 generated packages with ties and prereleases', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const levels = ['staged', 'trusted-publisher', 'provenance', 'none'] as const;
    let compared = 0;
    for (let t = 0; t < 300; t++) {
      const versions: VersionMetadata[] = Array.from({ length: 1 + Math.floor(rnd() * 12) }, (_, i) => {
        const v: VersionMetadata = { version: `1.${i}.0${rnd() < 0.3 ? '-rc.1' : ''}`, publishing: { level: levels[Math.floor(rnd() * 4)]! } };
        if (rnd() < 0.4) v.publishing.sourceRepository = `https://github.com/o/r${Math.floor(rnd() * 3)}`;
        // Five possible days: many versions share a publish time.
        if (rnd() < 0.9) v.publishedAt = new Date(Date.UTC(2024, 0, 1 + Math.floor(rnd() * 5))).toISOString();
        return v;
      });
      const meta: PackageMetadata = { ecosystem: 'npm', name: 'x', exists: true, registry: 'https://registry.example.org/', versions };
      const all = publishingHistories(meta);
      for (const v of versions) {
        expect(all.get(v.version)).toEqual(publishingHistory(meta, v));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });
});
