import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LockwardenError } from '../errors.js';

/** CycloneDX versions with an official JSON schema (1.0 and 1.1 were XML-only), and the schema file of each. */
export const SCHEMA_FILES: Readonly<Record<string, string>> = {
  '1.2': 'bom-1.2-strict.SNAPSHOT.schema.json',
  '1.3': 'bom-1.3-strict.SNAPSHOT.schema.json',
  '1.4': 'bom-1.4.SNAPSHOT.schema.json',
  '1.5': 'bom-1.5.SNAPSHOT.schema.json',
  '1.6': 'bom-1.6.SNAPSHOT.schema.json',
  '1.7': 'bom-1.7.SNAPSHOT.schema.json',
};
/** Folder name a bundle ships the schemas in, next to the bundled file. */
export const BUNDLED_SCHEMA_FOLDER = 'cyclonedx-schema';

/**
 * The folder holding the official CycloneDX JSON schemas: the copies bundled with `@cyclonedx/cyclonedx-library`
 * (`res/schema/`), or, inside an ncc bundle where that package is not installed, a `cyclonedx-schema/` folder
 * next to the bundled file, into which the Action build copies `res/schema/*.schema.json`. Throws SBOM_ERROR
 * when neither exists.
 */
export function cycloneDxSchemaDir(): string {
  const candidates: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json');
    candidates.push(join(dirname(pkg), 'res', 'schema'));
  } catch {
    // Not installed: we are running from a bundle.
  }
  candidates.push(fileURLToPath(new URL(`${BUNDLED_SCHEMA_FOLDER}/`, import.meta.url)));
  const found = candidates.find((dir) => existsSync(join(dir, SCHEMA_FILES['1.6'] as string)));
  if (!found) {
    throw new LockwardenError('SBOM_ERROR', `CycloneDX JSON schemas not found (looked in ${candidates.join(', ')})`);
  }
  return found;
}

