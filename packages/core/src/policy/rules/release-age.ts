import { isRegistryBacked } from '../../model/registry-backed.js';
import type { RuleModule } from './rule.js';
import { daysBetween, registryMetadata } from './registry-data.js';

/** Cooldown: malicious releases of popular packages are usually caught within hours or days. */
export const releaseAgeRule: RuleModule<'release-age'> = {
  id: 'release-age',
  description: 'Versions published fewer than min-days ago.',
  data: 'registry',
  defaults: { action: 'quarantine', 'min-days': 3, unknown: 'quarantine' },
  evaluate({ pkg, options, enrichment, now }) {
    if (!isRegistryBacked(pkg)) return { findings: [] };
    const r = registryMetadata(pkg, enrichment);
    if ('notEvaluated' in r) return r;
    // A missing package or version is the nonexistent rule's finding; its age is not a question.
    if (!r.meta.exists || r.meta.versionExists === false) return { findings: [] };
    const published = r.meta.publishedAt ? new Date(r.meta.publishedAt) : undefined;
    if (!published || Number.isNaN(published.getTime())) {
      return {
        findings: [
          {
            action: options.unknown,
            severity: 'moderate',
            message: 'the registry does not say when this version was published',
            remedy: 'confirm the release is genuine before approving',
          },
        ],
      };
    }
    const hours = (now.getTime() - published.getTime()) / 3_600_000;
    if (hours >= options['min-days'] * 24) return { findings: [] };
    const age = hours < 24 ? `${Math.max(0, Math.floor(hours))} hours` : `${daysBetween(published, now)} days`;
    return {
      findings: [
        {
          severity: 'moderate',
          message: `published ${age} ago (policy: at least ${options['min-days']} days)`,
          remedy: `wait until ${new Date(published.getTime() + options['min-days'] * 86_400_000).toISOString().slice(0, 10)} or approve the quarantine`,
          evidence: { publishedAt: published.toISOString() },
        },
      ],
    };
  },
};
