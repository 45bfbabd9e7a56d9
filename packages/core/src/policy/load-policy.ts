import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { LockwardenError, ParseError } from '../errors.js';
import { parseYaml } from '../parse/yaml.js';
import { isRecord } from '../parse/json.js';
import { exceptionExpiry } from './exceptions.js';
// Build outputs (scripts/generate/): the packs embedded, and the schema compiled to code so no Ajv compile runs here.
import { BUILTIN_PACKS } from '../../generated/policy-packs.js';
import { validate as validatePolicySchema } from '../../generated/policy-validator.js';
import { parsePurlPattern } from './purl-pattern.js';
import { layerRules } from './resolve-rules.js';
import { checkLicenseListEntry } from './rules/license.js';
import { isRuleId } from './rules/index.js';
import type { Policy, PolicyDocument, PolicyException, PolicyOverride, RulesConfig } from './types.js';

/** Where a repository's policy lives, in lookup order. */
export const POLICY_FILE_NAMES = ['.github/lockwarden.yml', '.github/lockwarden.yaml', 'lockwarden.yml', 'lockwarden.yaml'];

/** The pack used when a repository has no policy file. */
export const DEFAULT_PACK = 'lockwarden:baseline';

/** Policy files are small; a larger one is a mistake or an attack. */
export const MAX_POLICY_BYTES = 1024 * 1024;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface LoadPolicyOptions {
  /** Repository root, searched for the policy file names. */
  root: string;
  /** An explicit policy file (`--policy`), relative to `root` unless absolute. */
  file?: string;
  /** Reads a policy file; `undefined` when it does not exist. Defaults to the file system. */
  readFile?: (path: string) => string | undefined;
}

export interface LoadedPolicy {
  policy: Policy;
  /** The policy file used (relative to root), or undefined when the default pack applied. */
  file?: string;
  warnings: string[];
}

function validate(value: unknown): ErrorObject[] {
  return validatePolicySchema(value) ? [] : [...(validatePolicySchema.errors ?? [])];
}

function defaultRead(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8');
}

/**
 * Finds, parses, validates and merges the policy: the explicit file, else `.github/lockwarden.yml` or
 * `lockwarden.yml`, else the baseline pack. Throws a `ParseError` with code POLICY_ERROR naming file:line and the
 * offending key for anything wrong with a policy file.
 */
export function loadPolicy(options: LoadPolicyOptions): LoadedPolicy {
  const read = options.readFile ?? defaultRead;
  const warnings: string[] = [];
  let path: string | undefined;
  let text: string | undefined;
  if (options.file) {
    path = isAbsolute(options.file) ? options.file : resolve(options.root, options.file);
    text = read(path);
    if (text === undefined) throw new LockwardenError('POLICY_ERROR', `policy file ${options.file} not found`);
  } else {
    for (const name of POLICY_FILE_NAMES) {
      const candidate = join(options.root, name);
      text = read(candidate);
      if (text !== undefined) {
        path = candidate;
        break;
      }
    }
  }
  if (path === undefined || text === undefined) {
    const layers = resolvePack(DEFAULT_PACK, [], read, warnings);
    return { policy: mergeLayers(layers), warnings };
  }
  const display = displayPath(options.root, path);
  const layers = resolveFile({ id: path, display, text, dir: dirname(path) }, [], read, warnings);
  return { policy: mergeLayers(layers), file: display, warnings };
}

/** Builds a policy from policy text alone (no relative `extends`): for `vet`, tests and the Action's inline input. */
export function policyFromText(text: string, display = 'policy.yml'): LoadedPolicy {
  const warnings: string[] = [];
  const layers = resolveFile({ id: display, display, text, dir: undefined }, [], () => undefined, warnings);
  return { policy: mergeLayers(layers), file: display, warnings };
}

interface Layer {
  display: string;
  doc: PolicyDocument;
}

interface Source {
  /** Canonical id for cycle detection: absolute path or pack name. */
  id: string;
  display: string;
  text: string;
  /** Folder that relative `extends` resolve against; undefined for packs and inline text. */
  dir: string | undefined;
}

function resolvePack(name: string, stack: string[], read: LoadPolicyOptions['readFile'] & {}, warnings: string[]): Layer[] {
  const pack = BUILTIN_PACKS.get(name);
  if (!pack) {
    const known = [...BUILTIN_PACKS.keys()].join(', ');
    throw new LockwardenError('POLICY_ERROR', `unknown built-in policy "${name}" (known: ${known})`);
  }
  return resolveFile({ id: name, display: name, text: pack.text, dir: undefined }, stack, read, warnings);
}

function resolveFile(source: Source, stack: string[], read: (p: string) => string | undefined, warnings: string[]): Layer[] {
  if (stack.includes(source.id)) {
    const chain = [...stack.slice(stack.indexOf(source.id)), source.id].map((s) => shortName(s)).join(' -> ');
    throw new LockwardenError('POLICY_ERROR', `extends cycle: ${chain}`);
  }
  const doc = parsePolicyDocument(source.text, source.display, warnings);
  const next = [...stack, source.id];
  const layers: Layer[] = [];
  const parents = doc.extends === undefined ? [] : Array.isArray(doc.extends) ? doc.extends : [doc.extends];
  for (const parent of parents) {
    if (parent.startsWith('lockwarden:')) {
      layers.push(...resolvePack(parent, next, read, warnings));
      continue;
    }
    if (source.dir === undefined) {
      throw new LockwardenError(
        'POLICY_ERROR',
        `${source.display}: extends "${parent}": only built-in packs (lockwarden:...) can be extended here`,
      );
    }
    const path = resolve(source.dir, parent);
    const text = read(path);
    if (text === undefined) {
      throw new LockwardenError('POLICY_ERROR', `${source.display}: extends "${parent}": file not found (${path})`);
    }
    layers.push(...resolveFile({ id: path, display: parent, text, dir: dirname(path) }, next, read, warnings));
  }
  layers.push({ display: source.display, doc });
  return layers;
}

function shortName(id: string): string {
  return id.startsWith('lockwarden:') ? id : id.split(/[\\/]/).slice(-2).join('/');
}

function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.replace(/\\/g, '/') : path;
}

/** Later layers override earlier ones; exceptions and overrides from every layer add up. */
function mergeLayers(layers: Layer[]): Policy {
  let failOpen = false;
  const exclude: string[] = [];
  const overrides: PolicyOverride[] = [];
  const exceptions: PolicyException[] = [];
  for (const { doc } of layers) {
    if (doc['fail-open'] !== undefined) failOpen = doc['fail-open'];
    exclude.push(...(doc.exclude ?? []));
    overrides.push(...(doc.overrides ?? []));
    exceptions.push(...(doc.exceptions ?? []));
  }
  return {
    failOpen,
    exclude: [...new Set(exclude)],
    rules: layerRules(...layers.map((l) => l.doc.rules ?? {})),
    devRules: layerRules(...layers.map((l) => l.doc.scopes?.dev?.rules ?? {})),
    overrides,
    exceptions,
    sources: layers.map((l) => l.display),
  };
}

/**
 * Parses and validates one policy document against policies/schema.json plus the checks a schema cannot express
 * (purl patterns, SPDX ids, real calendar dates). `__proto__`-style keys are dropped with a warning.
 */
export function parsePolicyDocument(text: string, file: string, warnings: string[] = []): PolicyDocument {
  const { doc, lines, value: raw } = parseYaml(text, file, { maxBytes: MAX_POLICY_BYTES });
  const locate = locator(doc, lines);
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

type Path = Array<string | number>;

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

/** Maps a JSON path to the YAML node's 1-based line and column. */
function locator(doc: Document.Parsed, lines: LineCounter) {
  return (path: Path, at: 'key' | 'value'): { line: number; column: number } | undefined => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const seg of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else {
        break;
      }
    }
    const target = (at === 'key' && keyNode ? keyNode : node ?? keyNode) as Node | undefined;
    const offset = target?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
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
