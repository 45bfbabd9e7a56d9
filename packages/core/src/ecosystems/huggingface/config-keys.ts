import { isScalar, type LineCounter } from 'yaml';
import type { Package } from '../../model/package.js';
import { parseYaml } from '../../parse/yaml.js';
import { allMaps, mapGet, stringAt } from '../../parse/yaml-nodes.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { hubPackage, isHubId } from './hub-reference.js';
import { CONFIG_KEYS as KEYS, DATASET_KEYS, mayBeHubConfig } from './triggers.js';


function revisionOf(map: unknown, lines: LineCounter): string | undefined {
  return stringAt(mapGet(map, 'revision'), lines)?.value ?? stringAt(mapGet(map, 'model_revision'), lines)?.value;
}

/**
 * YAML and JSON configuration (training configs, axolotl/trl recipes): a Hub id under one of the known keys at any
 * depth, with a `revision`/`model_revision` and `trust_remote_code` sibling. JSON is read as YAML (a superset),
 * so one parser gives lines for both.
 */
export const configKeysParser: LockfileParser = {
  id: 'model-config',
  ecosystem: 'Hugging Face',
  scanner: true,
  fileNames: ['*.yaml', '*.yml', '*.json'],
  parse(text, path) {
    const packages: Package[] = [];
    if (!mayBeHubConfig(text)) return referenceInventory(path, 'model-config', 'Hugging Face', packages);
    const { doc, lines } = parseYaml(text, path);
    for (const map of allMaps(doc.contents)) {
      for (const key of KEYS) {
        const value = stringAt(mapGet(map, key), lines);
        if (!value || !isHubId(value.value) || !value.value.includes('/')) continue;
        const revision = revisionOf(map, lines);
        const trust = mapGet(map, 'trust_remote_code');
        packages.push(
          hubPackage({
            id: value.value,
            kind: DATASET_KEYS.includes(key) ? 'dataset' : 'model',
            ...(revision !== undefined ? { revision } : {}),
            ...(isScalar(trust) && trust.value === true ? { trustRemoteCode: true } : {}),
            file: path,
            line: value.line,
            via: key,
          }),
        );
      }
    }
    return referenceInventory(path, 'model-config', 'Hugging Face', packages);
  },
};
