import type { RuleInput, RuleResult, FindingDraft } from './rule.js';
import type { ProvenanceOptions } from '../types.js';
import { registryMetadata } from './registry-data.js';
import { publishingStrength, type PublishingLevel } from '../../registry/types.js';

const LEVEL_TEXT: Record<PublishingLevel, string> = {
  staged: 'a maintainer-approved staged publish',
  'trusted-publisher': 'a trusted publisher with provenance',
  provenance: 'provenance attestations',
  none: 'no publishing evidence',
};

/**
 * The `provenance` rule (npm): a version published with weaker evidence than an earlier-published version had is a
 * downgrade (blocked in the baseline), the signature of a stolen token publishing around the project's CI. A change
 * of the attested source repository between versions is reported with the `repository-change` action.
 */
export function judgeProvenance({ pkg, options, enrichment }: RuleInput<ProvenanceOptions>): RuleResult {
  if (pkg.ecosystem !== 'npm' || pkg.source.kind !== 'registry') return { findings: [] };
  const r = registryMetadata(pkg, enrichment);
  if ('notEvaluated' in r) return r;
  if (!r.meta.exists || r.meta.versionExists === false) return { findings: [] };
  const history = r.meta.publishing;
  if (!history) return { notEvaluated: 'the registry did not report publishing evidence' };
  if (!history.ordered) return { notEvaluated: 'the registry does not say when this version was published' };
  const findings: FindingDraft[] = [];
  const earlier = history.strongestEarlier;
  if (earlier && publishingStrength(history.level) < publishingStrength(earlier.level)) {
    findings.push({
      severity: 'high',
      message: `publishing trust dropped: this version has ${LEVEL_TEXT[history.level]}, while ${earlier.version} (published earlier) had ${LEVEL_TEXT[earlier.level]}`,
      remedy: `stay on ${earlier.version} until the maintainers confirm this release`,
      evidence: { level: history.level, earlierVersion: earlier.version, earlierLevel: earlier.level },
    });
  }
  const previous = history.previousAttested;
  if (previous && history.sourceRepository && previous.repository !== history.sourceRepository) {
    findings.push({
      action: options['repository-change'],
      severity: 'moderate',
      message: `attested source repository changed from ${previous.repository} (${previous.version}) to ${history.sourceRepository}`,
      remedy: 'confirm the project moved its repository before approving',
      evidence: { previousVersion: previous.version, previousRepository: previous.repository, repository: history.sourceRepository },
    });
  }
  return { findings };
}
