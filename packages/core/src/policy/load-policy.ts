import { parsePolicyDocument } from './parse-policy-document.js';
import { findPolicyFile, resolvePolicy, resolvePolicyText, type LoadedPolicy, type LoadPolicyOptions } from './resolve-policy.js';

export {
  DEFAULT_PACK,
  MAX_POLICY_BYTES,
  POLICY_FILE_NAMES,
  loadPolicyLazily,
  type LoadedPolicy,
  type LoadPolicyOptions,
} from './resolve-policy.js';
export { parsePolicyDocument } from './parse-policy-document.js';

/**
 * Finds, parses, validates and merges the policy: the explicit file, else `.github/lockwarden.yml` or
 * `lockwarden.yml`, else the baseline pack. Throws a `ParseError` with code POLICY_ERROR naming file:line and the
 * offending key for anything wrong with a policy file. (Commands use `loadPolicyLazily`, which loads the YAML
 * library only when there is a file to read.)
 */
export function loadPolicy(options: LoadPolicyOptions): LoadedPolicy {
  return resolvePolicy(options, findPolicyFile(options), parsePolicyDocument);
}

/** Builds a policy from policy text alone (no relative `extends`): for `vet`, tests and the Action's inline input. */
export function policyFromText(text: string, display = 'policy.yml'): LoadedPolicy {
  return resolvePolicyText(text, display, parsePolicyDocument);
}
