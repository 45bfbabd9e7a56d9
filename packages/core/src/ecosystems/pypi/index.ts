import { lockfileFormat, manifestFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { normalizePypiName } from './package-name.js';
import { comparePypiVersions } from './version.js';

/** PyPI: pip requirements files, the Poetry, Pipenv, uv and PDM lockfiles, pylock.toml, and pyproject.toml. */
export const pypiPlugin: EcosystemPlugin = {
  ecosystem: 'PyPI',
  purlType: 'pypi',
  lockfiles: [
    lockfileFormat(
      { id: 'requirements.txt', ecosystem: 'PyPI', fileNames: ['requirements.txt', 'requirements-*.txt', 'requirements_*.txt', 'requirements.*.txt', '*-requirements.txt', '*_requirements.txt'], conformance: ['python/requirements'] },
      async () => (await import('./requirements-txt.js')).requirementsTxtParser,
    ),
    lockfileFormat(
      { id: 'poetry.lock', ecosystem: 'PyPI', fileNames: ['poetry.lock'], conformance: ['python/poetrylock'] },
      async () => (await import('./poetry-lock.js')).poetryLockParser,
    ),
    lockfileFormat(
      { id: 'Pipfile.lock', ecosystem: 'PyPI', fileNames: ['Pipfile.lock'], conformance: ['python/pipfilelock'] },
      async () => (await import('./pipfile-lock.js')).pipfileLockParser,
    ),
    lockfileFormat(
      { id: 'uv.lock', ecosystem: 'PyPI', fileNames: ['uv.lock'], conformance: ['python/uvlock'] },
      async () => (await import('./uv-lock.js')).uvLockParser,
    ),
    lockfileFormat(
      { id: 'pdm.lock', ecosystem: 'PyPI', fileNames: ['pdm.lock'], conformance: ['python/pdmlock'] },
      async () => (await import('./pdm-lock.js')).pdmLockParser,
    ),
    lockfileFormat(
      { id: 'pylock.toml', ecosystem: 'PyPI', fileNames: ['pylock.toml', 'pylock.*.toml'], conformance: ['python/pylock'] },
      async () => (await import('./pylock-toml.js')).pylockTomlParser,
    ),
  ],
  manifests: [
    manifestFormat(
      { id: 'pyproject.toml', ecosystem: 'PyPI', fileNames: ['pyproject.toml'] },
      async () => (await import('./pyproject-toml.js')).pyprojectTomlParser,
    ),
    manifestFormat(
      { id: 'requirements.in', ecosystem: 'PyPI', fileNames: ['requirements.in', 'requirements-*.in', 'requirements_*.in', '*-requirements.in'] },
      async () => (await import('./requirements-in.js')).requirementsInParser,
    ),
  ],
  compareVersions: comparePypiVersions,
  normalizeName: normalizePypiName,
};
