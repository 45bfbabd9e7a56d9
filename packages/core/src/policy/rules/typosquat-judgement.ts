import type { Ecosystem } from '../../model/ecosystem.js';
import type { RuleInput, RuleResult } from './rule.js';
import type { TyposquatOptions } from '../types.js';
import { canonicalName } from '../../typosquat/name-forms.js';
import { loadBundledSnapshot } from '../../typosquat/popularity-snapshot.js';
import { TyposquatDetector, type TyposquatTechnique } from '../../typosquat/typosquat-detector.js';

const detectors = new Map<Ecosystem, TyposquatDetector | null>();

/** The detector over the bundled snapshot of an ecosystem, built once per process; `undefined` without a snapshot. */
export function bundledDetector(ecosystem: Ecosystem): TyposquatDetector | undefined {
  if (!detectors.has(ecosystem)) {
    const snapshot = loadBundledSnapshot(ecosystem);
    detectors.set(ecosystem, snapshot ? new TyposquatDetector(snapshot) : null);
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
 * The `typosquat` rule: a new name that imitates a popular one. Needs no registry: the bundled popularity snapshot
 * drives it, so it runs offline too. In PR mode only added packages are judged (an upgrade keeps a name that was
 * accepted before); `ignore` lists names never to flag.
 */
export function judgeTyposquat({ pkg, change, mode, options }: RuleInput<TyposquatOptions>): RuleResult {
  if (pkg.source.kind !== 'registry') return { findings: [] };
  if (mode === 'pr' && change !== undefined && change.type !== 'added') return { findings: [] };
  const detector = bundledDetector(pkg.ecosystem);
  if (!detector) return { notEvaluated: `no popularity snapshot for ${pkg.ecosystem} ships with lockwarden` };
  const ignored = new Set(options.ignore.map((n) => canonicalName(pkg.ecosystem, n)));
  if (ignored.has(canonicalName(pkg.ecosystem, pkg.name))) return { findings: [] };
  const match = detector.check(pkg.name);
  if (!match || ignored.has(match.target)) return { findings: [] };
  const popularity = match.targetDownloads !== undefined
    ? `${match.targetDownloads.toLocaleString('en-US')} downloads a month`
    : `rank ${match.targetRank} by downloads`;
  return {
    findings: [
      {
        severity: 'high',
        message: `name imitates the popular package ${match.target} (${TECHNIQUE_TEXT[match.technique]}; ${popularity})`,
        remedy: `did you mean \`${match.target}\`?`,
        evidence: { ...match },
      },
    ],
  };
}
