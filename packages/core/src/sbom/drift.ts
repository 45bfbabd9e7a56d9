import type { Ecosystem } from '../model/ecosystem.js';
import type { Inventory } from '../model/inventory.js';
import { isLocalPackage, type Package } from '../model/package.js';
import { parsePurl } from '../model/purl.js';
import type { SbomVersionConflict } from './read.js';

/** How an SBOM differs from the lockfiles it claims to describe. */
export type SbomDriftKind = 'missing' | 'extra' | 'version-mismatch' | 'hash-mismatch' | 'purl-mismatch';

/** One difference between an SBOM and the current lockfiles; a value, not an error. */
export interface SbomDrift {
  kind: SbomDriftKind;
  ecosystem: Ecosystem;
  name: string;
  /** Versions of the package the SBOM lists (sorted). */
  sbomVersions: string[];
  /** Versions of the package the lockfiles lock (sorted). */
  currentVersions: string[];
  /** For `hash-mismatch`: the version and algorithm whose digests differ; for `purl-mismatch`, the field's version. */
  version?: string;
  algorithm?: string;
  message: string;
}

interface Side {
  ecosystem: Ecosystem;
  name: string;
  /** version → hash algorithm → digests seen. */
  versions: Map<string, Map<string, Set<string>>>;
}

/**
 * Compares the packages an SBOM lists (read with `readSbom`) with the current lockfiles' inventories, by purl
 * without version and qualifiers (so npm scopes and PyPI name normalisation compare as the purl spec says):
 * - `missing`: locked now, absent from the SBOM;
 * - `extra`: in the SBOM, no longer locked;
 * - `version-mismatch`: the package is in both but the sets of versions differ;
 * - `hash-mismatch`: the same version carries a different digest for the same algorithm;
 * - `purl-mismatch`: a component's `version` field names another version than its purl (an edited SBOM).
 * Versions compare in one normalised form, the purl's (Go's `v1.6.0` and lockwarden's `1.6.0` are one version).
 * Results are sorted by package name.
 */
export function compareSbomWithInventories(
  sbom: Inventory & { versionConflicts?: readonly SbomVersionConflict[] },
  current: readonly Inventory[],
): SbomDrift[] {
  const inSbom = collect([sbom]);
  const now = collect(current);
  const drifts: SbomDrift[] = [];
  for (const c of sbom.versionConflicts ?? []) {
    drifts.push({
      kind: 'purl-mismatch',
      ecosystem: c.ecosystem,
      name: c.name,
      sbomVersions: [c.purlVersion],
      currentVersions: [],
      version: c.fieldVersion,
      message: `${c.ecosystem} ${c.name}: the component's version field says ${c.fieldVersion}, its purl ${c.purl}`,
    });
  }
  for (const key of [...new Set([...inSbom.keys(), ...now.keys()])].sort()) {
    const a = inSbom.get(key);
    const b = now.get(key);
    const sbomVersions = a ? [...a.versions.keys()].sort() : [];
    const currentVersions = b ? [...b.versions.keys()].sort() : [];
    const subject = (a ?? b) as Side;
    const base = { ecosystem: subject.ecosystem, name: subject.name, sbomVersions, currentVersions };
    const label = `${subject.ecosystem} ${subject.name}`;
    if (!a) {
      drifts.push({ ...base, kind: 'missing', message: `${label} ${currentVersions.join(', ')} is locked but not in the SBOM` });
      continue;
    }
    if (!b) {
      drifts.push({ ...base, kind: 'extra', message: `${label} ${sbomVersions.join(', ')} is in the SBOM but no longer locked` });
      continue;
    }
    if (sbomVersions.join('\0') !== currentVersions.join('\0')) {
      drifts.push({
        ...base,
        kind: 'version-mismatch',
        message: `${label}: SBOM lists ${sbomVersions.join(', ') || '(no version)'}, lockfiles lock ${currentVersions.join(', ') || '(no version)'}`,
      });
    }
    for (const version of sbomVersions) {
      const sbomHashes = a.versions.get(version);
      const currentHashes = b.versions.get(version);
      if (!sbomHashes || !currentHashes) continue;
      for (const [algorithm, digests] of [...sbomHashes].sort(([x], [y]) => x.localeCompare(y))) {
        const other = currentHashes.get(algorithm);
        if (!other || [...digests].every((d) => other.has(d))) continue;
        drifts.push({
          ...base,
          kind: 'hash-mismatch',
          version,
          algorithm,
          message: `${label}@${version}: ${algorithm} in the SBOM differs from the lockfile's`,
        });
      }
    }
  }
  // Stable sort: per package, the version difference stays ahead of the hash differences.
  return drifts.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

function collect(inventories: readonly Inventory[]): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const inventory of inventories) {
    for (const pkg of inventory.packages) {
      // The project's own packages are in an SBOM without a purl, so they are not compared.
      if (isLocalPackage(pkg)) continue;
      const key = identity(pkg);
      let side = sides.get(key);
      if (!side) {
        side = { ecosystem: pkg.ecosystem, name: pkg.name, versions: new Map() };
        sides.set(key, side);
      }
      const version = comparableVersion(pkg);
      let hashes = side.versions.get(version);
      if (!hashes) {
        hashes = new Map();
        side.versions.set(version, hashes);
      }
      for (const h of pkg.integrity) {
        let digests = hashes.get(h.algorithm);
        if (!digests) {
          digests = new Set();
          hashes.set(h.algorithm, digests);
        }
        digests.add(h.value);
      }
    }
  }
  return sides;
}

/** The version as the package's purl writes it (the one form both an SBOM and a lockfile share), else its own. */
function comparableVersion(pkg: Package): string {
  if (pkg.purl) {
    try {
      const version = parsePurl(pkg.purl).version;
      if (version !== undefined) return version;
    } catch {
      // A malformed purl: compare the version lockwarden read.
    }
  }
  return pkg.version;
}

function identity(pkg: Package): string {
  if (pkg.purl) {
    try {
      const p = parsePurl(pkg.purl);
      return `${p.type}/${p.namespace ?? ''}/${p.name}`;
    } catch {
      // Fall through to the name: a malformed purl must not hide a package from the comparison.
    }
  }
  return `${pkg.ecosystem}//${pkg.name}`;
}
