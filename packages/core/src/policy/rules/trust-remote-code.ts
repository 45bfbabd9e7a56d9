import type { RuleModule } from './rule.js';

/** `trust_remote_code=True` runs the Python files of the model repository on load, at whatever revision is served. */
export const trustRemoteCodeRule: RuleModule<'trust-remote-code'> = {
  id: 'trust-remote-code',
  description: 'Models loaded with trust_remote_code=True, which runs the repository\'s own code.',
  data: 'lockfile',
  defaults: { action: 'warn' },
  evaluate({ pkg }) {
    const ref = pkg.reference;
    if (!ref?.trustRemoteCode) return { findings: [] };
    return {
      findings: [
        {
          severity: ref.pinned ? 'moderate' : 'high',
          message: `${pkg.name} is loaded with trust_remote_code=True${ref.pinned ? '' : ' and no pinned revision'}: its Python code runs on load`,
          remedy: ref.pinned ? 'review the repository code at this revision' : 'pin revision= to a reviewed commit, or drop trust_remote_code',
          evidence: { via: ref.via },
        },
      ],
    };
  },
};
