import type { Ecosystem } from '../../model/ecosystem.js';
import type { RuleInput, RuleResult } from './rule.js';
import { daysBetween, registryMetadata } from './registry-data.js';
import type { TyposquatOptions } from '../types.js';
import { canonicalName } from '../../typosquat/name-forms.js';
import { loadBundledSnapshot, loadBundledTargets } from '../../typosquat/popularity-snapshot.js';
import { TyposquatDetector, type TyposquatTechnique } from '../../typosquat/typosquat-detector.js';

const detectors = new Map<Ecosystem, TyposquatDetector | null>();

/** The detector over the bundled snapshot of an ecosystem, built once per process; `undefined` without a snapshot. */
export function bundledDetector(ecosystem: Ecosystem): TyposquatDetector | undefined {
  if (!detectors.has(ecosystem)) {
    const snapshot = loadBundledSnapshot(ecosystem);
    detectors.set(ecosystem, snapshot ? new TyposquatDetector(snapshot, {}, loadBundledTargets(ecosystem)) : null);
  }
  return detectors.get(ecosystem) ?? undefined;
}

const TECHNIQUE_TEXT: Record<TyposquatTechnique, string> = {
  omission: 'a letter left out',
  repetition: 'a letter doubled',
  insertion: 'a letter added',
  substitution: 'a letter changed',
  keyboard: 'a neighbouring key',
  lookalike: 'look-alike characters',
  swap: 'two letters swapped',
  separator: 'separators changed',
  reorder: 'words reordered',
  affix: 'a decorated name',
  scope: 'a confusable scope',
};

/**
 * What makes a package established enough that a name resembling a popular one is a coincidence, not a squat:
 * squats are taken down within days or weeks, so a package with a year of history, several releases, a source
 * repository and real use is someone's project (`fresh-import` beside `import-fresh`). Look-alike characters are
 * never excused: nobody names an honest package `l0dash`.
 */
export const ESTABLISHED = { minAgeDays: 365, minVersions: 3, minMonthlyDownloads: 1_000 } as const;

/** The registry's evidence that a package is established, or why it is not (or could not be) judged so. */
function establishedEvidence(input: RuleInput<TyposquatOptions>): { established: boolean; evidence: Record<string, unknown> } {
  const r = registryMetadata(input.pkg, input.enrichment);
  if ('notEvaluated' in r) return { established: false, evidence: { registryEvidence: `not consulted: ${r.notEvaluated}` } };
  const { firstPublishedAt, versionCount, repository, downloads, belowPopularitySnapshot } = r.meta;
  const ageDays = firstPublishedAt === undefined ? undefined : daysBetween(new Date(firstPublishedAt), input.now);
  const used = downloads !== undefined ? downloads >= ESTABLISHED.minMonthlyDownloads : belowPopularitySnapshot === false;
  const established =
    r.meta.exists &&
    ageDays !== undefined &&
    ageDays >= ESTABLISHED.minAgeDays &&
    (versionCount ?? 0) >= ESTABLISHED.minVersions &&
    Boolean(repository) &&
    // Without a download count, the registry's other evidence has to carry the judgement.
    (downloads === undefined || used);
  return {
    established,
    evidence: {
      registryEvidence: {
        ...(ageDays === undefined ? {} : { ageDays }),
        ...(versionCount === undefined ? {} : { versionCount }),
        repository: repository ?? null,
        ...(downloads === undefined ? {} : { downloads }),
      },
    },
  };
}

/**
 * The `typosquat` rule: a new name that imitates a popular one. The bundled popularity snapshot drives it, so it
 * runs offline too; with registry data a well-established package (see `ESTABLISHED`) is not called a squat, and
 * offline every imitation is reported, saying the registry was not consulted. In PR mode only names new to the
 * lockfile are judged (an upgrade, or another version of a name already in the base, keeps a name that was
 * accepted before); `ignore` lists names never to flag.
 */
export function judgeTyposquat(input: RuleInput<TyposquatOptions>): RuleResult {
  const { pkg, change, mode, options } = input;
  if (pkg.source.kind !== 'registry') return { findings: [] };
  if (mode === 'pr' && change !== undefined && (change.type !== 'added' || change.nameInBase)) return { findings: [] };
  const detector = bundledDetector(pkg.ecosystem);
  if (!detector) return { notEvaluated: `no popularity snapshot for ${pkg.ecosystem} ships with lockwarden` };
  const ignored = new Set(options.ignore.map((n) => canonicalName(pkg.ecosystem, n)));
  if (ignored.has(canonicalName(pkg.ecosystem, pkg.name))) return { findings: [] };
  const match = detector.check(pkg.name);
  if (!match || ignored.has(match.target)) return { findings: [] };
  const registry = establishedEvidence(input);
  if (registry.established && match.technique !== 'lookalike') return { findings: [] };
  const popularity = match.targetDownloads !== undefined
    ? `${match.targetDownloads.toLocaleString('en-US')} downloads a month`
    : `rank ${match.targetRank} by downloads`;
  return {
    findings: [
      {
        severity: 'high',
        message: `name imitates the popular package ${match.target} (${TECHNIQUE_TEXT[match.technique]}; ${popularity})`,
        remedy: `did you mean \`${match.target}\`?`,
        evidence: { ...match, ...registry.evidence },
      },
    ],
  };
}
