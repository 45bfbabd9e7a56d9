import type { Inventory } from '../../model/inventory.js';
import type { GenerateSbomOptions } from '../generate.js';
import { attachModelCards } from '../model-card.js';
import { reproducibleTimestamp } from '../spec.js';
import { buildBom } from './build.js';
import { serializeBom } from './serialize.js';

/**
 * The SBOM of some inventories through the CycloneDX library's models and normalizers, in JSON or XML. This is
 * how XML is written; JSON is written directly (`generateSbom`), and this path is kept as the reference that the
 * direct writer is tested byte for byte against.
 */
export function generateSbomWithLibrary(inventories: readonly Inventory[], options: GenerateSbomOptions): string {
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
