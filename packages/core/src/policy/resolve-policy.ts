import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LockwardenError } from '../errors.js';
// A build output (scripts/generate/): the packs embedded, already parsed from YAML.
import { BUILTIN_PACKS } from '../../generated/policy-packs.js';
import { checkPolicyValue } from './check-policy-value.js';
import { layerRules } from './resolve-rules.js';
import type { Policy, PolicyDocument, PolicyException, PolicyOverride } from './types.js';

/** Where a repository's policy lives, in lookup order. */
export const POLICY_FILE_NAMES = ['.github/lockwarden.yml', '.github/lockwarden.yaml', 'lockwarden.yml', 'lockwarden.yaml'];

/** The pack used when a repository has no policy file. */
export const DEFAULT_PACK = 'lockwarden:baseline';

/** Policy files are small; a larger one is a mistake or an attack. */
export const MAX_POLICY_BYTES = 1024 * 1024;

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

function defaultRead(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8');
}

/** Parses one policy file's text into a validated document (parse-policy-document.ts: the YAML library). */
export type PolicyParser = (text: string, file: string, warnings: string[]) => PolicyDocument;

/** A policy file that was found: its absolute path and text. */
export interface FoundPolicy {
  path: string;
  text: string;
}

/** The explicit file, else the first of POLICY_FILE_NAMES under `root`; `undefined` when there is none. */
export function findPolicyFile(options: LoadPolicyOptions): FoundPolicy | undefined {
  const read = options.readFile ?? defaultRead;
  if (options.file) {
    const path = isAbsolute(options.file) ? options.file : resolve(options.root, options.file);
    const text = read(path);
    if (text === undefined) throw new LockwardenError('POLICY_ERROR', `policy file ${options.file} not found`);
    return { path, text };
  }
  for (const name of POLICY_FILE_NAMES) {
    const path = join(options.root, name);
    const text = read(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/**
 * Resolves and merges the policy found (or the baseline pack when none was): its `extends` chain, validated.
 * `parse` reads policy files; the built-in packs need none (they were parsed at build time).
 */
export function resolvePolicy(options: LoadPolicyOptions, found: FoundPolicy | undefined, parse: PolicyParser | undefined): LoadedPolicy {
  const read = options.readFile ?? defaultRead;
  const warnings: string[] = [];
  if (found === undefined) {
    return { policy: mergeLayers(resolvePack(DEFAULT_PACK, [], { read, parse, warnings })), warnings };
  }
  const display = displayPath(options.root, found.path);
  const layers = resolveFile({ id: found.path, display, text: found.text, dir: dirname(found.path) }, [], { read, parse, warnings });
  return { policy: mergeLayers(layers), file: display, warnings };
}

/** Builds a policy from policy text alone (no relative `extends`): for `vet`, tests and the Action's inline input. */
export function resolvePolicyText(text: string, display: string, parse: PolicyParser): LoadedPolicy {
  const warnings: string[] = [];
  const layers = resolveFile({ id: display, display, text, dir: undefined }, [], { read: () => undefined, parse, warnings });
  return { policy: mergeLayers(layers), file: display, warnings };
}

/**
 * `loadPolicy` for commands: the YAML library and the policy parser are imported only when there is a policy file
 * to read. A repository on the baseline pack (the common case, and every guard or MCP call without `--policy`)
 * loads neither.
 */
export async function loadPolicyLazily(options: LoadPolicyOptions): Promise<LoadedPolicy> {
  const found = findPolicyFile(options);
  const parse = found ? (await import('./parse-policy-document.js')).parsePolicyDocument : undefined;
  return resolvePolicy(options, found, parse);
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

interface Resolution {
  read: (path: string) => string | undefined;
  parse: PolicyParser | undefined;
  warnings: string[];
}

function resolvePack(name: string, stack: string[], how: Resolution): Layer[] {
  const pack = BUILTIN_PACKS.get(name);
  if (!pack) {
    const known = [...BUILTIN_PACKS.keys()].join(', ');
    throw new LockwardenError('POLICY_ERROR', `unknown built-in policy "${name}" (known: ${known})`);
  }
  checkCycle(name, stack);
  // The value was parsed from the pack's YAML at build time; a copy, as each run may annotate its own.
  const doc = checkPolicyValue(structuredClone(pack.doc), name, how.warnings);
  return [...resolveParents(doc, { id: name, display: name, text: pack.text, dir: undefined }, [...stack, name], how), { display: name, doc }];
}

function resolveFile(source: Source, stack: string[], how: Resolution): Layer[] {
  checkCycle(source.id, stack);
  if (!how.parse) throw new LockwardenError('POLICY_ERROR', `no policy parser to read ${source.display}`);
  const doc = how.parse(source.text, source.display, how.warnings);
  return [...resolveParents(doc, source, [...stack, source.id], how), { display: source.display, doc }];
}

function checkCycle(id: string, stack: string[]): void {
  if (stack.includes(id)) {
    const chain = [...stack.slice(stack.indexOf(id)), id].map((s) => shortName(s)).join(' -> ');
    throw new LockwardenError('POLICY_ERROR', `extends cycle: ${chain}`);
  }
}

function resolveParents(doc: PolicyDocument, source: Source, next: string[], how: Resolution): Layer[] {
  const layers: Layer[] = [];
  const parents = doc.extends === undefined ? [] : Array.isArray(doc.extends) ? doc.extends : [doc.extends];
  for (const parent of parents) {
    if (parent.startsWith('lockwarden:')) {
      layers.push(...resolvePack(parent, next, how));
      continue;
    }
    if (source.dir === undefined) {
      throw new LockwardenError(
        'POLICY_ERROR',
        `${source.display}: extends "${parent}": only built-in packs (lockwarden:...) can be extended here`,
      );
    }
    const path = resolve(source.dir, parent);
    const text = how.read(path);
    if (text === undefined) {
      throw new LockwardenError('POLICY_ERROR', `${source.display}: extends "${parent}": file not found (${path})`);
    }
    layers.push(...resolveFile({ id: path, display: parent, text, dir: dirname(path) }, next, how));
  }
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
