import type { Inventory } from '../model/inventory.js';
import { buildBom } from './build.js';
import { attachModelCards, type ModelCard } from './model-card.js';
import type { RootProject } from './root-project.js';
import { reproducibleTimestamp, serializeBom, type SbomFormat, type SbomSpecVersion } from './serialize.js';

export interface GenerateSbomOptions {
  toolVersion: string;
  root?: RootProject | undefined;
  /** See `BuildBomOptions.rootDir`. */
  rootDir?: string | undefined;
  specVersion?: SbomSpecVersion | undefined;
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
 * Builds and serializes the CycloneDX SBOM of some inventories in one step. With `reproducible` or a
 * `sourceDateEpoch`, the timestamp is fixed (SOURCE_DATE_EPOCH, else 1970-01-01) and the serial number is
 * derived from the content, so the same lockfiles give the same bytes.
 */
export function generateSbom(inventories: readonly Inventory[], options: GenerateSbomOptions): string {
  const reproducible = Boolean(options.reproducible) || Boolean(options.sourceDateEpoch);
  const timestamp = reproducible ? reproducibleTimestamp(options.sourceDateEpoch) : (options.now ?? new Date());
  const bom = buildBom(inventories, {
    toolVersion: options.toolVersion,
    root: options.root,
    rootDir: options.rootDir,
    timestamp,
  });
  const text = serializeBom(bom, { specVersion: options.specVersion, format: options.format, reproducible });
  return options.modelCards && (options.format ?? 'json') === 'json' ? attachModelCards(text, options.modelCards) : text;
}
