import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import isIdnEmail from 'ajv-formats-draft2019/formats/idn-email.js';
import { LockwardenError, ParseError } from '../errors.js';
import { isRecord, parseJson } from '../parse/json.js';
import { cycloneDxSchemaDir, SCHEMA_FILES } from './schema-dir.js';

export { BUNDLED_SCHEMA_FOLDER, cycloneDxSchemaDir } from './schema-dir.js';

/** One schema violation: where (a JSONPath such as `$.components[3].version`) and what. */
export interface SbomSchemaIssue {
  path: string;
  message: string;
}

/** The outcome of validating one CycloneDX JSON document against its spec version's official schema. */
export interface SbomValidationResult {
  specVersion: string;
  issues: SbomSchemaIssue[];
}

export const VALIDATED_SPEC_VERSIONS: readonly string[] = Object.keys(SCHEMA_FILES);

/** Schemas the bom schemas `$ref` by URL; served from the same folder, never fetched. */
const REFERENCED_SCHEMAS: Readonly<Record<string, string>> = {
  'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': 'spdx.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': 'cryptography-defs.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': 'jsf-0.82.SNAPSHOT.schema.json',
};

// The ajv plug-in's default export is the function under CommonJS interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const validators = new Map<string, ValidateFunction>();

/** Compiles the schema of one version with the settings of the CycloneDX library's own ajv validator. */
function validatorFor(specVersion: string): ValidateFunction {
  const cached = validators.get(specVersion);
  if (cached) return cached;
  const dir = cycloneDxSchemaDir();
  const read = (file: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({
    // No defaults: validation must not alter the data; the official schemas use keywords ajv's strict mode rejects.
    useDefaults: false,
    // Every violation, not only the first, so one run lists all that must be fixed.
    allErrors: true,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    schemas: Object.fromEntries(Object.entries(REFERENCED_SCHEMAS).map(([id, file]) => [id, read(file)])),
    loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
  });
  addFormats(ajv);
  ajv.addFormat('idn-email', isIdnEmail);
  // No working implementation of "iri-reference" exists (ajv-formats-draft2019 issue 22); the library skips it too.
  ajv.addFormat('iri-reference', true);
  const validate = ajv.compile(read(SCHEMA_FILES[specVersion] as string));
  validators.set(specVersion, validate);
  return validate;
}

/**
 * Validates CycloneDX JSON text against the official JSON schema of the `specVersion` it declares (1.2-1.7),
 * with ajv configured as the CycloneDX library's strict JSON validator is. Schema violations are values (every
 * one, each with its JSONPath); the promise rejects only when validation could not run (unreadable JSON:
 * `ParseError`; not CycloneDX, unknown version or missing schema files: SBOM_ERROR).
 */
export async function validateSbomJson(text: string, file = '<sbom>'): Promise<SbomValidationResult> {
  const json = parseJson(text, file);
  if (!isRecord(json) || json.bomFormat !== 'CycloneDX') {
    throw new ParseError(file, 'not a CycloneDX JSON document (bomFormat is not "CycloneDX")', undefined, {
      code: 'SBOM_ERROR',
    });
  }
  const specVersion = typeof json.specVersion === 'string' ? json.specVersion : '';
  if (!VALIDATED_SPEC_VERSIONS.includes(specVersion)) {
    throw new LockwardenError('SBOM_ERROR', `${file}: no JSON schema for CycloneDX spec version "${specVersion}"`);
  }
  let validate: ValidateFunction;
  try {
    validate = validatorFor(specVersion);
  } catch (err) {
    if (err instanceof LockwardenError) throw err;
    throw new LockwardenError('SBOM_ERROR', `${file}: could not load the schema: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const issues = validate(json) ? [] : (validate.errors ?? []).map(toIssue);
  return { specVersion, issues };
}

function toIssue(error: ErrorObject): SbomSchemaIssue {
  const pointer = error.instancePath;
  const message = error.message ?? 'schema violation';
  const params: Record<string, unknown> = error.params;
  const detail =
    typeof params.additionalProperty === 'string'
      ? ` ("${params.additionalProperty}")`
      : Array.isArray(params.allowedValues)
        ? ` (${params.allowedValues.map(String).join(', ')})`
        : '';
  return { path: jsonPointerToPath(pointer), message: `${message}${detail}` };
}

/** `/components/3/version` → `$.components[3].version` (keys that are not identifiers are quoted). */
export function jsonPointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
    .join('')}`;
}
