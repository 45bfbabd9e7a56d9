import type { EcosystemPlugin } from '../types.js';
import { cargoLockParser } from './cargo-lock.js';
import { cargoTomlParser } from './cargo-toml.js';
import { compareCargoVersions } from './version.js';

/** Rust crates: Cargo.lock and Cargo.toml, SemVer order, `pkg:cargo` purls. */
export const cargoPlugin: EcosystemPlugin = {
  ecosystem: 'crates.io',
  purlType: 'cargo',
  parsers: [cargoLockParser],
  manifests: [cargoTomlParser],
  compareVersions: compareCargoVersions,
  // crates.io treats `-` and `_` as the same name for lookups, but a crate has one canonical spelling, which
  // Cargo.lock records and the index serves; folding would report names that were never published.
  normalizeName: (name) => name,
};
