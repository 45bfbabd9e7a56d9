import type { LineCounter } from 'yaml';
import type { Package } from '../../model/package.js';
import { parseYaml } from '../../parse/yaml.js';
import { mapEntries, mapGet, seqItems, stringAt } from '../../parse/yaml-nodes.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { imagePackage } from '../docker/image-reference.js';
import { usesPackage } from './action-reference.js';

/** `jobs.<id>.container` and `services.<id>` take an image string or a map with `image`. */
function containerImage(node: unknown, lines: LineCounter, file: string, via: string): Package | undefined {
  const direct = stringAt(node, lines) ?? stringAt(mapGet(node, 'image'), lines);
  return direct && !direct.value.includes('${{') ? imagePackage(direct.value, file, direct.line, via) : undefined;
}

function stepUses(steps: unknown, lines: LineCounter, file: string, out: Package[]): void {
  for (const step of seqItems(steps)) {
    const uses = stringAt(mapGet(step, 'uses'), lines);
    const pkg = uses && usesPackage(uses.value, file, uses.line);
    if (pkg) out.push(pkg);
  }
}

/**
 * Actions, reusable workflows and container images of a GitHub Actions workflow: `jobs.*.steps[].uses`,
 * `jobs.*.uses`, `jobs.*.container` and `jobs.*.services.*`.
 */
export const workflowFileParser: LockfileParser = {
  id: '.github/workflows/*.yml',
  ecosystem: 'GitHub Actions',
  scanner: true,
  fileNames: [],
  pathPatterns: ['.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'],
  parse(text, path) {
    const { doc, lines } = parseYaml(text, path);
    const packages: Package[] = [];
    for (const [, job] of mapEntries(mapGet(doc.contents, 'jobs'))) {
      const uses = stringAt(mapGet(job, 'uses'), lines);
      const reusable = uses && usesPackage(uses.value, path, uses.line);
      if (reusable) packages.push(reusable);
      stepUses(mapGet(job, 'steps'), lines, path, packages);
      const container = containerImage(mapGet(job, 'container'), lines, path, 'container');
      if (container) packages.push(container);
      for (const [, service] of mapEntries(mapGet(job, 'services'))) {
        const image = containerImage(service, lines, path, 'services');
        if (image) packages.push(image);
      }
    }
    return referenceInventory(path, '.github/workflows/*.yml', 'GitHub Actions', packages);
  },
};

/** `runs.steps[].uses` of a composite action's `action.yml`, and `runs.image` of a Docker action. */
export const actionFileParser: LockfileParser = {
  id: 'action.yml',
  ecosystem: 'GitHub Actions',
  scanner: true,
  fileNames: ['action.yml', 'action.yaml'],
  parse(text, path) {
    const { doc, lines } = parseYaml(text, path);
    const packages: Package[] = [];
    const runs = mapGet(doc.contents, 'runs');
    stepUses(mapGet(runs, 'steps'), lines, path, packages);
    const image = stringAt(mapGet(runs, 'image'), lines);
    if (image?.value.startsWith('docker://')) {
      const pkg = imagePackage(image.value.slice('docker://'.length), path, image.line, 'runs.image');
      if (pkg) packages.push(pkg);
    }
    return referenceInventory(path, 'action.yml', 'GitHub Actions', packages);
  },
};
