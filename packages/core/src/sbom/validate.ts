import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { LockwardenError, ParseError } from '../errors.js';
import { isRecord, parseJson } from '../parse/json.js';

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

const validators = new Map<string, Validation.JsonStrictValidator>();

/** CycloneDX versions with an official JSON schema (1.0 and 1.1 were XML-only). */
export const VALIDATED_SPEC_VERSIONS: readonly string[] = Object.keys(Spec.SpecVersionDict).sort();

/**
 * The schema files are the CycloneDX library's bundled copies of the official schemas
 * (`@cyclonedx/cyclonedx-library/res/schema/*.schema.json`), which the library resolves relative to its own
 * code (`__dirname/../res/schema`); a bundle must ship that folder there (docs/sbom.md).
 *
 * Validates CycloneDX JSON text against the official JSON schema of the `specVersion` it declares, with ajv
 * through the CycloneDX library's strict validator. Schema violations are values; the promise rejects only
 * when validation could not run (unreadable JSON: `ParseError`; unknown version or missing schema: SBOM_ERROR).
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
  let validator = validators.get(specVersion);
  if (!validator) {
    validator = new Validation.JsonStrictValidator(specVersion as Spec.Version);
    validators.set(specVersion, validator);
  }
  let errors: unknown;
  try {
    errors = await validator.validate(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new LockwardenError('SBOM_ERROR', `${file}: could not validate: ${(err as Error).message}`, { cause: err });
  }
  return { specVersion, issues: Array.isArray(errors) ? errors.map(toIssue) : [] };
}

function toIssue(error: unknown): SbomSchemaIssue {
  const e = isRecord(error) ? error : {};
  const pointer = typeof e.instancePath === 'string' ? e.instancePath : '';
  const message = typeof e.message === 'string' ? e.message : 'schema violation';
  const params = isRecord(e.params) ? e.params : {};
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
