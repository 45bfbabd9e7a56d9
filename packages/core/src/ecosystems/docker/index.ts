import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { mayBeKubernetesManifest } from './kubernetes-trigger.js';

/**
 * Container images referenced from Dockerfiles/Containerfiles, Compose files and Kubernetes manifests (GitLab CI
 * and workflow images are found by those scanners). Tags are ordered as text: they have no common version scheme.
 */
export const dockerPlugin: EcosystemPlugin = {
  ecosystem: 'Docker',
  purlType: 'docker',
  lockfiles: [
    lockfileFormat(
      { id: 'Dockerfile', ecosystem: 'Docker', fileNames: ['Dockerfile', 'Containerfile', '*.Dockerfile', '*.dockerfile', 'Dockerfile.*', 'Containerfile.*'], scanner: true },
      async () => (await import('./dockerfile.js')).dockerfileParser,
    ),
    lockfileFormat(
      { id: 'compose.yaml', ecosystem: 'Docker', fileNames: ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'docker-compose.*.yml', 'docker-compose.*.yaml', 'compose.*.yaml', 'compose.*.yml'], scanner: true },
      async () => (await import('./compose-file.js')).composeFileParser,
    ),
    lockfileFormat(
      { id: 'kubernetes.yaml', ecosystem: 'Docker', fileNames: ['*.yaml', '*.yml'], scanner: true, mayMatch: mayBeKubernetesManifest },
      async () => (await import('./kubernetes-manifest.js')).kubernetesManifestParser,
    ),
  ],
  advisories: false,
  compareVersions: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  normalizeName: (name) => name.toLowerCase(),
};
