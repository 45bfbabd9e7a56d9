import type { Package } from '../../model/package.js';
import { parseYaml } from '../../parse/yaml.js';
import { mapEntries, mapGet, stringAt } from '../../parse/yaml-nodes.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { imagePackage } from './image-reference.js';

/** `services.<name>.image` of a Compose file. */
export const composeFileParser: LockfileParser = {
  id: 'compose.yaml',
  ecosystem: 'Docker',
  scanner: true,
  fileNames: ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'docker-compose.*.yml', 'docker-compose.*.yaml', 'compose.*.yaml', 'compose.*.yml'],
  parse(text, path) {
    const { doc, lines } = parseYaml(text, path);
    const packages: Package[] = [];
    for (const [, service] of mapEntries(mapGet(doc.contents, 'services'))) {
      const image = stringAt(mapGet(service, 'image'), lines);
      if (!image) continue;
      const pkg = imagePackage(image.value, path, image.line, 'image');
      if (pkg) packages.push(pkg);
    }
    return referenceInventory(path, 'compose.yaml', 'Docker', packages);
  },
};
