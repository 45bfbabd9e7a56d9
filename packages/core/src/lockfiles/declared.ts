import { posix } from 'node:path';
import { allManifestFormats, matchesFileName, normalizePackageName } from '../ecosystems/registry.js';
import type { ManifestFormat } from '../ecosystems/types.js';
import { isLockwardenError } from '../errors.js';
import type { DeclaredDependency, Inventory } from '../model/inventory.js';
import type { Package } from '../model/package.js';
import { namedFilesAndSiblings, type Snapshot } from './snapshot.js';

function manifestFormatFor(baseName: string): ManifestFormat | undefined {
  return allManifestFormats().find((p) => p.fileNames.some((pattern) => matchesFileName(pattern, baseName)));
}

/**
 * Every dependency the manifests of a snapshot declare. A manifest that cannot be read is reported in `warnings`
 * and skipped: the lockfiles are what a check stands on, a broken manifest must not hide their findings.
 */
export async function loadDeclaredDependencies(
  snapshot: Snapshot,
  paths: readonly string[] = [],
): Promise<{ declared: DeclaredDependency[]; warnings: string[] }> {
  const scopes = paths.map((p) => p.replace(/^\.\/?$/, '').replace(/\/+$/, ''));
  const declared: DeclaredDependency[] = [];
  const warnings: string[] = [];
  for (const file of namedFilesAndSiblings(snapshot, scopes) ?? snapshot.listFiles()) {
    if (scopes.length > 0 && !scopes.some((s) => s === '' || file === s || file.startsWith(`${s}/`) || posix.dirname(s) === posix.dirname(file))) continue;
    const format = manifestFormatFor(posix.basename(file));
    if (!format) continue;
    const text = snapshot.readFile(file);
    if (text === undefined) continue;
    const parser = await format.load();
    try {
      declared.push(...parser.parse(text, file));
    } catch (err) {
      if (!isLockwardenError(err)) throw err;
      warnings.push(`manifest not read: ${err.message}`);
    }
  }
  return { declared, warnings };
}

const NON_REGISTRY_SPECIFIER = /^(git\+|git:|github:|gitlab:|bitbucket:|https?:|file:|link:|workspace:|portal:|patch:|npm:|\.{0,2}\/|~\/)/;

/**
 * Dependencies a change declares in a manifest that no lockfile at head locks: new at head (by ecosystem and
 * normalised name), from a registry (not a git URL, path or alias), as packages with version "" and `declaredIn`.
 */
export function declaredOnlyPackages(
  head: readonly DeclaredDependency[],
  base: readonly DeclaredDependency[],
  locked: readonly Inventory[],
): Package[] {
  const key = (ecosystem: string, name: string): string => `${ecosystem}\0${normalizePackageName(ecosystem, name)}`;
  const before = new Set(base.map((d) => key(d.ecosystem, d.name)));
  const lockedNames = new Set(locked.flatMap((inv) => inv.packages.map((p) => key(p.ecosystem, p.name))));
  const out = new Map<string, Package>();
  for (const d of head) {
    const k = key(d.ecosystem, d.name);
    if (before.has(k) || lockedNames.has(k) || out.has(k) || NON_REGISTRY_SPECIFIER.test(d.specifier.trim())) continue;
    out.set(k, {
      id: `manifest:${d.location.file}:${d.name}`,
      ecosystem: d.ecosystem,
      name: d.name,
      version: '',
      purl: d.purl,
      direct: true,
      scopes: d.scopes,
      integrity: [],
      source: { kind: 'registry' },
      location: d.location,
      declaredIn: { manifest: d.location.file, specifier: d.specifier },
    });
  }
  return [...out.values()];
}
