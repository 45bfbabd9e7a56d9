import type { EcosystemPlugin } from '../types.js';
import { normalizePypiName } from './package-name.js';
import { pdmLockParser } from './pdm-lock.js';
import { pipfileLockParser } from './pipfile-lock.js';
import { poetryLockParser } from './poetry-lock.js';
import { pylockTomlParser } from './pylock-toml.js';
import { pyprojectTomlParser } from './pyproject-toml.js';
import { requirementsInParser } from './requirements-in.js';
import { requirementsTxtParser } from './requirements-txt.js';
import { uvLockParser } from './uv-lock.js';
import { comparePypiVersions } from './version.js';

/** PyPI: pip requirements files, the Poetry, Pipenv, uv and PDM lockfiles, pylock.toml, and pyproject.toml. */
export const pypiPlugin: EcosystemPlugin = {
  ecosystem: 'PyPI',
  purlType: 'pypi',
  parsers: [requirementsTxtParser, poetryLockParser, pipfileLockParser, uvLockParser, pdmLockParser, pylockTomlParser],
  manifests: [pyprojectTomlParser, requirementsInParser],
  compareVersions: comparePypiVersions,
  normalizeName: normalizePypiName,
};
