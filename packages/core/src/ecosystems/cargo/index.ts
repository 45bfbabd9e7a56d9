import { lockfileFormat, manifestFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareCargoVersions } from './version.js';

/** Rust crates: Cargo.lock and Cargo.toml, SemVer order, `pkg:cargo` purls. */
export const cargoPlugin: EcosystemPlugin = {
  ecosystem: 'crates.io',
  purlType: 'cargo',
  lockfiles: [
    lockfileFormat(
      { id: 'Cargo.lock', ecosystem: 'crates.io', fileNames: ['Cargo.lock'], conformance: ['rust/cargolock'] },
      async () => (await import('./cargo-lock.js')).cargoLockParser,
    ),
  ],
  manifests: [
    manifestFormat(
      { id: 'Cargo.toml', ecosystem: 'crates.io', fileNames: ['Cargo.toml'] },
      async () => (await import('./cargo-toml.js')).cargoTomlParser,
    ),
  ],
  compareVersions: compareCargoVersions,
  // crates.io treats `-` and `_` as the same name for lookups, but a crate has one canonical spelling, which
  // Cargo.lock records and the index serves; folding would report names that were never published.
  normalizeName: (name) => name,
};
