import type { Package } from '../../model/package.js';
import type { Action, Severity } from '../../findings/finding.js';
import type { Enrichment } from '../enrichment.js';
import type { RuleId, RuleOptionsMap } from '../types.js';

/** How a package entered the judgement: PR mode passes the change, audit mode passes none. */
export interface PackageChange {
  type: 'added' | 'upgraded' | 'downgraded';
  /** The version before, for upgrades and downgrades. */
  before?: string;
  /** For `added`: another version of the name was already in the base lockfile, so the name itself is not new. */
  nameInBase?: boolean;
}

/** Everything a rule sees about one package. Rules are pure: no I/O, `now` instead of the clock. */
export interface RuleInput<O> {
  pkg: Package;
  /** True when every scope of the package is a development scope. */
  devOnly: boolean;
  change?: PackageChange;
  mode: 'pr' | 'audit';
  options: O;
  enrichment: Enrichment;
  now: Date;
}

/** A finding without the parts the engine fills in from the package (ecosystem, name, version, purl, location). */
export interface FindingDraft {
  /** Defaults to the rule's configured `action`; sub-checks (e.g. `source.git`) set their own. */
  action?: Action;
  severity: Severity;
  message: string;
  advisories?: string[];
  fixed?: string;
  remedy?: string;
  evidence?: Record<string, unknown>;
}

/** What a rule says about one package: findings, or that it could not judge it and why. */
export type RuleResult = { findings: FindingDraft[] } | { notEvaluated: string };

/** Which enrichment a rule reads; the engine turns a failed source into `error` for the rules that need it. */
export type RuleData = 'lockfile' | 'advisories' | 'registry';

/**
 * One policy rule. Adding a rule means adding a module under `rules/`, listing it in `rules/index.ts`, and
 * declaring its options in `policies/schema.json` and docs/policy.md; the engine needs no change.
 */
export interface RuleModule<K extends RuleId = RuleId> {
  id: K;
  /** One line for docs and reports. */
  description: string;
  data: RuleData;
  /** Options used where the policy says nothing; `action` is the default action. */
  defaults: RuleOptionsMap[K];
  /** Judges one package. Only called when the effective action is not `off`. */
  evaluate(input: RuleInput<RuleOptionsMap[K]>): RuleResult;
}

/** Shorthand for rules that found nothing. */
export const NO_FINDINGS: RuleResult = { findings: [] };
