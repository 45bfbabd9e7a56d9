import { packageKey } from '../../model/package.js';
import type { RuleModule } from './rule.js';
import { compilePatterns, firstMatch } from './pattern-list.js';

/** npm packages whose install scripts run on every `npm install`: the usual payload of a malicious release. */
export const installScriptsRule: RuleModule<'install-scripts'> = {
  id: 'install-scripts',
  description: 'npm packages that run install scripts.',
  data: 'lockfile',
  defaults: { action: 'warn', allow: [] },
  evaluate({ pkg, options, enrichment }) {
    if (pkg.ecosystem !== 'npm') return { findings: [] };
    const runs = pkg.hasInstallScript ?? enrichment.registry?.byPackage.get(packageKey(pkg))?.hasInstallScript;
    if (!runs) return { findings: [] };
    if (firstMatch(compilePatterns(options.allow), pkg, false)) return { findings: [] };
    return {
      findings: [
        {
          severity: 'moderate',
          message: 'runs install scripts (preinstall/install/postinstall) on npm install',
          remedy: 'review the scripts, add the package to install-scripts.allow, or install with --ignore-scripts',
        },
      ],
    };
  },
};
