import type { RuleModule } from './rule.js';
import { licenseRule } from './license.js';

/**
 * The license rule for Hugging Face models and datasets (license from the Hub's `cardData`), with its own lists:
 * model licenses (openrail, llama3, cc-by-nc-4.0 ...) are rarely the ones a package allow-list names.
 */
export const modelLicenseRule: RuleModule<'model-license'> = {
  id: 'model-license',
  description: 'Hub model and dataset licenses (cardData.license) against an allow or deny list.',
  data: 'registry',
  defaults: { action: 'warn', unknown: 'warn' },
  evaluate(input) {
    const kind = input.pkg.reference?.kind;
    if (kind !== 'model' && kind !== 'dataset') return { findings: [] };
    if (!input.enrichment.registry) return { notEvaluated: 'no Hub data' };
    return licenseRule.evaluate({ ...input, pkg: { ...input.pkg, reference: undefined } } as Parameters<typeof licenseRule.evaluate>[0]);
  },
};
