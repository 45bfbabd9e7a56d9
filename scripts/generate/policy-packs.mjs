// Embeds policies/schema.json and the built-in packs (policies/*.yml) into the core as a generated module, so
// `extends: [lockwarden:baseline]` works the same from src, from dist and from a single-file ncc bundle, with no
// file lookups relative to wherever the code ended up.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { banner, GENERATED, ROOT } from './paths.mjs';

const policies = join(ROOT, 'policies');

/** The policy schema and the built-in packs, read from policies/. */
export function readPolicies() {
  const schema = JSON.parse(readFileSync(join(policies, 'schema.json'), 'utf8'));
  const packs = readdirSync(policies)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: `lockwarden:${f.replace(/\.yml$/, '')}`, file: `policies/${f}`, text: readFileSync(join(policies, f), 'utf8') }));
  return { schema, packs };
}

/** The module text (JavaScript) for the current policies/ folder. */
export function render() {
  const { schema, packs } = readPolicies();
  return [
    banner('policy-packs.mjs'),
    '',
    '/** policies/schema.json: the JSON Schema of a policy file. */',
    `export const POLICY_SCHEMA = ${JSON.stringify(schema, null, 2)};`,
    '',
    '/** The built-in packs `extends:` accepts, by name. */',
    'export const BUILTIN_PACKS = new Map([',
    ...packs.map((p) => `  [${JSON.stringify(p.name)}, { file: ${JSON.stringify(p.file)}, text: ${JSON.stringify(p.text)} }],`),
    ']);',
    '',
  ].join('\n');
}

const TYPES = `${banner('policy-packs.mjs')}

/** policies/schema.json: the JSON Schema of a policy file. */
export declare const POLICY_SCHEMA: Record<string, unknown>;

/** The built-in packs \`extends:\` accepts, by name. */
export declare const BUILTIN_PACKS: ReadonlyMap<string, { file: string; text: string }>;
`;

/** Writes generated/policy-packs.js and its declarations. */
export function generate() {
  writeFileSync(join(GENERATED, 'policy-packs.js'), render());
  writeFileSync(join(GENERATED, 'policy-packs.d.ts'), TYPES);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
