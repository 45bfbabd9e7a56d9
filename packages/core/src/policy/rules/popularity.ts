import { isRegistryBacked } from '../../model/registry-backed.js';
import type { RuleModule } from './rule.js';
import { daysBetween, registryMetadata } from './registry-data.js';

/**
 * Slopsquat suspicion: a new direct dependency that is young, unpopular and thin (one version or no repository)
 * is what a pre-registered hallucinated name looks like.
 */
export const popularityRule: RuleModule<'popularity'> = {
  id: 'popularity',
  description: 'New direct dependencies that are young, unpopular and thin.',
  data: 'registry',
  defaults: { action: 'quarantine', 'max-age-days': 90, 'min-downloads': 1000 },
  evaluate({ pkg, change, mode, options, enrichment, now }) {
    if (!pkg.direct || !isRegistryBacked(pkg)) return { findings: [] };
    if (mode === 'pr' && change?.type !== 'added') return { findings: [] };
    const r = registryMetadata(pkg, enrichment);
    if ('notEvaluated' in r) return r;
    const { firstPublishedAt, downloads, versionCount, repository } = r.meta;
    if (!r.meta.exists) return { findings: [] };
    // Without a download count, "outside the bundled most-downloaded names" stands in for unpopular.
    const below = r.meta.belowPopularitySnapshot;
    if (firstPublishedAt === undefined || (downloads === undefined && below === undefined) || versionCount === undefined) {
      return { notEvaluated: 'the registry did not report first publish time, downloads and version count' };
    }
    const ageDays = daysBetween(new Date(firstPublishedAt), now);
    const young = ageDays < options['max-age-days'];
    const unpopular = downloads !== undefined ? downloads < options['min-downloads'] : below === true;
    const thin = versionCount <= 1 || !repository;
    if (!(young && unpopular && thin)) return { findings: [] };
    const reasons = [
      `first published ${ageDays} days ago`,
      downloads !== undefined ? `${downloads} downloads` : 'not among the most-downloaded names',
      versionCount <= 1 ? 'a single version' : undefined,
      repository ? undefined : 'no repository link',
    ].filter((x): x is string => x !== undefined);
    return {
      findings: [
        {
          severity: 'high',
          message: `young, unpopular and thin: ${reasons.join(', ')}`,
          remedy: 'check that this is the package you meant before approving',
          evidence: { firstPublishedAt, downloads, versionCount, repository: repository ?? null },
        },
      ],
    };
  },
};
