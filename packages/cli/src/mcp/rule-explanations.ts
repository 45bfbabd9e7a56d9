import type { RuleId } from '@lockwarden/core';

/** What a rule's finding means for the person or agent holding it, and how to resolve it. */
export interface RuleExplanation {
  meaning: string;
  fix: string;
}

/**
 * One entry per rule (a test checks the keys against the rule registry). Written for an agent deciding what to do
 * next, so each `fix` names an action it can take.
 */
export const RULE_EXPLANATIONS: Record<RuleId, RuleExplanation> = {
  vulnerability: {
    meaning: 'The version is affected by a known vulnerability (an OSV advisory) at or above the policy severity.',
    fix: 'Upgrade to the fixed version the finding names (or the safeVersion vet_packages reports). If no fix exists and the risk is accepted, add a policy exception with an expiry.',
  },
  malware: {
    meaning: 'The version is reported as malicious (an OSV MAL- record): installing it runs or ships attacker code.',
    fix: 'Do not install it. Remove it everywhere, rotate credentials on machines that installed it, and pick another package.',
  },
  license: {
    meaning: "The package's declared license is outside the policy's allow-list, on its deny-list, or unknown.",
    fix: 'Choose a package under an allowed license, or ask the policy owner for an exception.',
  },
  source: {
    meaning: 'The package comes from somewhere the policy does not trust: an unlisted registry, git, a tarball URL, plain http, or without an integrity hash.',
    fix: 'Install it from an allowed registry over https with an integrity hash in the lockfile.',
  },
  deny: {
    meaning: "The package (or version range) is on the policy's deny list.",
    fix: 'Use an alternative; the deny entry usually names why in the policy file.',
  },
  allow: {
    meaning: "Allow-list mode: the package matches none of the policy's vetted packages.",
    fix: 'Use a vetted package, or ask for this one to be added to the allow list.',
  },
  'install-scripts': {
    meaning: 'The package runs install scripts (preinstall/install/postinstall) on every machine that installs it, the usual payload of a malicious release.',
    fix: 'Prefer a package without install scripts, or install with scripts disabled; allow it in the policy only after review.',
  },
  nonexistent: {
    meaning: 'The registry has no package of this name (or no such version): often a name a coding assistant made up, which attackers pre-register.',
    fix: 'Check the name against the project documentation; did you mean a similarly named popular package? Pin a published version.',
  },
  typosquat: {
    meaning: 'The name imitates a popular package (a letter changed, added, swapped, a confusable scope): a common way to slip malware in.',
    fix: 'Use the popular package the finding names (didYouMean). If the look-alike is really intended, add it to the rule\'s ignore list.',
  },
  'release-age': {
    meaning: 'The version was published more recently than the policy\'s cooldown (release-age min-days); malicious releases are usually caught within hours or days.',
    fix: 'Pin the previous version (the safeVersion) and upgrade after the cooldown, or approve the quarantine after reviewing the release.',
  },
  popularity: {
    meaning: 'A young, unpopular, thin package: what a pre-registered hallucinated name looks like.',
    fix: 'Confirm the package is the one you mean (its repository, its maintainers); prefer an established alternative.',
  },
  provenance: {
    meaning: 'The version has weaker publishing evidence (provenance, trusted publishing) than earlier versions, or its attested repository changed: a sign of a hijacked account.',
    fix: 'Stay on the previous version (safeVersion) until the maintainers confirm the release.',
  },
  deprecated: {
    meaning: 'The version is deprecated (npm) or yanked (PyPI, crates.io) by its maintainers.',
    fix: 'Move to a supported version; the deprecation message usually names it.',
  },
  pinning: {
    meaning: 'A model, GitHub Action, container image or CI include is referenced by a name that can move (a branch, a tag), so what runs can change under the build.',
    fix: 'Pin it: a 40-hex commit for models (revision=), actions and includes; an @sha256: digest for images. Keep the tag as a comment.',
  },
  'model-format': {
    meaning: 'A model file is a pickle (or a repository offers only pickles): loading it can run code; the scanner names any dangerous import it found.',
    fix: 'Use safetensors (or GGUF/ONNX) weights; never load a pickle whose scan reports imports such as os.system or subprocess.',
  },
  'trust-remote-code': {
    meaning: 'The code loads a model with trust_remote_code=True, which runs Python from the model repository.',
    fix: 'Drop trust_remote_code, or pin the model to a reviewed commit (revision=) so the code cannot change.',
  },
  'model-license': {
    meaning: "The model's license (from the Hub's model card) is outside the policy's allow-list, on its deny-list, or unknown.",
    fix: 'Choose a model under an allowed license, or ask the policy owner for an exception.',
  },
};
