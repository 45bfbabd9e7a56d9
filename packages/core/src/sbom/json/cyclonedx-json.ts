import { randomUUID } from 'node:crypto';
import type { Inventory } from '../../model/inventory.js';
import { isLocalPackage, type Package } from '../../model/package.js';
import {
  componentType,
  cycloneDxHashAlgorithm,
  DETECTED_COMMENT,
  externalReferenceOf,
  LOCKFILE_PROPERTY,
  projectBomRef,
  projectPath,
  RANK_EXCLUDED,
  referenceProperties,
  ROOT_BOM_REF,
  SCOPE_NAMES,
  scopeRank,
  TOOL_BOM_REF,
  type CdxComponentType,
  type CdxHashAlgorithm,
  type ScopeRank,
} from '../bom-terms.js';
import type { ModelCard } from '../model-card.js';
import type { RootProject } from '../root-project.js';
import { JSON_SCHEMA_URLS, SERIAL_NAMESPACE, supportedSpecVersion, uuidV5, type SbomSpecVersion } from '../spec.js';
import { groupAndName } from './component-name.js';
import { licenseChoice, type LicenseChoiceJson } from './license-choice.js';

/** What the JSON writer needs besides the inventories. */
export interface CycloneDxJsonOptions {
  toolVersion: string;
  root?: RootProject | undefined;
  /** Folder of the root project, relative to the folder lockfile paths are relative to (posix, "" by default). */
  rootDir?: string | undefined;
  specVersion?: SbomSpecVersion | undefined;
  /** `metadata.timestamp`; none when unset. */
  timestamp?: Date | undefined;
  /** Serial number derived from the content instead of a random one. */
  reproducible?: boolean | undefined;
  /** Model cards by bom-ref (the purl), for `machine-learning-model` components. */
  modelCards?: ReadonlyMap<string, ModelCard> | undefined;
}

/** One component while the inventories are read: what the JSON will say, gathered occurrence by occurrence. */
interface Node {
  type: CdxComponentType;
  name: string;
  group: string | undefined;
  version: string | undefined;
  bomRef: string;
  purl: string | undefined;
  /** Packages only; projects and the root have no scope. */
  rank: ScopeRank | undefined;
  hashes: Map<CdxHashAlgorithm, string> | undefined;
  license: LicenseChoiceJson | undefined;
  externalReference: { url: string; type: string } | undefined;
  properties: Array<{ name: string; value: string }>;
  lockfiles: Set<string> | undefined;
  dependsOn: Set<Node>;
}

// `localeCompare` is what the CycloneDX library sorts with; one collator of the same (default) locale compares the
// same, without a lookup per call.
const compare = new Intl.Collator().compare;

/**
 * Writes the CycloneDX JSON SBOM of some inventories straight from lockwarden's model: the same document, byte
 * for byte, as the CycloneDX library's models and JSON normalizer give (`generateSbomWithLibrary`; a test holds
 * the two together), at a fraction of the cost. Strings are only ever values handed to `JSON.stringify`, which
 * escapes them (lone surrogates included); nothing is escaped or concatenated by hand.
 *
 * Packages are merged by purl (local packages by their place): one component per purl, listing each lockfile in
 * a `lockwarden:lockfile` property, with the widest scope of its occurrences (required > optional > excluded).
 */
export function writeCycloneDxJson(inventories: readonly Inventory[], options: CycloneDxJsonOptions): string {
  const specVersion = supportedSpecVersion(options.specVersion);
  const root = rootNode(options.root);
  /** Every component in the order the library's repository would hold them (ties in sorting keep this order). */
  const components: Node[] = [];
  const byRef = new Map<string, Node>();
  const byKey = new Map<string, Node>();
  // Per inventory: Package.id / Project.id -> the node that stands for it in the graph.
  const nodes: Map<string, Node>[] = [];

  for (const inventory of inventories) {
    const node = new Map<string, Node>();
    nodes.push(node);
    for (const pkg of inventory.packages) {
      // A local package's purl would name a registry package of the same name; it is keyed by its place instead.
      const key = (!isLocalPackage(pkg) && pkg.purl) || `lockwarden:${inventory.lockfile}#${pkg.id}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = packageNode(pkg, key);
        byKey.set(key, entry);
        components.push(entry);
        if (!byRef.has(key)) byRef.set(key, entry);
      }
      addOccurrence(entry, pkg, inventory.lockfile);
      node.set(pkg.id, entry);
    }
    for (const project of inventory.projects) {
      if (node.has(project.id)) continue;
      const path = projectPath(inventory.lockfile, project.path, options.rootDir ?? '');
      if (path === '') {
        node.set(project.id, root);
        continue;
      }
      const bomRef = projectBomRef(path);
      let component = byRef.get(bomRef);
      if (!component) {
        component = bareNode('application', project.name ?? path, bomRef);
        component.properties.push({ name: LOCKFILE_PROPERTY, value: inventory.lockfile });
        byRef.set(bomRef, component);
        components.push(component);
        root.dependsOn.add(component);
      }
      node.set(project.id, component);
    }
  }
  // Cargo.lock (and others) list the root crate itself; bom-refs must stay unique, so the root steps aside.
  if (byKey.has(root.bomRef)) root.bomRef = ROOT_BOM_REF;

  inventories.forEach((inventory, index) => {
    const node = nodes[index] as Map<string, Node>;
    for (const edge of inventory.edges ?? []) {
      const from = node.get(edge.from);
      const to = node.get(edge.to);
      if (from && to && from !== to) from.dependsOn.add(to);
    }
    // Formats without edges from the project (requirements.txt has none, poetry.lock only between packages) still
    // tie every direct package to its project, so the graph reaches them from the root.
    const projectIds = new Set(inventory.projects.map((p) => p.id));
    if (!(inventory.edges ?? []).some((e) => projectIds.has(e.from))) {
      const rootProject = inventory.projects.find((p) => p.path === '');
      const owner = (rootProject && node.get(rootProject.id)) ?? root;
      for (const pkg of inventory.packages) {
        const component = node.get(pkg.id);
        if (pkg.direct && component && component !== owner) owner.dependsOn.add(component);
      }
    }
  });
  makeRefsUnique(root, components);

  const cards = options.modelCards;
  const sorted = [...components].sort(compareComponents);
  const document = {
    $schema: JSON_SCHEMA_URLS[specVersion],
    bomFormat: 'CycloneDX',
    specVersion,
    version: 1,
    metadata: {
      timestamp: options.timestamp?.toISOString(),
      tools: { components: [componentJson(bareNode('application', 'lockwarden', TOOL_BOM_REF, options.toolVersion), cards)] },
      component: componentJson(root, cards),
    },
    components: sorted.map((c) => componentJson(c, cards)),
    dependencies: [root, ...components]
      .map((n) => {
        const dependsOn = [...n.dependsOn].map((d) => d.bomRef).sort(compare);
        return { ref: n.bomRef, dependsOn: dependsOn.length > 0 ? dependsOn : undefined };
      })
      .sort((a, b) => compare(a.ref, b.ref)),
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  // The serial number is the field after `version`; the text without it is what the content-derived serial is
  // computed over, so it is spliced in rather than serialized twice. Model cards (the Hub's answers, not the
  // lockfiles') are not part of what the serial is derived from.
  const serial = `urn:uuid:${options.reproducible ? uuidV5(SERIAL_NAMESPACE, withoutModelCards(document) ?? text) : randomUUID()}`;
  const after = text.indexOf('\n', text.indexOf('\n  "version": 1,') + 1);
  return `${text.slice(0, after + 1)}  "serialNumber": ${JSON.stringify(serial)},\n${text.slice(after + 1)}`;
}

/** The document's text without its model cards, or `undefined` when it has none. */
function withoutModelCards(document: { components: Array<Record<string, unknown>> }): string | undefined {
  if (!document.components.some((c) => 'modelCard' in c)) return undefined;
  const components = document.components.map(({ modelCard: _card, ...rest }) => rest);
  return `${JSON.stringify({ ...document, components }, null, 2)}\n`;
}

function bareNode(type: CdxComponentType, name: string, bomRef: string, version?: string): Node {
  return {
    type,
    name,
    group: undefined,
    version,
    bomRef,
    purl: undefined,
    rank: undefined,
    hashes: undefined,
    license: undefined,
    externalReference: undefined,
    properties: [],
    lockfiles: undefined,
    dependsOn: new Set(),
  };
}

function rootNode(root: RootProject | undefined): Node {
  const node = bareNode('application', root?.name ?? 'unknown', root?.purl ?? ROOT_BOM_REF, root?.version);
  node.group = root?.group;
  node.purl = root?.purl;
  return node;
}

function packageNode(pkg: Package, bomRef: string): Node {
  const local = isLocalPackage(pkg);
  const { group, name } = pkg.purl && !local ? groupAndName(pkg.purl, pkg.name) : { group: undefined, name: pkg.name };
  const node = bareNode(componentType(pkg), name, bomRef, pkg.version || undefined);
  node.group = group;
  node.purl = local ? undefined : pkg.purl || undefined;
  node.rank = RANK_EXCLUDED;
  if (pkg.license) node.license = licenseChoice(pkg.license);
  node.properties.push(...referenceProperties(pkg));
  node.externalReference = externalReferenceOf(pkg);
  return node;
}

function addOccurrence(node: Node, pkg: Package, lockfile: string): void {
  const rank = scopeRank(pkg);
  if (node.rank === undefined || rank > node.rank) node.rank = rank;
  node.lockfiles ??= new Set();
  if (!node.lockfiles.has(lockfile)) {
    node.lockfiles.add(lockfile);
    node.properties.push({ name: LOCKFILE_PROPERTY, value: lockfile });
  }
  for (const hash of pkg.integrity) {
    const algorithm = cycloneDxHashAlgorithm(hash);
    if (!algorithm) continue;
    node.hashes ??= new Map();
    if (!node.hashes.has(algorithm)) node.hashes.set(algorithm, hash.value);
  }
}

/**
 * bom-refs must be unique in a document. lockwarden's are by construction; should two collide all the same (a
 * purl spelled like a project ref), the later one gets a generated ref, as the library's discriminator does
 * (its refs are random; these are numbered, so the output stays reproducible).
 */
function makeRefsUnique(root: Node, components: readonly Node[]): void {
  const known = new Set<string>(['']);
  let counter = 0;
  for (const node of [root, ...components]) {
    while (known.has(node.bomRef)) node.bomRef = `BomRef.${++counter}`;
    known.add(node.bomRef);
  }
}

/** The library's `Component.compare`: bom-ref, then purl, then group, name and version. */
function compareComponents(a: Node, b: Node): number {
  const byRef = compare(a.bomRef, b.bomRef);
  if (byRef !== 0) return byRef;
  if (a.purl !== undefined && b.purl !== undefined) return compare(a.purl, b.purl);
  return compare(a.group ?? '', b.group ?? '') || compare(a.name, b.name) || compare(a.version ?? '', b.version ?? '');
}

/** The JSON of one component, keys in the order of the CycloneDX library's normalizer (the schema's order). */
function componentJson(node: Node, cards: ReadonlyMap<string, ModelCard> | undefined): Record<string, unknown> {
  const properties = [...node.properties].sort((a, b) => compare(a.name, b.name) || compare(a.value, b.value));
  const json: Record<string, unknown> = {
    type: node.type,
    name: node.name,
    group: node.group || undefined,
    version: node.version || undefined,
    'bom-ref': node.bomRef || undefined,
    scope: node.rank === undefined ? undefined : SCOPE_NAMES[node.rank],
    hashes: node.hashes
      ? [...node.hashes].sort(([a1, c1], [a2, c2]) => compare(a1, a2) || compare(c1, c2)).map(([alg, content]) => ({ alg, content }))
      : undefined,
    licenses: node.license ? [node.license] : undefined,
    purl: node.purl,
    externalReferences: node.externalReference
      ? [{ url: escapeUri(node.externalReference.url), type: node.externalReference.type, comment: DETECTED_COMMENT }]
      : undefined,
    properties: properties.length > 0 ? properties : undefined,
  };
  const card = node.type === 'machine-learning-model' ? cards?.get(node.bomRef) : undefined;
  if (card) json.modelCard = card;
  return json;
}

/**
 * The few characters CycloneDX's JSON normalizer percent-encodes in URLs (space, quotes, brackets, braces, angle
 * brackets), so that a URL is an `iri-reference`. This is URL syntax, not JSON escaping: JSON.stringify does that.
 */
const URI_ESCAPES: ReadonlyArray<[RegExp, string]> = [
  [/ /g, '%20'],
  [/"/g, '%22'],
  [/'/g, '%27'],
  [/\[/g, '%5B'],
  [/]/g, '%5D'],
  [/</g, '%3C'],
  [/>/g, '%3E'],
  [/\{/g, '%7B'],
  [/}/g, '%7D'],
];
function escapeUri(url: string): string {
  let escaped = url;
  for (const [pattern, replacement] of URI_ESCAPES) escaped = escaped.replace(pattern, replacement);
  return escaped;
}
