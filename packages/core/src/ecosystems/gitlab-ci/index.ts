import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';

/** GitLab CI `include:`s (projects, components, remote files) and the images of `.gitlab-ci.yml`. */
export const gitlabCiPlugin: EcosystemPlugin = {
  ecosystem: 'GitLab CI',
  purlType: 'gitlab',
  lockfiles: [
    lockfileFormat(
      { id: '.gitlab-ci.yml', ecosystem: 'GitLab CI', fileNames: ['.gitlab-ci.yml', '.gitlab-ci.yaml'], scanner: true },
      async () => (await import('./gitlab-ci-file.js')).gitlabCiFileParser,
    ),
  ],
  advisories: false,
  compareVersions: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  normalizeName: (name) => name.toLowerCase(),
};
