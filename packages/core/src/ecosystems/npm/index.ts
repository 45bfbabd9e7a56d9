import { lockfileFormat, manifestFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareNpmVersions } from './version.js';

export const npmPlugin: EcosystemPlugin = {
  ecosystem: 'npm',
  purlType: 'npm',
  lockfiles: [
    lockfileFormat(
      { id: 'package-lock.json', ecosystem: 'npm', fileNames: ['package-lock.json', 'npm-shrinkwrap.json'], conformance: ['javascript/packagelockjson'] },
      async () => (await import('./package-lock.js')).packageLockParser,
    ),
    lockfileFormat(
      { id: 'yarn.lock', ecosystem: 'npm', fileNames: ['yarn.lock'], conformance: ['javascript/yarnlock'] },
      async () => (await import('./yarn-lock.js')).yarnLockParser,
    ),
    lockfileFormat(
      { id: 'pnpm-lock.yaml', ecosystem: 'npm', fileNames: ['pnpm-lock.yaml'], conformance: ['javascript/pnpmlock'] },
      async () => (await import('./pnpm-lock.js')).pnpmLockParser,
    ),
    lockfileFormat(
      { id: 'bun.lock', ecosystem: 'npm', fileNames: ['bun.lock'], conformance: ['javascript/bunlock'] },
      async () => (await import('./bun-lock.js')).bunLockParser,
    ),
  ],
  manifests: [
    manifestFormat(
      { id: 'package.json', ecosystem: 'npm', fileNames: ['package.json'] },
      async () => (await import('./package-json.js')).packageJsonParser,
    ),
  ],
  compareVersions: compareNpmVersions,
  // npm names are case-sensitive on the registry, but new names must be lowercase; keep them as written.
  normalizeName: (name) => name,
};
