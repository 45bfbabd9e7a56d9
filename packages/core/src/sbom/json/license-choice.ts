import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import spdxExpressionParse from 'spdx-expression-parse';
import { cycloneDxSchemaDir } from '../schema-dir.js';

/** A CycloneDX license choice as JSON: a known SPDX id, an SPDX expression, or a name. */
export type LicenseChoiceJson = { license: { id: string } } | { expression: string } | { license: { name: string } };

/**
 * SPDX ids CycloneDX accepts (its `spdx.schema.json` enum: licenses and exceptions, deprecated ones included),
 * by lowercase id. Read on first use from the schema folder the validator uses too, so the direct writer knows
 * exactly the ids the CycloneDX library's license factory knows.
 */
let spdxIds: Map<string, string> | undefined;
function spdxIdsByLowercase(): Map<string, string> {
  if (!spdxIds) {
    const schema = JSON.parse(readFileSync(join(cycloneDxSchemaDir(), 'spdx.SNAPSHOT.schema.json'), 'utf8')) as { enum: string[] };
    spdxIds = new Map(schema.enum.map((id) => [id.toLowerCase(), id]));
  }
  return spdxIds;
}

function isSpdxExpression(value: string): boolean {
  try {
    spdxExpressionParse(value);
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, LicenseChoiceJson>();

/**
 * The license choice of a license string as a lockfile records it, decided as the CycloneDX library's
 * `LicenseFactory.makeFromString` decides: a known SPDX id (any case, written as SPDX spells it), else a valid
 * SPDX expression, else a named license. Lockfiles repeat a handful of licenses, so answers are cached.
 */
export function licenseChoice(value: string): LicenseChoiceJson {
  let choice = cache.get(value);
  if (!choice) {
    const id = value.length > 0 ? spdxIdsByLowercase().get(value.toLowerCase()) : undefined;
    choice = id !== undefined ? { license: { id } } : isSpdxExpression(value) ? { expression: value } : { license: { name: value } };
    // Hostile lockfiles could hold millions of distinct strings; the cache stays small.
    if (cache.size < 10_000) cache.set(value, choice);
  }
  return choice;
}
