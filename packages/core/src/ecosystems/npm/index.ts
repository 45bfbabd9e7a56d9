import type { EcosystemPlugin } from '../types.js';
import { bunLockParser } from './bun-lock.js';
import { packageJsonParser } from './package-json.js';
import { packageLockParser } from './package-lock.js';
import { pnpmLockParser } from './pnpm-lock.js';
import { compareNpmVersions } from './version.js';
import { yarnLockParser } from './yarn-lock.js';

export const npmPlugin: EcosystemPlugin = {
  ecosystem: 'npm',
  purlType: 'npm',
  parsers: [packageLockParser, yarnLockParser, pnpmLockParser, bunLockParser],
  manifests: [packageJsonParser],
  compareVersions: compareNpmVersions,
  // npm names are case-sensitive on the registry, but new names must be lowercase; keep them as written.
  normalizeName: (name) => name,
};
