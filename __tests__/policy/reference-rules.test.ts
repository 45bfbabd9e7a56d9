import { describe, expect, it } from 'vitest';
import { evaluate, hubPackage, imagePackage, packageKey, policyFromText, usesPackage, type Package, type RegistryMetadata } from '@lockwarden/core';

const NOW = new Date('2026-11-21T12:00:00Z');
const SHA = '0123456789abcdef0123456789abcdef01234567';

/** Audit-mode evaluation of some references under a policy, with optional registry data. */
function audit(yaml: string, pkgs: Package[], registry?: Array<[Package, RegistryMetadata]>) {
  const { policy } = policyFromText(yaml);
  return evaluate({
    mode: 'audit',
    inventories: [{ lockfile: 'x', format: 'x', ecosystem: 'Hugging Face', packages: pkgs, projects: [] }],
    enrichment: registry ? { registry: { byPackage: new Map(registry.map(([p, m]) => [packageKey(p), m])), source: 'test hub' } } : {},
    policy,
    now: NOW,
  });
}
const model = (id: string, extra: { revision?: string; trust?: boolean } = {}) =>
  hubPackage({ id, kind: 'model', file: 'app.py', line: 3, via: 'from_pretrained', ...(extra.revision ? { revision: extra.revision } : {}), ...(extra.trust ? { trustRemoteCode: true } : {}) });

describe('pinning', () => {
  it('takes its action per kind and leaves pinned references alone', () => {
    const pkgs = [
      model('acme/loose'),
      model('acme/tight', { revision: SHA }),
      usesPackage('actions/checkout@v4', '.github/workflows/ci.yml', 7)!,
      imagePackage('node:20', 'Dockerfile', 1, 'FROM')!,
    ];
    const d = audit('extends: [lockwarden:baseline]\nrules:\n  pinning: { images: off }\n', pkgs);
    expect(d.findings.filter((f) => f.rule === 'pinning').map((f) => `${f.action} ${f.name}`)).toEqual(['quarantine actions/checkout', 'warn acme/loose']);
  });

  it('calls a branch revision unpinned and names it', () => {
    const d = audit('rules:\n  pinning: { action: block, models: block }\n', [model('acme/m', { revision: 'main' })]);
    expect(d.findings[0]?.message).toBe('model acme/m is unpinned: "main" can be moved to other content');
    expect(d.findings[0]?.location).toEqual({ file: 'app.py', line: 3 });
  });
});

describe('trust-remote-code', () => {
  it('warns, high when the model is also unpinned', () => {
    const d = audit('rules:\n  trust-remote-code: { action: warn }\n  pinning: { action: off, models: off, actions: off, images: off, includes: off }\n', [
      model('acme/a', { trust: true }),
      model('acme/b', { trust: true, revision: SHA }),
      model('acme/c'),
    ]);
    expect(d.findings.map((f) => `${f.rule} ${f.severity} ${f.name}`).sort()).toEqual(['trust-remote-code high acme/a', 'trust-remote-code moderate acme/b']);
  });
});

describe('model-format and model-license with Hub data', () => {
  const hubFacts = (pickleOnly: boolean) => ({ kind: 'model' as const, gated: false as const, files: pickleOnly ? ['pytorch_model.bin'] : ['model.safetensors'], pickleOnly });
  it('warns for a pickle-only repository, and judges the card license against the allow-list', () => {
    const a = model('acme/pickle', { revision: SHA });
    const b = model('acme/safe', { revision: SHA });
    const d = audit('rules:\n  model-format: { action: block, pickle-only: warn }\n  model-license: { action: block, allow: [Apache-2.0] }\n', [a, b], [
      [a, { exists: true, hub: hubFacts(true), license: 'Apache-2.0', publishedAt: '2024-01-01T00:00:00Z' }],
      [b, { exists: true, hub: hubFacts(false), license: 'CC-BY-NC-4.0', publishedAt: '2024-01-01T00:00:00Z' }],
    ]);
    expect(d.findings.map((f) => `${f.rule} ${f.action} ${f.name}`).sort()).toEqual(['model-format warn acme/pickle', 'model-license block acme/safe']);
  });

  it('is not evaluated without Hub data, never a finding', () => {
    const d = audit('rules:\n  model-license: { action: block, allow: [MIT] }\n  pinning: { action: off, models: off, actions: off, images: off, includes: off }\n', [model('acme/x', { revision: SHA })]);
    expect(d.findings).toEqual([]);
    expect(d.notEvaluated.map((n) => n.rule)).toContain('model-license');
  });
});
