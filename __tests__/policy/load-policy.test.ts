import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BUILTIN_PACKS, loadPolicy, loadPolicyLazily, parsePolicyDocument, POLICY_SCHEMA, policyFromText, RULE_IDS, RULES, ParseError } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
// @ts-expect-error -- a plain .mjs build script without types
import { render } from '../../scripts/generate/policy-packs.mjs';

function policyError(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).code).toBe('POLICY_ERROR');
    return err as ParseError;
  }
  throw new Error('expected a policy error');
}

function tempRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockwarden-policy-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('shipped policies', () => {
  const shipped = [
    ...readdirSync(join(REPO_ROOT, 'policies')).filter((f) => f.endsWith('.yml')),
    ...readdirSync(join(REPO_ROOT, 'policies', 'examples')).map((f) => `examples/${f}`),
  ];

  it('ships the packs and examples the docs promise', () => {
    expect(shipped.sort()).toEqual([
      'baseline.yml',
      'examples/ai-assistant-guardrails.yml',
      'examples/copyleft-deny.yml',
      'examples/internal-registry-only.yml',
      'strict.yml',
    ]);
  });

  it.each(shipped)('%s validates against the schema and loads with its extends', (file) => {
    const { policy, warnings } = loadPolicy({ root: join(REPO_ROOT, 'policies'), file });
    expect(warnings).toEqual([]);
    expect(policy.sources[policy.sources.length - 1]).toBe(file);
  });

  it('the embedded schema and packs equal policies/ (run `npm run build` after editing policies/)', () => {
    const generated = readFileSync(join(REPO_ROOT, 'packages/core/generated/policy-packs.js'), 'utf8');
    expect(generated).toBe(render());
    expect(POLICY_SCHEMA).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, 'policies/schema.json'), 'utf8')));
    expect([...BUILTIN_PACKS.keys()]).toEqual(['lockwarden:baseline', 'lockwarden:strict']);
  });

  it('each built-in pack, parsed at build time, is the document its YAML parses to (so runs on a pack load no YAML library)', () => {
    for (const [name, pack] of BUILTIN_PACKS) {
      expect(pack.doc, name).toEqual(JSON.parse(JSON.stringify(parsePolicyDocument(pack.text, name))));
    }
  });

  it('loadPolicyLazily gives what loadPolicy gives, with and without a policy file', async () => {
    const bare = tempRepo({});
    expect(await loadPolicyLazily({ root: bare })).toEqual(loadPolicy({ root: bare }));
    const own = tempRepo({ 'lockwarden.yml': 'extends: [lockwarden:strict]\nrules:\n  typosquat: { action: block }\n' });
    const lazy = await loadPolicyLazily({ root: own });
    expect(lazy).toEqual(loadPolicy({ root: own }));
    expect(lazy.policy.sources).toEqual(['lockwarden:baseline', 'lockwarden:strict', 'lockwarden.yml']);
  });

  it('the baseline blocks malware, critical/high fixable vulnerabilities and nonexistent names; quarantines typosquats and young releases; warns on install scripts and unknown licenses', () => {
    const { policy } = loadPolicy({ root: tempRepo({}) });
    expect(policy.sources).toEqual(['lockwarden:baseline']);
    expect(policy.rules.malware?.action).toBe('block');
    expect(policy.rules.vulnerability).toMatchObject({ action: 'block', 'min-severity': 'high', 'fixable-only': true });
    expect(policy.rules.nonexistent?.action).toBe('block');
    expect(policy.rules.typosquat?.action).toBe('quarantine');
    expect(policy.rules['release-age']).toMatchObject({ action: 'quarantine', 'min-days': 3 });
    expect(policy.rules['install-scripts']?.action).toBe('warn');
    expect(policy.rules.license?.unknown).toBe('warn');
  });
});

describe('schema, rule modules and docs agree', () => {
  const ruleSchemas = (POLICY_SCHEMA as { definitions: { rules: { properties: Record<string, { properties: Record<string, unknown> }> } } })
    .definitions.rules.properties;

  it('every rule module is declared in the schema and the other way round', () => {
    expect(Object.keys(ruleSchemas).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS)('the defaults of %s are valid policy options and name every option the schema declares', (id) => {
    const defaults = RULES[id].defaults as unknown as Record<string, unknown>;
    expect(() => parsePolicyDocument(stringify({ rules: { [id]: defaults } }), 'defaults.yml')).not.toThrow();
    const declared = Object.keys(ruleSchemas[id]!.properties).filter((k) => !((id === 'license' || id === 'model-license') && (k === 'allow' || k === 'deny')));
    expect(Object.keys(defaults).sort()).toEqual(declared.sort());
  });

  it('docs/policy.md has a section for every rule', () => {
    const docs = readFileSync(join(REPO_ROOT, 'docs/policy.md'), 'utf8');
    for (const id of RULE_IDS) expect(docs).toContain(`### \`${id}\``);
  });
});

describe('policy errors name file:line and the offending key', () => {
  it('unknown keys', () => {
    const err = policyError(() => parsePolicyDocument('rules:\n  licence: { action: block }\n', 'lockwarden.yml'));
    expect(err.line).toBe(2);
    expect(err.column).toBe(3);
    expect(err.message).toMatch(/^lockwarden\.yml:2:3: invalid policy: rules\.licence: unknown key "licence" \(expected one of: vulnerability, malware, license,/);
  });

  it('bad actions, with every problem listed', () => {
    const err = policyError(() =>
      parsePolicyDocument('rules:\n  malware: { action: blok }\n  deny:\n    action: warn\n    packages: [lodash]\n', 'p.yml'),
    );
    expect(err.message).toBe(
      'p.yml:2:22: invalid policy: rules.malware.action: "blok" is not one of: block, quarantine, warn, info, off\n' +
        '  p.yml:5:16: rules.deny.packages.0: "lodash" is not a purl pattern (pkg:TYPE/NAME[@VERSION])',
    );
  });

  it('exceptions need a reason and an expiry date that exists', () => {
    const noReason = policyError(() => parsePolicyDocument('exceptions:\n  - package: pkg:npm/lodash\n    expires: 2027-01-01\n', 'p.yml'));
    expect(noReason.message).toBe('p.yml:2:5: invalid policy: exceptions.0: missing required key "reason": every exception says why the finding is accepted');
    const noExpiry = policyError(() => parsePolicyDocument('exceptions:\n  - package: pkg:npm/lodash\n    reason: ok\n', 'p.yml'));
    expect(noExpiry.message).toMatch(/exceptions\.0: missing required key "expires"/);
    const blank = policyError(() => parsePolicyDocument('exceptions:\n  - package: pkg:npm/lodash\n    reason: "  "\n    expires: 2027-01-01\n', 'p.yml'));
    expect(blank.message).toBe('p.yml:3:13: invalid policy: exceptions.0.reason: must not be blank');
    const badDate = policyError(() => parsePolicyDocument('exceptions:\n  - package: pkg:npm/lodash\n    reason: ok\n    expires: 2027-02-30\n', 'p.yml'));
    expect(badDate.message).toBe('p.yml:4:14: invalid policy: exceptions.0.expires: "2027-02-30" is not a real date');
    const notDate = policyError(() => parsePolicyDocument('exceptions:\n  - package: pkg:npm/lodash\n    reason: ok\n    expires: next year\n', 'p.yml'));
    expect(notDate.line).toBe(4);
    const badRule = policyError(() => parsePolicyDocument('exceptions:\n  - package: pkg:npm/lodash\n    rule: vulns\n    reason: ok\n    expires: 2027-01-01\n', 'p.yml'));
    expect(badRule.message).toBe('p.yml:3:11: invalid policy: exceptions.0.rule: unknown rule "vulns"');
  });

  it('license lists: SPDX ids only, and not allow and deny together', () => {
    const both = policyError(() => parsePolicyDocument('rules:\n  license: { allow: [MIT], deny: [GPL-3.0-only] }\n', 'p.yml'));
    expect(both.message).toMatch(/^p\.yml:2:12: invalid policy: rules\.license: set either allow or deny, not both/);
    const compound = policyError(() => parsePolicyDocument('rules:\n  license: { allow: [MIT OR ISC] }\n', 'p.yml'));
    expect(compound.message).toBe('p.yml:2:22: invalid policy: rules.license.allow.0: "MIT OR ISC" is a compound expression; list licenses one by one');
  });

  it('YAML syntax errors and alias bombs are parse errors, not hangs', () => {
    expect(() => parsePolicyDocument('rules: [\n', 'p.yml')).toThrow(/^p\.yml:2:1: invalid YAML/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${`*${'abcdefghi'[i]}, `.repeat(9).slice(0, -2)}]`)].join('\n');
    expect(() => parsePolicyDocument(bomb, 'p.yml')).toThrow(ParseError);
  });

  it('__proto__ keys are dropped with a warning and pollute nothing', () => {
    const warnings: string[] = [];
    const doc = parsePolicyDocument('__proto__: { polluted: true }\nrules:\n  malware: { action: block, constructor: 1 }\n', 'p.yml', warnings);
    expect(warnings).toEqual(['p.yml:1: ignored key "__proto__"', 'p.yml:3: ignored key "constructor"']);
    expect(doc.rules?.malware).toEqual({ action: 'block' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('finding and extending policies', () => {
  it('finds .github/lockwarden.yml before lockwarden.yml; later layers override earlier ones', () => {
    const root = tempRepo({
      '.github/lockwarden.yml': 'extends: [lockwarden:strict, ./team.yml]\nrules:\n  release-age: { min-days: 10 }\n',
      '.github/team.yml': 'rules:\n  release-age: { min-days: 5, unknown: warn }\n  license: { deny: [AGPL-3.0-only] }\nexceptions:\n  - { package: "pkg:npm/a", reason: r, expires: 2030-01-01 }\n',
      'lockwarden.yml': 'rules: { malware: { action: off } }\n',
    });
    const { policy, file } = loadPolicy({ root });
    expect(file).toBe('.github/lockwarden.yml');
    expect(policy.sources).toEqual(['lockwarden:baseline', 'lockwarden:strict', './team.yml', '.github/lockwarden.yml']);
    expect(policy.rules['release-age']).toEqual({ action: 'quarantine', 'min-days': 10, unknown: 'warn' });
    // team.yml's deny-list replaces strict's allow-list instead of clashing with it.
    expect(policy.rules.license).toEqual({ action: 'block', deny: ['AGPL-3.0-only'], unknown: 'quarantine' });
    expect(policy.exceptions.map((e) => e.origin)).toEqual(['./team.yml:5']);
    expect(policy.rules.malware?.action).toBe('block');
  });

  it('--policy picks a file; cycles, missing files and unknown packs are policy errors', () => {
    const root = tempRepo({
      'a.yml': 'extends: ./b.yml\n',
      'b.yml': 'extends: [./a.yml]\n',
      'c.yml': 'extends: lockwarden:lenient\n',
      'd.yml': 'extends: ./missing.yml\n',
    });
    expect(() => loadPolicy({ root, file: 'a.yml' })).toThrow(/extends cycle: .*a\.yml -> .*b\.yml -> .*a\.yml/);
    expect(() => loadPolicy({ root, file: 'c.yml' })).toThrow('unknown built-in policy "lockwarden:lenient" (known: lockwarden:baseline, lockwarden:strict)');
    expect(() => loadPolicy({ root, file: 'd.yml' })).toThrow(/d\.yml: extends "\.\/missing\.yml": file not found/);
    expect(() => loadPolicy({ root, file: 'nope.yml' })).toThrow('policy file nope.yml not found');
  });

  it('policyFromText accepts packs but not relative files', () => {
    expect(policyFromText('extends: lockwarden:strict').policy.sources).toEqual(['lockwarden:baseline', 'lockwarden:strict', 'policy.yml']);
    expect(() => policyFromText('extends: ./x.yml')).toThrow(/only built-in packs/);
  });
});
