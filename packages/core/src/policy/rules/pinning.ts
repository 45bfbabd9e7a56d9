import type { Action } from '../../findings/finding.js';
import type { ReferenceKind } from '../../model/package.js';
import type { FindingDraft, RuleModule } from './rule.js';

const KIND_OPTION: Partial<Record<ReferenceKind, 'models' | 'actions' | 'images' | 'includes'>> = {
  model: 'models',
  dataset: 'models',
  action: 'actions',
  'reusable-workflow': 'actions',
  image: 'images',
  include: 'includes',
};

const WHAT: Record<string, { noun: string; pin: string }> = {
  models: { noun: 'model', pin: 'pass revision="<40-hex commit>"' },
  actions: { noun: 'action', pin: 'pin it to the full 40-hex commit SHA of the release (keep the tag in a comment)' },
  images: { noun: 'image', pin: 'pin it by digest (image:tag@sha256:...)' },
  includes: { noun: 'include', pin: 'set ref: to the full 40-hex commit SHA' },
};

/**
 * References to mutable content: a model without a commit `revision`, an action or include on a tag or branch, an
 * image without a digest. Whoever controls the tag controls what runs (the tj-actions/changed-files compromise
 * moved tags to a malicious commit).
 */
export const pinningRule: RuleModule<'pinning'> = {
  id: 'pinning',
  description: 'Models, actions, images and CI includes pinned to immutable content (commit SHA or digest).',
  data: 'lockfile',
  defaults: { action: 'warn', models: 'warn', actions: 'warn', images: 'warn', includes: 'warn' },
  evaluate({ pkg, options, change }) {
    const ref = pkg.reference;
    const option = ref ? KIND_OPTION[ref.kind] : undefined;
    if (!ref || !option || ref.pinned) return { findings: [] };
    const action: Action = options[option];
    const what = WHAT[option] as { noun: string; pin: string };
    const finding: FindingDraft = {
      action,
      severity: option === 'actions' ? 'high' : 'moderate',
      // In a PR the reviewer needs to know the change brings it in: "adds model X unpinned".
      message: `${change?.type === 'added' ? `adds ${what.noun} ${pkg.name} unpinned` : `${what.noun} ${pkg.name} is unpinned`}: ${
        ref.ref ? `"${ref.ref}" can be moved to other content` : 'no revision, so whatever the default branch holds is used'
      }`,
      remedy: what.pin,
      evidence: { kind: ref.kind, via: ref.via, ...(ref.ref ? { ref: ref.ref } : {}) },
    };
    return { findings: [finding] };
  },
};
