import type { ErrorObject } from 'ajv';
import { ParseError } from '../errors.js';
import { isRecord } from '../parse/json.js';
import { exceptionExpiry } from './exceptions.js';
// A build output (scripts/generate/): the schema compiled to code, so no Ajv compile runs here.
import { validate as validatePolicySchema } from '../../generated/policy-validator.js';
import { parsePurlPattern } from './purl-pattern.js';
import { checkLicenseListEntry } from './rules/license.js';
import { isRuleId } from './rules/index.js';
import type { PolicyDocument, RulesConfig } from './types.js';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where a path of the document is in its file (1-based), when the document came from text that was kept. */
export type PolicyLocator = (path: Path, at: 'key' | 'value') => { line: number; column: number } | undefined;

/**
 * Validates one policy document's value against policies/schema.json plus the checks a schema cannot express
 * (purl patterns, SPDX ids, real calendar dates), and drops `__proto__`-style keys with a warning. `locate` puts
 * file:line on messages; without it (the built-in packs, parsed at build time) messages name the file alone.
 */
export function checkPolicyValue(raw: unknown, file: string, warnings: string[], locate: PolicyLocator = () => undefined): PolicyDocument {
  const value = raw === undefined || raw === null ? {} : stripUnsafeKeys(raw, [], (path) => {
    const where = locate(path, 'key');
    warnings.push(`${file}${where ? `:${where.line}` : ''}: ignored key "${path[path.length - 1]}"`);
  });
  const problems: Problem[] = [];
  for (const err of pickErrors(validate(value))) problems.push(describeAjvError(err));
  if (problems.length === 0 && isRecord(value)) problems.push(...semanticProblems(value as PolicyDocument));
  if (problems.length > 0) {
    const lines = problems.map((p) => {
      const where = locate(p.path, p.at);
      const key = p.path.length ? `${p.path.join('.')}: ` : '';
      return { where, text: `${key}${p.message}` };
    });
    const first = lines[0]!;
    const more = lines
      .slice(1)
      .map((l) => `\n  ${file}${l.where ? `:${l.where.line}:${l.where.column}` : ''}: ${l.text}`)
      .join('');
    throw new ParseError(file, `invalid policy: ${first.text}${more}`, first.where ?? {}, { code: 'POLICY_ERROR' });
  }
  const docValue = value as PolicyDocument;
  for (const [i, e] of (docValue.exceptions ?? []).entries()) {
    const where = locate(['exceptions', i], 'value');
    e.origin = `${file}${where ? `:${where.line}` : ''}`;
  }
  for (const [i, o] of (docValue.overrides ?? []).entries()) {
    const where = locate(['overrides', i], 'value');
    o.origin = `${file}${where ? `:${where.line}` : ''}`;
  }
  return docValue;
}

function validate(value: unknown): ErrorObject[] {
  return validatePolicySchema(value) ? [] : [...(validatePolicySchema.errors ?? [])];
}

export type Path = Array<string | number>;

interface Problem {
  path: Path;
  message: string;
  /** Point at the key itself (unknown keys) or its value. */
  at: 'key' | 'value';
}

function stripUnsafeKeys(value: unknown, path: Path, onDrop: (path: Path) => void): unknown {
  if (Array.isArray(value)) return value.map((v, i) => stripUnsafeKeys(v, [...path, i], onDrop));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (UNSAFE_KEYS.has(key)) {
      onDrop([...path, key]);
      continue;
    }
    out[key] = stripUnsafeKeys(value[key], [...path, key], onDrop);
  }
  return out;
}

/** Ajv reports every branch of a `oneOf`; keep the errors a person can act on. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOfPaths.has(e.instancePath));
  const seen = new Set<string>();
  return kept
    .filter((e) => {
      const key = `${e.instancePath}\0${e.keyword}\0${JSON.stringify(e.params)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 10);
}

function toPath(instancePath: string): Path {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeAjvError(err: ErrorObject): Problem {
  const path = toPath(err.instancePath);
  const last = path[path.length - 1];
  const parent = err.parentSchema as { properties?: Record<string, unknown>; enum?: unknown[] } | undefined;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      const known = parent?.properties ? Object.keys(parent.properties).join(', ') : '';
      return { path: [...path, key], at: 'key', message: `unknown key "${key}"${known ? ` (expected one of: ${known})` : ''}` };
    }
    case 'required': {
      const key = String((err.params as { missingProperty: string }).missingProperty);
      return { path, at: 'value', message: `missing required key "${key}"${requiredHint(key)}` };
    }
    case 'enum':
      return {
        path,
        at: 'value',
        message: `${JSON.stringify(err.data)} is not one of: ${(parent?.enum ?? []).join(', ')}`,
      };
    case 'pattern':
      return { path, at: 'value', message: patternMessage(last, err.data) };
    case 'oneOf':
      return { path, at: 'value', message: 'must be a string or a list of strings' };
    case 'minLength':
      return { path, at: 'value', message: 'must not be empty' };
    default:
      return { path, at: 'value', message: err.message ?? `fails ${err.keyword}` };
  }
}

function requiredHint(key: string): string {
  if (key === 'reason') return ': every exception says why the finding is accepted';
  if (key === 'expires') return ': every exception has an expiry date (YYYY-MM-DD)';
  return '';
}

function patternMessage(key: string | number | undefined, data: unknown): string {
  if (key === 'expires') return `${JSON.stringify(data)} is not an ISO date (YYYY-MM-DD) or date-time`;
  if (key === 'reason') return 'must not be blank';
  return `${JSON.stringify(data)} is not a purl pattern (pkg:TYPE/NAME[@VERSION])`;
}

function semanticProblems(doc: PolicyDocument): Problem[] {
  const problems: Problem[] = [];
  const checkRules = (rules: RulesConfig | undefined, base: Path) => {
    if (!rules) return;
    const lists: Array<[string, string, string[] | undefined]> = [
      ['deny', 'packages', rules.deny?.packages],
      ['allow', 'packages', rules.allow?.packages],
      ['install-scripts', 'allow', rules['install-scripts']?.allow],
    ];
    for (const [rule, key, list] of lists) {
      for (const [i, p] of (list ?? []).entries()) {
        const msg = purlProblem(p);
        if (msg) problems.push({ path: [...base, rule, key, i], at: 'value', message: msg });
      }
    }
    const license = rules.license;
    if (license?.allow && license.deny) {
      problems.push({
        path: [...base, 'license'],
        at: 'value',
        message: 'set either allow or deny, not both: an allow-list already denies everything else',
      });
    }
    for (const key of ['allow', 'deny'] as const) {
      for (const [i, entry] of (license?.[key] ?? []).entries()) {
        const msg = checkLicenseListEntry(entry);
        if (msg) problems.push({ path: [...base, 'license', key, i], at: 'value', message: msg });
      }
    }
  };
  checkRules(doc.rules, ['rules']);
  checkRules(doc.scopes?.dev?.rules, ['scopes', 'dev', 'rules']);
  for (const [i, o] of (doc.overrides ?? []).entries()) checkRules(o.rules, ['overrides', i, 'rules']);
  for (const [i, e] of (doc.exceptions ?? []).entries()) {
    const msg = purlProblem(e.package);
    if (msg) problems.push({ path: ['exceptions', i, 'package'], at: 'value', message: msg });
    if (Number.isNaN(exceptionExpiry(e.expires))) {
      problems.push({ path: ['exceptions', i, 'expires'], at: 'value', message: `"${e.expires}" is not a real date` });
    }
    if (e.rule !== undefined && !isRuleId(e.rule)) {
      problems.push({ path: ['exceptions', i, 'rule'], at: 'value', message: `unknown rule "${e.rule}"` });
    }
  }
  return problems;
}

function purlProblem(pattern: string): string | undefined {
  try {
    parsePurlPattern(pattern);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
