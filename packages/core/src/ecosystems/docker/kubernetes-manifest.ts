import { LineCounter, parseAllDocuments } from 'yaml';
import { ParseError } from '../../errors.js';
import type { Package } from '../../model/package.js';
import { MAX_LOCKFILE_BYTES } from '../../parse/json.js';
import { assertNestingDepth } from '../../parse/nesting.js';
import { allMaps, mapGet, seqItems, stringAt } from '../../parse/yaml-nodes.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { imagePackage } from './image-reference.js';
import { mayBeKubernetesManifest } from './kubernetes-trigger.js';

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Container images of Kubernetes manifests: `image` of every entry of a `containers`, `initContainers` or
 * `ephemeralContainers` list, in every document of the file. A YAML file counts as a manifest only when a
 * document has both `apiVersion` and `kind`; Helm templates (`{{ ... }}`) are not YAML yet and are skipped.
 */
export const kubernetesManifestParser: LockfileParser = {
  id: 'kubernetes.yaml',
  ecosystem: 'Docker',
  scanner: true,
  fileNames: ['*.yaml', '*.yml'],
  parse(text, path) {
    const packages: Package[] = [];
    if (!mayBeKubernetesManifest(text)) {
      return referenceInventory(path, 'kubernetes.yaml', 'Docker', packages);
    }
    if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(path, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
    assertNestingDepth(text, path);
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      const error = doc.errors[0];
      if (error) {
        const pos = lines.linePos(error.pos[0]);
        throw new ParseError(path, `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`, { line: pos.line, column: pos.col });
      }
      if (!mapGet(doc.contents, 'apiVersion') || !mapGet(doc.contents, 'kind')) continue;
      for (const map of allMaps(doc.contents)) {
        for (const list of CONTAINER_LISTS) {
          for (const container of seqItems(mapGet(map, list))) {
            const image = stringAt(mapGet(container, 'image'), lines);
            const pkg = image && imagePackage(image.value, path, image.line, `${list}[].image`);
            if (pkg) packages.push(pkg);
          }
        }
      }
    }
    return referenceInventory(path, 'kubernetes.yaml', 'Docker', packages);
  },
};
