import type { EcosystemPlugin } from '../types.js';
import { normalizePypiName } from './package-name.js';
import { requirementsTxtParser } from './requirements-txt.js';
import { comparePypiVersions } from './version.js';

/** PyPI: pip requirements files, the Poetry, Pipenv, uv and PDM lockfiles, pylock.toml, and pyproject.toml. */
export const pypiPlugin: EcosystemPlugin = {
  ecosystem: 'PyPI',
  purlType: 'pypi',
  parsers: [requirementsTxtParser],
  compareVersions: comparePypiVersions,
  normalizeName: normalizePypiName,
};
