import type { RuleId } from '../types.js';
import type { RuleModule } from './rule.js';
import { vulnerabilityRule } from './vulnerability.js';
import { malwareRule } from './malware.js';
import { licenseRule } from './license.js';
import { sourceRule } from './source.js';
import { denyRule } from './deny.js';
import { allowRule } from './allow.js';
import { installScriptsRule } from './install-scripts.js';
import { nonexistentRule } from './nonexistent.js';
import { typosquatRule } from './typosquat.js';
import { releaseAgeRule } from './release-age.js';
import { popularityRule } from './popularity.js';
import { provenanceRule } from './provenance.js';
import { deprecatedRule } from './deprecated.js';
import { pinningRule } from './pinning.js';
import { modelFormatRule } from './model-format.js';
import { trustRemoteCodeRule } from './trust-remote-code.js';
import { modelLicenseRule } from './model-license.js';

/**
 * Every rule, in report order. A test checks this map against `policies/schema.json` and docs/policy.md, so a
 * rule cannot exist in one and not the others.
 */
export const RULES: { readonly [K in RuleId]: RuleModule<K> } = {
  malware: malwareRule,
  vulnerability: vulnerabilityRule,
  nonexistent: nonexistentRule,
  typosquat: typosquatRule,
  deny: denyRule,
  allow: allowRule,
  source: sourceRule,
  'release-age': releaseAgeRule,
  popularity: popularityRule,
  provenance: provenanceRule,
  'install-scripts': installScriptsRule,
  license: licenseRule,
  deprecated: deprecatedRule,
  pinning: pinningRule,
  'model-format': modelFormatRule,
  'trust-remote-code': trustRemoteCodeRule,
  'model-license': modelLicenseRule,
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

export type { RuleModule, RuleInput, RuleResult, FindingDraft, PackageChange, RuleData } from './rule.js';
export { registryMetadata } from './registry-data.js';
