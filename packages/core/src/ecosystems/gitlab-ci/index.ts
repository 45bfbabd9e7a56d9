import type { EcosystemPlugin } from '../types.js';
import { gitlabCiFileParser } from './gitlab-ci-file.js';

/** GitLab CI `include:`s (projects, components, remote files) and the images of `.gitlab-ci.yml`. */
export const gitlabCiPlugin: EcosystemPlugin = {
  ecosystem: 'GitLab CI',
  purlType: 'gitlab',
  parsers: [gitlabCiFileParser],
  advisories: false,
  compareVersions: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  normalizeName: (name) => name.toLowerCase(),
};
