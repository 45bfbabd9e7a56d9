import { packageKey } from '../../model/package.js';
import type { RuleModule } from './rule.js';
import { licenseRule } from './license.js';

/**
 * The license rule for Hugging Face models and datasets (license from the Hub's `cardData`), with its own lists:
 * model licenses (openrail, llama3, cc-by-nc-4.0 ...) are rarely the ones a package allow-list names.
 */
export const modelLicenseRule: RuleModule<'model-license'> = {
  id: 'model-license',
  description: 'Hub model and dataset licenses (cardData.license) against an allow or deny list.',
  // Declared 'lockfile' on purpose: the engine fetches registry data for every package when a 'registry' rule is
  // on, and this rule alone must not make a policy without registry rules look up (or fail on) npm packages. It
  // reads the Hub data the registry rules fetched, and says "not evaluated" when there is none.
  data: 'lockfile',
  defaults: { action: 'warn', unknown: 'warn' },
  evaluate(input) {
    const kind = input.pkg.reference?.kind;
    if (kind !== 'model' && kind !== 'dataset') return { findings: [] };
    const registry = input.enrichment.registry;
    if (!registry) return { notEvaluated: 'no Hub data' };
    // A repository the Hub does not have is the nonexistent rule's finding, not a license question.
    if (registry.byPackage.get(packageKey(input.pkg))?.exists === false) return { findings: [] };
    return licenseRule.evaluate({ ...input, pkg: { ...input.pkg, reference: undefined } } as Parameters<typeof licenseRule.evaluate>[0]);
  },
};
