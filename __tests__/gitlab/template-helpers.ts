import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, type Option } from 'commander';
import { parse as parseShell } from 'shell-quote';
import { parseAllDocuments } from 'yaml';
import { COMMANDS } from '../../packages/cli/src/commands/index.js';
import { EXIT } from '../../packages/cli/src/io.js';
import { TEMPLATE_FILES, type TemplateKind } from '../../packages/cli/src/gitlab/template.js';
import { REPO_ROOT } from '../helpers/conformance.js';

export interface InputSpec {
  description?: string;
  default?: string | boolean | number;
  type?: 'string' | 'boolean' | 'number';
  options?: string[];
}

export interface TemplateDocs {
  text: string;
  inputs: Record<string, InputSpec>;
  /** The part after `---`, where `$[[ inputs.x ]]` is interpolated. */
  body: string;
}

export function readTemplate(kind: TemplateKind): TemplateDocs {
  const text = readFileSync(join(REPO_ROOT, TEMPLATE_FILES[kind]), 'utf8');
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 2) throw new Error(`${TEMPLATE_FILES[kind]}: expected a spec document and a job document`);
  for (const d of docs) if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join('; '));
  const spec = docs[0]?.toJS() as { spec: { inputs: Record<string, InputSpec> } };
  const marker = text.indexOf('\n---\n');
  return { text, inputs: spec.spec.inputs, body: text.slice(marker + 5) };
}

/**
 * Interpolates `$[[ inputs.name ]]` as GitLab does when the configuration is fetched: given values, else the
 * input's default; an input with neither is an error, as in GitLab.
 */
export function interpolate(docs: TemplateDocs, values: Record<string, string | boolean> = {}): Record<string, JobDefinition> {
  const text = docs.body.replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_m, name: string) => {
    const spec = docs.inputs[name];
    if (!spec) throw new Error(`unknown input ${name}`);
    const value = values[name] ?? spec.default;
    if (value === undefined) throw new Error(`input ${name} has no value`);
    return String(value);
  });
  return parseAllDocuments(text)[0]?.toJS() as Record<string, JobDefinition>;
}

export interface JobDefinition {
  stage: string;
  image: string;
  needs: unknown[];
  allow_failure: boolean;
  rules: Array<{ if: string }>;
  script: string[];
  artifacts: { when: string; paths: string[]; reports: Record<string, string> };
}

/** The options of `lockwarden check` as the CLI defines them (commander), not as a list in a test. */
export function checkCommandOptions(): readonly Option[] {
  const program = new Command('lockwarden');
  const ctx = {
    io: { stdout: () => undefined, stderr: () => undefined, cwd: REPO_ROOT, env: {} },
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined },
    exitCode: EXIT.ok,
  };
  for (const register of COMMANDS) register(program, ctx);
  const check = program.commands.find((c) => c.name() === 'check');
  if (!check) throw new Error('no check command');
  return check.options;
}

/** A script line split into words as a POSIX shell would, with `$VARS` expanded from `env`. */
export function shellWords(line: string, env: Record<string, string | undefined>): string[] {
  return parseShell(line, env).map((word) => {
    if (typeof word !== 'string') throw new Error(`unexpected shell operator in the job script: ${JSON.stringify(word)}`);
    return word;
  });
}
