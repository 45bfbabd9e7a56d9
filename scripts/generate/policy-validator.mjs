// Compiles the policy JSON Schema into standalone validation code (Ajv's "standalone" mode), so loading a policy
// never compiles a schema at run time: the compile costs ~0.1 s and pulls in Ajv's code generator (~100 modules),
// the generated function is plain JavaScript that needs only two tiny Ajv runtime helpers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';
import { banner, GENERATED } from './paths.mjs';
import { readPolicies } from './policy-packs.mjs';

/** The Ajv options the run time used to compile with; errors keep the same shape (allErrors, verbose). */
const OPTIONS = { allErrors: true, strict: false, verbose: true, code: { source: true, esm: true, lines: true } };

/**
 * The validator module text. Ajv's ESM output still `require`s its runtime helpers, which an ES module cannot do:
 * each such call becomes an import of the helper's file.
 */
export function render(schema) {
  const ajv = new Ajv(OPTIONS);
  const code = standalone.default(ajv, ajv.compile(schema));
  const imports = new Map();
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/g, (_, path) => {
    const id = `runtime_${path.split('/').pop()}`;
    imports.set(id, `${path}.js`);
    return `runtimeDefault(${id})`;
  });
  if (/\brequire\(/.test(body)) throw new Error('policy-validator: unexpected require() left in the standalone code');
  return [
    banner('policy-validator.mjs') + ' Source: policies/schema.json.',
    '/* eslint-disable */',
    ...[...imports].map(([id, path]) => `import ${id} from ${JSON.stringify(path)};`),
    // Node hands an ES module the CommonJS exports object, bundlers and vite its `default`: accept both.
    "const runtimeDefault = (m) => (typeof m === 'function' ? m : m.default);",
    body,
    '',
  ].join('\n');
}

const TYPES = `${banner('policy-validator.mjs')}
import type { ErrorObject } from 'ajv';

/** Validates a parsed policy document against policies/schema.json; on false, \`errors\` holds why. */
export declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
`;

/** Writes generated/policy-validator.js and its declarations; fails when a shipped pack does not validate. */
export function generate() {
  const { schema, packs } = readPolicies();
  const ajv = new Ajv({ ...OPTIONS, code: {} });
  const check = ajv.compile(schema);
  for (const pack of packs) {
    if (!check(parse(pack.text))) throw new Error(`${pack.file} does not validate against policies/schema.json: ${ajv.errorsText(check.errors)}`);
  }
  writeFileSync(join(GENERATED, 'policy-validator.js'), render(schema));
  writeFileSync(join(GENERATED, 'policy-validator.d.ts'), TYPES);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
