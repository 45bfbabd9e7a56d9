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
import { JSON_SCHEMA_URLS, SERIAL_NAMESPACE, supportedSpecVersion, uuidV5Hasher, type SbomSpecVersion } from '../spec.js';
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
  /** One digest per algorithm, the first one read. */
  hashes: Array<{ alg: CdxHashAlgorithm; content: string }> | undefined;
  license: LicenseChoiceJson | undefined;
  externalReference: { url: string; type: string } | undefined;
  properties: Array<{ name: string; value: string }>;
  /** In the order the edges were read; may repeat a node (deduplicated when written). */
  dependsOn: Node[];
  /** Place in the collation order of bom-refs, set once every bom-ref is final. */
  order: number;
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
export function writeCycloneDxJson(inventories: readonly Inventory[], options: CycloneDxJsonOptions, write: (text: string) => void): void {
  const specVersion = supportedSpecVersion(options.specVersion);
  const root = rootNode(options.root);
  /** Every component in the order the library's repository would hold them (ties in sorting keep this order). */
  const components: Node[] = [];
  /** Project components by bom-ref; a project whose ref is a package's key is that package (`byKey`). */
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
      let component = byRef.get(bomRef) ?? byKey.get(bomRef);
      if (!component) {
        component = bareNode('application', project.name ?? path, bomRef);
        component.properties.push({ name: LOCKFILE_PROPERTY, value: inventory.lockfile });
        byRef.set(bomRef, component);
        components.push(component);
        root.dependsOn.push(component);
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
      if (from && to && from !== to) from.dependsOn.push(to);
    }
    // Formats without edges from the project (requirements.txt has none, poetry.lock only between packages) still
    // tie every direct package to its project, so the graph reaches them from the root.
    const projectIds = new Set(inventory.projects.map((p) => p.id));
    if (!(inventory.edges ?? []).some((e) => projectIds.has(e.from))) {
      const rootProject = inventory.projects.find((p) => p.path === '');
      const owner = (rootProject && node.get(rootProject.id)) ?? root;
      for (const pkg of inventory.packages) {
        const component = node.get(pkg.id);
        if (pkg.direct && component && component !== owner) owner.dependsOn.push(component);
      }
    }
  });
  makeRefsUnique(root, components);

  const all = [root, ...components];
  orderByBomRef(all);
  const cards = options.modelCards;

  // The text is JSON.stringify(document, null, 2), written a member at a time and the long lists a batch at a
  // time, so that neither a tree of the whole document nor a copy of its text is built. Each piece is stringified
  // inside an object of its own key, which gives it the document's indentation; the wrapper's first and last
  // lines are cut off. `serialNumber` goes after `version`. A random serial is known at once, so the text goes
  // straight to `write`; a content-derived one is known at the end, so the text is held until then (and the
  // serial computed over it as it is made, without model cards: they are the Hub's answers, not the lockfiles').
  const hasher = options.reproducible ? uuidV5Hasher(SERIAL_NAMESPACE) : undefined;
  const held: string[] = [];
  const out = (text: string, forSerial = text): void => {
    if (!hasher) return write(text);
    hasher.update(forSerial);
    held.push(text);
  };
  const head = `{\n  "$schema": ${JSON.stringify(JSON_SCHEMA_URLS[specVersion])},\n  "bomFormat": "CycloneDX",\n  "specVersion": ${JSON.stringify(specVersion)},\n  "version": 1,\n`;
  const serialLine = (serial: string): string => `  "serialNumber": ${JSON.stringify(`urn:uuid:${serial}`)},\n`;
  if (hasher) {
    hasher.update(head);
  } else {
    write(head);
    write(serialLine(randomUUID()));
  }
  const metadata = {
    timestamp: options.timestamp?.toISOString(),
    tools: { components: [componentJson(bareNode('application', 'lockwarden', TOOL_BOM_REF, options.toolVersion), undefined)] },
    component: componentJson(root, undefined),
  };
  out(`${member('metadata', metadata)},\n`);
  const sorted = [...components].sort(compareComponents);
  if (sorted.length === 0) out('  "components": [],\n');
  forEachBatch(sorted, 'components', (node) => componentJson(node, cards), (frame, batch) => {
    const text = frame(batch);
    if (!hasher || !batch.some((c) => c.modelCard !== undefined)) return out(text);
    for (const c of batch) delete c.modelCard;
    out(text, frame(batch));
  });
  forEachBatch([...all].sort(byOrder), 'dependencies', (node) => {
    const dependsOn = [...new Set(node.dependsOn)].sort(byOrder).map((d) => d.bomRef);
    return { ref: node.bomRef, dependsOn: dependsOn.length > 0 ? dependsOn : undefined };
  }, (frame, batch) => out(frame(batch)));
  out('}\n');
  if (hasher) {
    write(head);
    write(serialLine(hasher.uuid()));
    for (const text of held) write(text);
  }
}

/** `  "key": value` as a member of the document (no trailing comma or newline). */
function member(key: string, value: unknown): string {
  const text = JSON.stringify({ [key]: value }, null, 2);
  return text.slice(2, -2);
}

/** Items of the document's list `key`, as `JSON.stringify` indents them there, joined by `,\n`, without brackets. */
function listItems(key: string, items: readonly unknown[]): string {
  const text = JSON.stringify({ [key]: items }, null, 2);
  // `{\n  "key": [\n` ... `\n  ]\n}`
  return text.slice(key.length + 10, -6);
}

/** Items per `JSON.stringify` call: big enough for its fast path, small enough that no list is built whole. */
const BATCH = 100;

/**
 * Writes the list `key` (`  "key": [` ... `  ],`; the last list of the document, `dependencies`, without the
 * comma) a batch of items at a time: `make` turns a node into its JSON value; `emit` gets the batch's values and
 * `frame`, which gives the batch's text (its place in the list included) from them.
 */
function forEachBatch<T extends Record<string, unknown>>(
  nodes: readonly Node[],
  key: 'components' | 'dependencies',
  make: (node: Node) => T,
  emit: (frame: (batch: T[]) => string, batch: T[]) => void,
): void {
  if (nodes.length === 0) return;
  const last = key === 'dependencies';
  for (let start = 0; start < nodes.length; start += BATCH) {
    const open = start === 0 ? `  ${JSON.stringify(key)}: [\n` : '';
    const end = start + BATCH >= nodes.length ? (last ? '\n  ]\n' : '\n  ],\n') : ',\n';
    emit((batch) => `${open}${listItems(key, batch)}${end}`, nodes.slice(start, start + BATCH).map(make));
  }
}

/**
 * Numbers the nodes in the collation order of their bom-refs (equal-comparing refs share a number), so that the
 * component list, the dependency list and every `dependsOn` sort by number: one collator pass instead of three.
 */
function orderByBomRef(nodes: readonly Node[]): void {
  const sorted = [...nodes].sort((a, b) => compare(a.bomRef, b.bomRef));
  let order = 0;
  sorted.forEach((node, i) => {
    if (i > 0 && compare((sorted[i - 1] as Node).bomRef, node.bomRef) !== 0) order++;
    node.order = order;
  });
}

const byOrder = (a: Node, b: Node): number => a.order - b.order;

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
    dependsOn: [],
    order: 0,
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
  if (!node.properties.some((p) => p.name === LOCKFILE_PROPERTY && p.value === lockfile)) {
    node.properties.push({ name: LOCKFILE_PROPERTY, value: lockfile });
  }
  for (const hash of pkg.integrity) {
    const algorithm = cycloneDxHashAlgorithm(hash);
    if (!algorithm) continue;
    node.hashes ??= [];
    if (!node.hashes.some((h) => h.alg === algorithm)) node.hashes.push({ alg: algorithm, content: hash.value });
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

/** The library's `Component.compare`: bom-ref (by its collation order), then purl, then group, name and version. */
function compareComponents(a: Node, b: Node): number {
  if (a.order !== b.order) return a.order - b.order;
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
      ? [...node.hashes].sort((a, b) => compare(a.alg, b.alg) || compare(a.content, b.content))
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
