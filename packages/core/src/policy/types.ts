import type { Action, Severity } from '../findings/finding.js';

/** Options every rule takes. */
export interface BaseRuleOptions {
  action: Action;
}

export interface VulnerabilityOptions extends BaseRuleOptions {
  'min-severity': Severity;
  'fixable-only': boolean;
  'include-unknown-severity': boolean;
  scopes: Array<'runtime' | 'dev'>;
  ignore: string[];
  undetermined: Action;
}

export interface LicenseOptions extends BaseRuleOptions {
  allow?: string[];
  deny?: string[];
  unknown: Action;
}

export interface SourceOptions extends BaseRuleOptions {
  registries: string[];
  'unknown-registry': Action;
  git: Action;
  tarball: Action;
  file: Action;
  http: Action;
  'missing-integrity': Action;
}

export interface PackageListOptions extends BaseRuleOptions {
  packages: string[];
}

export interface AllowOptions extends PackageListOptions {
  'direct-only': boolean;
}

export interface InstallScriptsOptions extends BaseRuleOptions {
  allow: string[];
}

export interface TyposquatOptions extends BaseRuleOptions {
  ignore: string[];
}

export interface ReleaseAgeOptions extends BaseRuleOptions {
  'min-days': number;
  unknown: Action;
}

export interface PopularityOptions extends BaseRuleOptions {
  'max-age-days': number;
  'min-downloads': number;
}

export interface ProvenanceOptions extends BaseRuleOptions {
  'repository-change': Action;
}

export interface PinningOptions extends BaseRuleOptions {
  models: Action;
  actions: Action;
  images: Action;
  includes: Action;
}

export interface ModelFormatOptions extends BaseRuleOptions {
  'unknown-import': Action;
  'pickle-only': Action;
}

export interface ModelLicenseOptions extends BaseRuleOptions {
  allow?: string[];
  deny?: string[];
  unknown: Action;
}

/** Every rule's options by rule id; the schema's `definitions.rules` and the RULES map are checked against it. */
export interface RuleOptionsMap {
  vulnerability: VulnerabilityOptions;
  malware: BaseRuleOptions;
  license: LicenseOptions;
  source: SourceOptions;
  deny: PackageListOptions;
  allow: AllowOptions;
  'install-scripts': InstallScriptsOptions;
  nonexistent: BaseRuleOptions;
  typosquat: TyposquatOptions;
  'release-age': ReleaseAgeOptions;
  popularity: PopularityOptions;
  provenance: ProvenanceOptions;
  deprecated: BaseRuleOptions;
  pinning: PinningOptions;
  'model-format': ModelFormatOptions;
  'trust-remote-code': BaseRuleOptions;
  'model-license': ModelLicenseOptions;
}

export type RuleId = keyof RuleOptionsMap;

/** Rule settings as written in a policy file: any subset of any rule's options. */
export type RulesConfig = { [K in RuleId]?: Partial<RuleOptionsMap[K]> };

/** Fully resolved settings: every rule present with every option. */
export type ResolvedRules = { [K in RuleId]: RuleOptionsMap[K] };

/** An accepted finding, as written in the policy. */
export interface PolicyException {
  /** purl pattern (`pkg:npm/lodash@4.17.20`, `pkg:npm/@corp/*`). */
  package: string;
  rule?: string;
  /** Advisory id (any alias). */
  id?: string;
  reason: string;
  /** ISO date or date-time, as written. */
  expires: string;
  'approved-by'?: string;
  /** Where the exception was written, for reports: `file:line`. */
  origin?: string;
}

export interface PolicyOverride {
  paths: string[];
  rules: RulesConfig;
  origin?: string;
}

/** One policy file as written (after validation). */
export interface PolicyDocument {
  extends?: string | string[];
  'fail-open'?: boolean;
  /** Globs of lockfiles that discovery leaves out (added to the command line's `--exclude`). */
  exclude?: string[];
  rules?: RulesConfig;
  scopes?: { dev?: { rules: RulesConfig } };
  overrides?: PolicyOverride[];
  exceptions?: PolicyException[];
}

/** The effective policy after `extends` were merged; what `evaluate()` takes. */
export interface Policy {
  failOpen: boolean;
  /** Who set `failOpen` when not the policy files: the command line or the Action input (for the report's wording). */
  failOpenOrigin?: string;
  /** Lockfile globs discovery leaves out, from every layer. */
  exclude: string[];
  /** Rule settings as merged from the files, without defaults (defaults come from the rule modules). */
  rules: RulesConfig;
  devRules: RulesConfig;
  overrides: PolicyOverride[];
  exceptions: PolicyException[];
  /** Files and packs merged, in order of application (for reports). */
  sources: string[];
}
