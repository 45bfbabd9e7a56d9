import { packageKey } from '../../model/package.js';
import type { FindingDraft, RuleModule } from './rule.js';

/**
 * Pickle-based model weights execute code on load. A committed pickle whose opcodes import a dangerous callable
 * (os.system, builtins.exec, subprocess ...) is blocked; imports outside the safe list get `unknown-import`; a
 * file the scanner could not read fully is not evaluated. Hub repositories that ship only pickle weights (no
 * safetensors) get `pickle-only`.
 */
export const modelFormatRule: RuleModule<'model-format'> = {
  id: 'model-format',
  description: 'Pickle model files with dangerous imports, and Hub models that ship only pickle weights.',
  data: 'lockfile',
  defaults: { action: 'block', 'unknown-import': 'warn', 'pickle-only': 'warn' },
  evaluate({ pkg, options, enrichment }) {
    const ref = pkg.reference;
    if (!ref) return { findings: [] };
    if (ref.kind === 'model-file') {
      const scan = ref.scan;
      if (!scan) return { findings: [] };
      const findings: FindingDraft[] = [];
      const dangerous = scan.imports.filter((i) => i.verdict === 'dangerous');
      const unknown = scan.imports.filter((i) => i.verdict === 'unknown');
      const names = (list: typeof dangerous): string[] => list.map((i) => `${i.member ? `${i.member}: ` : ''}${i.module}.${i.name}`);
      if (dangerous.length > 0) {
        findings.push({
          severity: 'critical',
          message: `${scan.format} file calls ${names(dangerous).join(', ')} when loaded`,
          remedy: 'do not load this file; convert trusted weights to safetensors',
          evidence: { format: scan.format, callables: names(dangerous) },
        });
      }
      if (unknown.length > 0) {
        findings.push({
          action: options['unknown-import'],
          severity: 'moderate',
          message: `${scan.format} file imports callables outside the safe list: ${names(unknown).join(', ')}`,
          remedy: 'check what these callables do, or convert the weights to safetensors',
          evidence: { format: scan.format, callables: names(unknown) },
        });
      }
      if (findings.length === 0 && scan.error && scan.executable) return { notEvaluated: `${pkg.name}: ${scan.error}` };
      return { findings };
    }
    if (ref.kind !== 'model') return { findings: [] };
    const registry = enrichment.registry;
    if (!registry) return { notEvaluated: 'no Hub data' };
    const hub = registry.byPackage.get(packageKey(pkg))?.hub;
    if (!hub) return { findings: [] };
    if (!hub.pickleOnly) return { findings: [] };
    return {
      findings: [
        {
          action: options['pickle-only'],
          severity: 'moderate',
          message: `model ${pkg.name} ships weights only as pickle files, which run code on load`,
          remedy: 'use a revision with safetensors weights, or load with weights_only=True',
          evidence: { files: hub.files.filter((f) => /\.(?:bin|pt|pth|pkl|ckpt)$/.test(f)).slice(0, 10) },
        },
      ],
    };
  },
};
