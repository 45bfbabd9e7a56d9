import type { LineCounter, Node } from 'yaml';
import type { Package } from '../../model/package.js';
import { parseYaml } from '../../parse/yaml.js';
import { mapEntries, mapGet, seqItems, stringAt } from '../../parse/yaml-nodes.js';
import { imagePackage } from '../docker/image-reference.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { componentIncludePackage, projectIncludePackage, remoteIncludePackage } from './include-reference.js';

/** Keys of `.gitlab-ci.yml` that are not jobs but may hold `image`/`services` (the `default` section). */
const GLOBAL_KEYS = new Set(['default']);

function imageOf(node: unknown, lines: LineCounter, file: string, via: string): Package | undefined {
  const image = stringAt(node, lines) ?? stringAt(mapGet(node, 'name'), lines);
  // CI variables are resolved only when the pipeline runs.
  if (!image || image.value.includes('$')) return undefined;
  return imagePackage(image.value, file, image.line, via);
}

function includes(node: Node | undefined, lines: LineCounter, file: string, out: Package[]): void {
  const entries = seqItems(node).length > 0 ? seqItems(node) : node ? [node] : [];
  for (const entry of entries) {
    const bare = stringAt(entry, lines);
    if (bare) {
      // A bare string is a local file, or a remote URL when it has a scheme.
      if (/^https?:\/\//.test(bare.value)) out.push(remoteIncludePackage(bare.value, undefined, file, bare.line));
      continue;
    }
    const project = stringAt(mapGet(entry, 'project'), lines);
    if (project) {
      const ref = stringAt(mapGet(entry, 'ref'), lines)?.value;
      out.push(projectIncludePackage(project.value, ref, file, project.line, 'include:project'));
      continue;
    }
    const component = stringAt(mapGet(entry, 'component'), lines);
    if (component) {
      const pkg = componentIncludePackage(component.value, file, component.line);
      if (pkg) out.push(pkg);
      continue;
    }
    const remote = stringAt(mapGet(entry, 'remote'), lines);
    if (remote) {
      out.push(remoteIncludePackage(remote.value, stringAt(mapGet(entry, 'integrity'), lines)?.value, file, remote.line));
    }
    // `local` and `template` includes are this repository's files and GitLab's own templates.
  }
}

/**
 * `.gitlab-ci.yml`: `include:` of projects, components and remote files, and `image`/`services` at the top level,
 * under `default` and in every job.
 */
export const gitlabCiFileParser: LockfileParser = {
  id: '.gitlab-ci.yml',
  ecosystem: 'GitLab CI',
  scanner: true,
  fileNames: ['.gitlab-ci.yml', '.gitlab-ci.yaml'],
  parse(text, path) {
    const { doc, lines } = parseYaml(text, path);
    const packages: Package[] = [];
    includes(mapGet(doc.contents, 'include'), lines, path, packages);
    const scopes: unknown[] = [doc.contents];
    for (const [key, value] of mapEntries(doc.contents)) {
      if (GLOBAL_KEYS.has(key) || !['include', 'variables', 'stages', 'workflow'].includes(key)) scopes.push(value);
    }
    for (const scope of scopes) {
      const image = imageOf(mapGet(scope, 'image'), lines, path, 'image');
      if (image) packages.push(image);
      for (const service of seqItems(mapGet(scope, 'services'))) {
        const pkg = imageOf(service, lines, path, 'services');
        if (pkg) packages.push(pkg);
      }
    }
    return referenceInventory(path, '.gitlab-ci.yml', 'GitLab CI', packages);
  },
};
