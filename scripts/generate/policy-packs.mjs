// Embeds policies/schema.json and the built-in packs (policies/*.yml) into the core as a generated module, so
// `extends: [lockwarden:baseline]` works the same from src, from dist and from a single-file ncc bundle, with no
// file lookups relative to wherever the code ended up.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { banner, GENERATED, ROOT } from './paths.mjs';

const policies = join(ROOT, 'policies');

/** The policy schema and the built-in packs, read from policies/. */
export function readPolicies() {
  const schema = JSON.parse(readFileSync(join(policies, 'schema.json'), 'utf8'));
  const packs = readdirSync(policies)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: `lockwarden:${f.replace(/\.yml$/, '')}`, file: `policies/${f}`, text: readFileSync(join(policies, f), 'utf8') }))
    .map((p) => ({ ...p, doc: packValue(p) }));
  return { schema, packs };
}

/**
 * A pack's YAML parsed here, at build time, so a run on the baseline pack loads no YAML library. The run still
 * validates the value. Line numbers are not kept: a pack with exceptions or overrides (whose origins name a line)
 * would need them, so one is refused until that is built.
 */
function packValue(pack) {
  const doc = parse(pack.text, { maxAliasCount: 0 });
  if (doc && (doc.exceptions || doc.overrides)) throw new Error(`${pack.file}: built-in packs carry no exceptions or overrides`);
  return doc ?? {};
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
    ...packs.map((p) => `  [${JSON.stringify(p.name)}, { file: ${JSON.stringify(p.file)}, text: ${JSON.stringify(p.text)}, doc: ${JSON.stringify(p.doc)} }],`),
    ']);',
    '',
  ].join('\n');
}

const TYPES = `${banner('policy-packs.mjs')}

/** policies/schema.json: the JSON Schema of a policy file. */
export declare const POLICY_SCHEMA: Record<string, unknown>;

/** The built-in packs \`extends:\` accepts, by name. */
export declare const BUILTIN_PACKS: ReadonlyMap<string, { file: string; text: string; doc: unknown }>;
`;

/** Writes generated/policy-packs.js and its declarations. */
export function generate() {
  writeFileSync(join(GENERATED, 'policy-packs.js'), render());
  writeFileSync(join(GENERATED, 'policy-packs.d.ts'), TYPES);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
