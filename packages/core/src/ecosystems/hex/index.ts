import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareHexVersions } from './version.js';

/** hex.pm (Elixir and Erlang): package names are lowercase; versions are SemVer 2.0. */
export const hexPlugin: EcosystemPlugin = {
  ecosystem: 'Hex',
  purlType: 'hex',
  lockfiles: [
    lockfileFormat(
      { id: 'mix.lock', ecosystem: 'Hex', fileNames: ['mix.lock'], conformance: ['elixir/mixlock', 'erlang/mixlock'] },
      async () => (await import('./mix-lock.js')).mixLockParser,
    ),
  ],
  compareVersions: compareHexVersions,
  normalizeName: (name) => name.toLowerCase(),
};
