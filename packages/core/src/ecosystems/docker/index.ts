import type { EcosystemPlugin } from '../types.js';
import { composeFileParser } from './compose-file.js';
import { dockerfileParser } from './dockerfile.js';
import { kubernetesManifestParser } from './kubernetes-manifest.js';

/**
 * Container images referenced from Dockerfiles/Containerfiles, Compose files and Kubernetes manifests (GitLab CI
 * and workflow images are found by those scanners). Tags are ordered as text: they have no common version scheme.
 */
export const dockerPlugin: EcosystemPlugin = {
  ecosystem: 'Docker',
  purlType: 'docker',
  parsers: [dockerfileParser, composeFileParser, kubernetesManifestParser],
  advisories: false,
  compareVersions: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  normalizeName: (name) => name.toLowerCase(),
};
