import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LockwardenError } from '../errors.js';
import { loadWorkTreeInventories } from '../lockfiles/load.js';
import type { Inventory } from '../model/inventory.js';
import type { Package } from '../model/package.js';
import { isRecord, parseJson } from '../parse/json.js';
import { readSbom } from '../sbom/read.js';
import type { ComponentRecord } from './types.js';

/** Who made a component, as an SBOM says (the Package model has no place for it). */
interface Origin {
  supplier?: string;
  author?: string;
}

/**
 * Reads ingest inputs into component records: CycloneDX/SPDX JSON SBOMs (ours or third-party) and lockfiles,
 * files or folders (a folder is searched for lockfiles as `audit` does). Paths in the records are relative to `cwd`.
 */
export async function readIngestInputs(
  cwd: string,
  paths: readonly string[],
  options: { parseAs?: string } = {},
): Promise<{ components: ComponentRecord[]; inputs: string[] }> {
  if (paths.length === 0) throw new LockwardenError('USAGE_ERROR', 'name the SBOMs, lockfiles or folders to ingest');
  const components: ComponentRecord[] = [];
  const inputs: string[] = [];
  const lockfilePaths: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let isFile: boolean;
    try {
      isFile = statSync(full).isFile();
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `no such file or directory: ${path}`, { cause: err });
    }
    const text = isFile && !options.parseAs && full.endsWith('.json') ? readFileSync(full, 'utf8') : undefined;
    if (text !== undefined && looksLikeSbom(text)) {
      const rel = relative(cwd, full).split('\\').join('/');
      const inventory = readSbom(text, rel);
      const origins = sbomOrigins(parseJson(text, rel));
      components.push(...toComponents(inventory, origins));
      inputs.push(rel);
    } else {
      lockfilePaths.push(path);
    }
  }
  if (lockfilePaths.length > 0) {
    const inventories = await loadWorkTreeInventories(cwd, lockfilePaths, options.parseAs ? { parseAs: options.parseAs } : {});
    if (inventories.length === 0) throw new LockwardenError('USAGE_ERROR', `no lockfiles found in ${lockfilePaths.join(', ')}`);
    for (const inventory of inventories) {
      components.push(...toComponents(inventory, new Map()));
      inputs.push(inventory.lockfile);
    }
  }
  return { components, inputs };
}

function looksLikeSbom(text: string): boolean {
  // Cheap test before a full parse: both formats name themselves near the top.
  const head = text.slice(0, 4096);
  return /"bomFormat"\s*:\s*"CycloneDX"/.test(head) || /"spdxVersion"\s*:/.test(head) || /"bomFormat"|"spdxVersion"/.test(text);
}

/** The components of one inventory; packages without a purl are skipped (nothing can find them by purl). */
export function toComponents(inventory: Inventory, origins: ReadonlyMap<string, Origin>): ComponentRecord[] {
  const out: ComponentRecord[] = [];
  for (const pkg of inventory.packages) {
    if (!pkg.purl) continue;
    const record: ComponentRecord = {
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      version: pkg.version,
      purl: pkg.purl,
      licenses: pkg.license ? [pkg.license] : [],
      hashes: pkg.integrity,
      source: sourceOf(pkg),
      direct: pkg.direct,
      scopes: pkg.scopes,
      lockfile: inventory.lockfile,
    };
    const origin = origins.get(pkg.purl);
    if (origin?.supplier) record.supplier = origin.supplier;
    if (origin?.author) record.author = origin.author;
    out.push(record);
  }
  return out;
}

function sourceOf(pkg: Package): ComponentRecord['source'] {
  const s = pkg.source;
  if (s.kind === 'registry') return s.url ? { kind: 'registry', url: s.url } : { kind: 'registry' };
  if (s.kind === 'git' || s.kind === 'tarball') return { kind: s.kind, url: s.url };
  if (s.kind === 'path') return { kind: 'path', url: s.path };
  return { kind: 'unknown' };
}

/** Supplier and author per purl: CycloneDX `supplier`/`publisher`/`author(s)`, SPDX `supplier`/`originator`. */
function sbomOrigins(doc: unknown): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  const root = isRecord(doc) && isRecord(doc.sbom) ? doc.sbom : doc;
  if (!isRecord(root)) return origins;
  const visit = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isRecord(c)) continue;
      if (typeof c.purl === 'string') {
        const origin: Origin = {};
        const supplier = isRecord(c.supplier) && typeof c.supplier.name === 'string' ? c.supplier.name : typeof c.publisher === 'string' ? c.publisher : undefined;
        const authors = Array.isArray(c.authors) ? c.authors.filter(isRecord).map((a) => a.name).filter((n): n is string => typeof n === 'string') : [];
        const author = typeof c.author === 'string' ? c.author : authors.length > 0 ? authors.join(', ') : undefined;
        if (supplier) origin.supplier = supplier;
        if (author) origin.author = author;
        origins.set(c.purl, origin);
      }
      visit(c.components);
    }
  };
  visit(root.components);
  if (Array.isArray(root.packages)) {
    for (const p of root.packages) {
      if (!isRecord(p) || !Array.isArray(p.externalRefs)) continue;
      const purlRef = p.externalRefs.find((r) => isRecord(r) && r.referenceType === 'purl');
      if (!isRecord(purlRef) || typeof purlRef.referenceLocator !== 'string') continue;
      const origin: Origin = {};
      const clean = (v: unknown): string | undefined =>
        typeof v === 'string' && v !== 'NOASSERTION' ? v.replace(/^(Organization|Person|Tool):\s*/, '') : undefined;
      const supplier = clean(p.supplier);
      const author = clean(p.originator);
      if (supplier) origin.supplier = supplier;
      if (author) origin.author = author;
      origins.set(purlRef.referenceLocator, origin);
    }
  }
  return origins;
}
