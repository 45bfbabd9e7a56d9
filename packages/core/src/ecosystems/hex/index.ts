import type { EcosystemPlugin } from '../types.js';
import { mixLockParser } from './mix-lock.js';
import { compareHexVersions } from './version.js';

/** hex.pm (Elixir and Erlang): package names are lowercase; versions are SemVer 2.0. */
export const hexPlugin: EcosystemPlugin = {
  ecosystem: 'Hex',
  purlType: 'hex',
  parsers: [mixLockParser],
  compareVersions: compareHexVersions,
  normalizeName: (name) => name.toLowerCase(),
};
