import { compareVersions, ecosystemForPurlType } from '../ecosystems/registry.js';
import { referenceFromPurl } from '../ecosystems/reference-package.js';
import { ParseError } from '../errors.js';
import type { Ecosystem } from '../model/ecosystem.js';
import type { Edge, Inventory, Project } from '../model/inventory.js';
import type { Hash, Package, Source } from '../model/package.js';
import { parsePurl, type ParsedPurl } from '../model/purl.js';
import { isRecord, parseJson } from '../parse/json.js';


/** Hash names of CycloneDX (`SHA-512`) and SPDX (`SHA512`) → ours. */
const HASH_NAMES: Readonly<Record<string, Hash['algorithm']>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  SHA1: 'sha1',
  'SHA-256': 'sha256',
  SHA256: 'sha256',
  'SHA-384': 'sha384',
  SHA384: 'sha384',
  'SHA-512': 'sha512',
  SHA512: 'sha512',
  'BLAKE2b-256': 'blake2b',
  'BLAKE2b-384': 'blake2b',
  'BLAKE2b-512': 'blake2b',
  BLAKE2B_256: 'blake2b',
  BLAKE2B_384: 'blake2b',
  BLAKE2B_512: 'blake2b',
};

/** Inventory formats of SBOM input. */
export type SbomInputFormat = 'cyclonedx' | 'spdx';

/**
 * A component whose `version` field (SPDX `versionInfo`) names another version than its purl: one of the two was
 * edited after the SBOM was written. The package keeps the purl's version; verification reports the conflict.
 */
export interface SbomVersionConflict {
  ecosystem: Ecosystem;
  name: string;
  purl: string;
  /** The component's `version` (CycloneDX) or `versionInfo` (SPDX) field. */
  fieldVersion: string;
  /** The version in the component's purl. */
  purlVersion: string;
}

/** What `readSbom` returns: an inventory plus the components whose two version statements disagree. */
export interface SbomInventory extends Inventory {
  versionConflicts: SbomVersionConflict[];
}

/**
 * Reads a CycloneDX JSON (1.2-1.7) or SPDX 2.x JSON SBOM (also GitHub's dependency-graph export, which wraps
 * the document in `{"sbom": ...}`; npm's `npm sbom`) into an inventory keyed by purl. Components without a purl of a known
 * ecosystem are skipped. Each package keeps its own ecosystem; the inventory's `ecosystem` is the most common
 * one. The graph (CycloneDX `dependencies`, SPDX `DEPENDS_ON` and `*_DEPENDENCY_OF`) becomes `edges`; packages
 * the root depends on are `direct`. Scopes: CycloneDX `excluded` and SPDX dev/test/build-only dependencies read
 * as `dev`, `optional` as `optional`. Throws `ParseError` for anything that is neither format.
 */
export function readSbom(text: string, path: string): SbomInventory {
  const json = parseJson(text, path);
  if (isRecord(json) && json.bomFormat === 'CycloneDX') return readCycloneDx(json, path);
  const spdx = isRecord(json) && isRecord(json.sbom) && typeof json.sbom.spdxVersion === 'string' ? json.sbom : json;
  if (isRecord(spdx) && typeof spdx.spdxVersion === 'string') {
    if (!/^SPDX-2\.\d+$/.test(spdx.spdxVersion)) {
      throw new ParseError(path, `unsupported SPDX version "${spdx.spdxVersion}" (SPDX 2.x JSON is read)`, undefined, {
        code: 'SBOM_ERROR',
      });
    }
    return readSpdx(spdx, path);
  }
  throw new ParseError(path, 'neither a CycloneDX JSON nor an SPDX 2.x JSON document', undefined, {
    code: 'SBOM_ERROR',
  });
}

interface Collected {
  packages: Package[];
  conflicts: SbomVersionConflict[];
  /** Element id (bom-ref / SPDXID) → Package.id or Project.id. */
  ids: Map<string, string>;
  /** Package ids handed out so far. */
  used: Set<string>;
}

function readCycloneDx(bom: Record<string, unknown>, path: string): SbomInventory {
  const collected: Collected = { packages: [], conflicts: [], ids: new Map(), used: new Set(['root']) };
  const projects: Project[] = [];
  const metadata = isRecord(bom.metadata) ? bom.metadata : {};
  const rootRef = isRecord(metadata.component) ? stringField(metadata.component, 'bom-ref') : undefined;
  const root: Project = { id: 'root', path: '' };
  if (isRecord(metadata.component) && typeof metadata.component.name === 'string') root.name = metadata.component.name;
  projects.push(root);
  if (rootRef) collected.ids.set(rootRef, root.id);

  const visit = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isRecord(c)) continue;
      addCycloneDxComponent(c, path, collected);
      visit(c.components);
    }
  };
  visit(bom.components);

  const edges: Edge[] = [];
  if (Array.isArray(bom.dependencies)) {
    for (const d of bom.dependencies) {
      if (!isRecord(d) || typeof d.ref !== 'string' || !Array.isArray(d.dependsOn)) continue;
      for (const to of d.dependsOn) if (typeof to === 'string') pushEdge(edges, collected.ids, d.ref, to);
    }
  }
  return finish(path, 'cyclonedx', collected, Array.isArray(bom.dependencies) ? edges : undefined, projects);
}

function addCycloneDxComponent(c: Record<string, unknown>, path: string, collected: Collected): void {
  const purlText = stringField(c, 'purl');
  const parsed = purlText ? tryParsePurl(purlText) : undefined;
  const ecosystem = parsed ? ecosystemForPurlType(parsed.type) : undefined;
  if (!parsed || !ecosystem || !purlText) return;
  const bomRef = stringField(c, 'bom-ref');
  const id = uniqueId(bomRef ?? purlText, collected);
  if (bomRef) collected.ids.set(bomRef, id);

  const integrity = cycloneDxHashes(c.hashes);
  let source: Source = { kind: 'unknown' };
  if (Array.isArray(c.externalReferences)) {
    for (const r of c.externalReferences) {
      if (!isRecord(r) || typeof r.url !== 'string') continue;
      if (r.type === 'distribution') {
        source = { kind: 'registry', url: r.url };
        // cyclonedx-npm puts the tarball's integrity on its distribution reference, not on the component.
        if (integrity.length === 0) integrity.push(...cycloneDxHashes(r.hashes));
      } else if (r.type === 'vcs' && source.kind === 'unknown') {
        source = { kind: 'git', url: r.url };
      }
    }
  }
  const scope = stringField(c, 'scope');
  const license = cycloneDxLicense(c.licenses);
  const pkg: Package = {
    id,
    ecosystem,
    name: nameFromPurl(parsed),
    version: componentVersion(parsed, stringField(c, 'version'), ecosystem, purlText, collected),
    purl: purlText,
    direct: false,
    // `excluded` is what lockwarden writes for dev-only packages, so it reads back as `dev`.
    scopes: scope === 'excluded' ? ['dev'] : scope === 'optional' ? ['optional'] : [],
    integrity,
    source,
    location: { file: path },
  };
  if (license) pkg.license = license;
  const reference = referenceFromPurl(parsed);
  if (reference) pkg.reference = reference;
  collected.packages.push(pkg);
}

function cycloneDxHashes(hashes: unknown): Hash[] {
  const integrity: Hash[] = [];
  if (!Array.isArray(hashes)) return integrity;
  for (const h of hashes) {
    if (!isRecord(h) || typeof h.alg !== 'string' || typeof h.content !== 'string') continue;
    const algorithm = own(HASH_NAMES, h.alg);
    if (algorithm) integrity.push({ algorithm, value: h.content.toLowerCase() });
  }
  return integrity;
}

/**
 * CycloneDX `licenses`: an expression wins; several listed licenses are joined with AND because the spec
 * gives them no choice semantics, and a license policy must then accept all of them.
 */
function cycloneDxLicense(licenses: unknown): string | undefined {
  if (!Array.isArray(licenses)) return undefined;
  const parts: string[] = [];
  for (const l of licenses) {
    if (!isRecord(l)) continue;
    if (typeof l.expression === 'string') return l.expression;
    if (isRecord(l.license)) {
      const value = stringField(l.license, 'id') ?? stringField(l.license, 'name');
      if (value) parts.push(value);
    }
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => (/\s/.test(p) ? `(${p})` : p)).join(' AND ');
}

function readSpdx(doc: Record<string, unknown>, path: string): SbomInventory {
  const collected: Collected = { packages: [], conflicts: [], ids: new Map(), used: new Set(['root']) };
  const described = new Set<string>(
    Array.isArray(doc.documentDescribes) ? doc.documentDescribes.filter((d) => typeof d === 'string') : [],
  );
  const relationships = Array.isArray(doc.relationships) ? doc.relationships.filter(isRecord) : [];
  for (const r of relationships) {
    if (r.relationshipType === 'DESCRIBES' && typeof r.relatedSpdxElement === 'string') {
      described.add(r.relatedSpdxElement);
    }
  }
  const root: Project = { id: 'root', path: '' };
  if (typeof doc.name === 'string') root.name = doc.name;
  for (const d of described) collected.ids.set(d, root.id);

  for (const p of Array.isArray(doc.packages) ? doc.packages.filter(isRecord) : []) {
    const spdxId = stringField(p, 'SPDXID');
    if (spdxId && described.has(spdxId)) continue;
    const purlText = Array.isArray(p.externalRefs)
      ? p.externalRefs
          .filter(isRecord)
          .find((r) => r.referenceType === 'purl' && typeof r.referenceLocator === 'string')?.referenceLocator
      : undefined;
    const parsed = typeof purlText === 'string' ? tryParsePurl(purlText) : undefined;
    const ecosystem = parsed ? ecosystemForPurlType(parsed.type) : undefined;
    if (!parsed || !ecosystem || typeof purlText !== 'string') continue;
    const id = uniqueId(spdxId ?? purlText, collected);
    if (spdxId) collected.ids.set(spdxId, id);
    const integrity: Hash[] = [];
    for (const c of Array.isArray(p.checksums) ? p.checksums.filter(isRecord) : []) {
      const algorithm = typeof c.algorithm === 'string' ? own(HASH_NAMES, c.algorithm) : undefined;
      if (algorithm && typeof c.checksumValue === 'string') {
        integrity.push({ algorithm, value: c.checksumValue.toLowerCase() });
      }
    }
    const download = stringField(p, 'downloadLocation');
    const source: Source =
      !download || download === 'NOASSERTION' || download === 'NONE'
        ? { kind: 'unknown' }
        : /^git(\+|:)/.test(download)
          ? { kind: 'git', url: download }
          : { kind: 'registry', url: download };
    const license = [stringField(p, 'licenseConcluded'), stringField(p, 'licenseDeclared')].find(
      (l) => l !== undefined && l !== 'NOASSERTION' && l !== 'NONE',
    );
    const pkg: Package = {
      id,
      ecosystem,
      name: nameFromPurl(parsed),
      version: componentVersion(parsed, stringField(p, 'versionInfo'), ecosystem, purlText, collected),
      purl: purlText,
      direct: false,
      scopes: [],
      integrity,
      source,
      location: { file: path },
    };
    if (license) pkg.license = license;
    const reference = referenceFromPurl(parsed);
    if (reference) pkg.reference = reference;
    collected.packages.push(pkg);
  }

  const edges: Edge[] = [];
  // Per package: whether any incoming dependency relationship is a runtime one, or only dev/test/build ones.
  const kinds = new Map<string, { runtime: boolean; dev: boolean; optional: boolean }>();
  for (const r of relationships) {
    const type = typeof r.relationshipType === 'string' ? r.relationshipType : '';
    if (typeof r.spdxElementId !== 'string' || typeof r.relatedSpdxElement !== 'string') continue;
    let from: string;
    let to: string;
    if (type === 'DEPENDS_ON') [from, to] = [r.spdxElementId, r.relatedSpdxElement];
    else if (type.endsWith('DEPENDENCY_OF')) [from, to] = [r.relatedSpdxElement, r.spdxElementId];
    else continue;
    pushEdge(edges, collected.ids, from, to);
    const id = collected.ids.get(to);
    if (id === undefined) continue;
    const k = kinds.get(id) ?? { runtime: false, dev: false, optional: false };
    if (/^(DEV|TEST|BUILD)_DEPENDENCY_OF$/.test(type)) k.dev = true;
    else if (type === 'OPTIONAL_DEPENDENCY_OF') k.optional = true;
    else k.runtime = true;
    kinds.set(id, k);
  }
  for (const pkg of collected.packages) {
    const k = kinds.get(pkg.id);
    if (k && !k.runtime) pkg.scopes = k.optional ? ['optional'] : k.dev ? ['dev'] : [];
  }
  return finish(path, 'spdx', collected, relationships.length > 0 ? edges : undefined, [root]);
}

function finish(
  path: string,
  format: SbomInputFormat,
  collected: Collected,
  edges: Edge[] | undefined,
  projects: Project[],
): SbomInventory {
  const { packages } = collected;
  const rootIds = new Set(projects.map((p) => p.id));
  const direct = new Set((edges ?? []).filter((e) => rootIds.has(e.from)).map((e) => e.to));
  for (const pkg of packages) pkg.direct = direct.has(pkg.id);
  const counts = new Map<Ecosystem, number>();
  for (const pkg of packages) counts.set(pkg.ecosystem, (counts.get(pkg.ecosystem) ?? 0) + 1);
  let ecosystem: Ecosystem = 'npm';
  let best = 0;
  for (const [e, n] of counts) {
    if (n > best) {
      ecosystem = e;
      best = n;
    }
  }
  const inventory: SbomInventory = {
    lockfile: path,
    format,
    ecosystem,
    packages,
    projects,
    versionConflicts: collected.conflicts,
  };
  if (edges) inventory.edges = edges;
  return inventory;
}

/**
 * The purl's version when it has one (the purl is the identity every tool compares), else the version field. A
 * version field that names another version than the purl is recorded as a conflict; the two are the same version
 * when the ecosystem orders them equal (Go's `v1.6.0` in the purl and `1.6.0` in lockwarden's field).
 */
function componentVersion(
  purl: ParsedPurl,
  field: string | undefined,
  ecosystem: Ecosystem,
  purlText: string,
  collected: Collected,
): string {
  if (purl.version === undefined) return field ?? '';
  if (field !== undefined && !sameVersion(ecosystem, field, purl.version)) {
    collected.conflicts.push({ ecosystem, name: nameFromPurl(purl), purl: purlText, fieldVersion: field, purlVersion: purl.version });
  }
  return purl.version;
}

function sameVersion(ecosystem: Ecosystem, a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return compareVersions(ecosystem, a, b) === 0;
  } catch {
    // One of them is not a version of the ecosystem: only the same text is the same version.
    return false;
  }
}

function pushEdge(edges: Edge[], ids: Map<string, string>, from: string, to: string): void {
  const f = ids.get(from);
  const t = ids.get(to);
  if (f !== undefined && t !== undefined && f !== t) edges.push({ from: f, to: t });
}

function uniqueId(base: string, collected: Collected): string {
  let id = base;
  for (let n = 2; collected.used.has(id); n++) id = `${base}#${n}`;
  collected.used.add(id);
  return id;
}

function tryParsePurl(purl: string): ParsedPurl | undefined {
  try {
    return parsePurl(purl);
  } catch {
    return undefined;
  }
}

/** The package name as the ecosystem writes it (npm `@scope/name`, Maven `group:artifact`, Go module path). */
function nameFromPurl(purl: ParsedPurl): string {
  if (!purl.namespace) return purl.name;
  return purl.type === 'maven' ? `${purl.namespace}:${purl.name}` : `${purl.namespace}/${purl.name}`;
}

/** A table lookup that ignores inherited keys (`constructor`, `__proto__` in untrusted documents). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
