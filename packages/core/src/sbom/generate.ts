import { LockwardenError } from '../errors.js';
import type { Inventory } from '../model/inventory.js';
import { writeCycloneDxJson } from './json/cyclonedx-json.js';
import type { ModelCard } from './model-card.js';
import type { RootProject } from './root-project.js';
import { reproducibleTimestamp, type SbomFormat, type SbomSpecVersion } from './spec.js';

export interface GenerateSbomOptions {
  toolVersion: string;
  root?: RootProject | undefined;
  /** Folder of the root project, relative to the folder lockfile paths are relative to (posix, "" by default). */
  rootDir?: string | undefined;
  specVersion?: SbomSpecVersion | undefined;
  /** `generateSbom` writes JSON only; `renderSbom` writes either. */
  format?: SbomFormat | undefined;
  /** Byte-identical output for identical input; implied by `sourceDateEpoch`. */
  reproducible?: boolean | undefined;
  /** `SOURCE_DATE_EPOCH` as found in the environment (seconds since the epoch). */
  sourceDateEpoch?: string | undefined;
  /** The clock for non-reproducible runs. */
  now?: Date | undefined;
  /** CycloneDX model cards by component purl, attached to `machine-learning-model` components (JSON only). */
  modelCards?: ReadonlyMap<string, ModelCard> | undefined;
}

/**
 * The CycloneDX JSON SBOM of some inventories, written directly from the model (no CycloneDX library is loaded).
 * With `reproducible` or a `sourceDateEpoch`, the timestamp is fixed (SOURCE_DATE_EPOCH, else 1970-01-01) and the
 * serial number is derived from the content, so the same lockfiles give the same bytes. XML needs the CycloneDX
 * library: use `renderSbom`.
 */
export function generateSbom(inventories: readonly Inventory[], options: GenerateSbomOptions): string {
  const parts: string[] = [];
  writeSbomJson(inventories, options, (text) => parts.push(text));
  return parts.join('');
}

/**
 * `generateSbom`, handing the text to `write` piece by piece (a component or a dependency at a time) instead of
 * returning it: a file or stream written this way never holds the whole SBOM as one string.
 */
export function writeSbomJson(inventories: readonly Inventory[], options: GenerateSbomOptions, write: (text: string) => void): void {
  if ((options.format ?? 'json') !== 'json') {
    throw new LockwardenError('USAGE_ERROR', `generateSbom writes JSON; renderSbom writes ${String(options.format)}`);
  }
  const reproducible = Boolean(options.reproducible) || Boolean(options.sourceDateEpoch);
  writeCycloneDxJson(
    inventories,
    {
      toolVersion: options.toolVersion,
      root: options.root,
      rootDir: options.rootDir,
      specVersion: options.specVersion,
      timestamp: reproducible ? reproducibleTimestamp(options.sourceDateEpoch) : (options.now ?? new Date()),
      reproducible,
      modelCards: options.modelCards,
    },
    write,
  );
}

/**
 * The SBOM in either format: JSON as `generateSbom` writes it; XML through the CycloneDX library's models and
 * serializer, which (with xmlbuilder2) are imported only then.
 */
export async function renderSbom(inventories: readonly Inventory[], options: GenerateSbomOptions): Promise<string> {
  if ((options.format ?? 'json') === 'json') return generateSbom(inventories, options);
  const { generateSbomWithLibrary } = await import('./cyclonedx-library/generate.js');
  return generateSbomWithLibrary(inventories, options);
}
