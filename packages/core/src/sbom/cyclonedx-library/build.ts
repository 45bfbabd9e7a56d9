// Sub-path imports: the package root also loads the library's validators, whose `__dirname` use breaks ESM bundles.
import { Factories as LicenseFactories } from '@cyclonedx/cyclonedx-library/Contrib/License';
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import spdxExpressionParse from 'spdx-expression-parse';
import type { Inventory, Project } from '../../model/inventory.js';
import { parsePurl } from '../../model/purl.js';
import { isLocalPackage, type Package } from '../../model/package.js';
import {
  componentType,
  cycloneDxHashAlgorithm,
  DETECTED_COMMENT,
  externalReferenceOf,
  GROUPED_PURL_TYPES,
  LOCKFILE_PROPERTY,
  projectBomRef,
  projectPath,
  RANK_EXCLUDED,
  referenceProperties,
  ROOT_BOM_REF,
  scopeRank,
  TOOL_BOM_REF,
  type ScopeRank,
} from '../bom-terms.js';
import type { RootProject } from '../root-project.js';

/** What goes into a BOM besides the inventories. */
export interface BuildBomOptions {
  /** lockwarden's own version, listed in `metadata.tools.components`. */
  toolVersion: string;
  /** The project the BOM describes (`metadata.component`); defaults to an application named "unknown". */
  root?: RootProject | undefined;
  /** `metadata.timestamp`; leave unset for no timestamp. */
  timestamp?: Date | undefined;
  /**
   * Folder of the root project, relative to the folder lockfile paths are relative to (posix, "" by default).
   * Lockfiles in it are the root's; lockfiles elsewhere become sub-projects named by their path from here.
   */
  rootDir?: string | undefined;
}

/** Built on first use: importing the SBOM builder constructs nothing. */
let licenseFactory: LicenseFactories.LicenseFactory | undefined;
function licenses(): LicenseFactories.LicenseFactory {
  licenseFactory ??= new LicenseFactories.LicenseFactory((expression) => {
    spdxExpressionParse(expression);
  });
  return licenseFactory;
}

const SCOPES: Record<ScopeRank, Enums.ComponentScope> = {
  0: Enums.ComponentScope.Excluded,
  1: Enums.ComponentScope.Optional,
  2: Enums.ComponentScope.Required,
};

interface Entry {
  component: Models.Component;
  rank: ScopeRank;
}

/**
 * Builds one CycloneDX BOM (library models) from one or more inventories. Packages are merged by purl, so a
 * package locked by several lockfiles of a monorepo is one component with one `lockwarden:lockfile` property
 * per lockfile; its scope is the widest of its occurrences (required > optional > excluded).
 */
export function buildBom(inventories: readonly Inventory[], options: BuildBomOptions): Models.Bom {
  const root = makeRootComponent(options.root);
  const bom = new Models.Bom({
    metadata: new Models.Metadata({
      component: root,
      timestamp: options.timestamp,
      tools: new Models.Tools({
        components: new Models.ComponentRepository([
          new Models.Component(Enums.ComponentType.Application, 'lockwarden', {
            version: options.toolVersion,
            bomRef: TOOL_BOM_REF,
          }),
        ]),
      }),
    }),
  });

  const byPurl = new Map<string, Entry>();
  // Per inventory: Package.id / Project.id -> the component that stands for it in the graph.
  const nodes: Map<string, Models.Component>[] = [];

  inventories.forEach((inventory) => {
    const node = new Map<string, Models.Component>();
    nodes.push(node);
    for (const pkg of inventory.packages) {
      // A local package's purl would name a registry package of the same name; it is keyed by its place instead.
      const key = (!isLocalPackage(pkg) && pkg.purl) || `lockwarden:${inventory.lockfile}#${pkg.id}`;
      let entry = byPurl.get(key);
      if (!entry) {
        entry = { component: makeComponent(pkg, key), rank: RANK_EXCLUDED };
        byPurl.set(key, entry);
        bom.components.add(entry.component);
      }
      addOccurrence(entry, pkg, inventory.lockfile);
      node.set(pkg.id, entry.component);
    }
    for (const project of inventory.projects) {
      if (node.has(project.id)) continue;
      node.set(project.id, projectComponent(bom, root, inventory, project, options.rootDir ?? ''));
    }
  });
  for (const entry of byPurl.values()) entry.component.scope = SCOPES[entry.rank];
  // Cargo.lock (and others) list the root crate itself; bom-refs must stay unique, so the root steps aside.
  if (root.bomRef.value !== undefined && byPurl.has(root.bomRef.value)) root.bomRef.value = ROOT_BOM_REF;

  inventories.forEach((inventory, index) => {
    const node = nodes[index] as Map<string, Models.Component>;
    for (const edge of inventory.edges ?? []) {
      const from = node.get(edge.from);
      const to = node.get(edge.to);
      if (from && to && from !== to) from.dependencies.add(to.bomRef);
    }
    // Formats without edges from the project (requirements.txt has none, poetry.lock only between packages) still
    // tie every direct package to its project, so the graph reaches them from the root.
    const projectIds = new Set(inventory.projects.map((p) => p.id));
    if (!(inventory.edges ?? []).some((e) => projectIds.has(e.from))) {
      const rootProject = inventory.projects.find((p) => p.path === '');
      const owner = (rootProject && node.get(rootProject.id)) ?? root;
      for (const pkg of inventory.packages) {
        const component = node.get(pkg.id);
        if (pkg.direct && component && component !== owner) owner.dependencies.add(component.bomRef);
      }
    }
  });
  return bom;
}

function addOccurrence(entry: Entry, pkg: Package, lockfile: string): void {
  const rank = scopeRank(pkg);
  if (rank > entry.rank) entry.rank = rank;
  const already = [...entry.component.properties].some((p) => p.name === LOCKFILE_PROPERTY && p.value === lockfile);
  if (!already) entry.component.properties.add(new Models.Property(LOCKFILE_PROPERTY, lockfile));
  for (const hash of pkg.integrity) {
    const algorithm = cycloneDxHashAlgorithm(hash) as Enums.HashAlgorithm | undefined;
    if (algorithm && !entry.component.hashes.has(algorithm)) entry.component.hashes.set(algorithm, hash.value);
  }
}

function makeComponent(pkg: Package, bomRef: string): Models.Component {
  let group: string | undefined;
  let name = pkg.name;
  const local = isLocalPackage(pkg);
  if (pkg.purl && !local) {
    const purl = parsePurl(pkg.purl);
    if (GROUPED_PURL_TYPES.has(purl.type) && purl.namespace) {
      group = purl.namespace;
      name = purl.name;
    }
  }
  const component = new Models.Component(componentType(pkg) as Enums.ComponentType, name, {
    bomRef,
    group,
    version: pkg.version || undefined,
    purl: local ? undefined : pkg.purl || undefined,
  });
  if (pkg.license) component.licenses.add(licenses().makeFromString(pkg.license));
  for (const p of referenceProperties(pkg)) component.properties.add(new Models.Property(p.name, p.value));
  const reference = externalReferenceOf(pkg);
  if (reference) {
    component.externalReferences.add(
      new Models.ExternalReference(reference.url, reference.type as Enums.ExternalReferenceType, { comment: DETECTED_COMMENT }),
    );
  }
  return component;
}

function makeRootComponent(root: RootProject | undefined): Models.Component {
  return new Models.Component(Enums.ComponentType.Application, root?.name ?? 'unknown', {
    bomRef: root?.purl ?? ROOT_BOM_REF,
    group: root?.group,
    version: root?.version,
    purl: root?.purl,
  });
}

/**
 * A lockfile's root project is the BOM's root when the lockfile sits at the top; workspace members and
 * lockfiles in sub-folders become application components the root depends on.
 */
function projectComponent(
  bom: Models.Bom,
  root: Models.Component,
  inventory: Inventory,
  project: Project,
  rootDir: string,
): Models.Component {
  const path = projectPath(inventory.lockfile, project.path, rootDir);
  if (path === '') return root;
  const bomRef = projectBomRef(path);
  const existing = [...bom.components].find((c) => c.bomRef.value === bomRef);
  if (existing) return existing;
  const component = new Models.Component(Enums.ComponentType.Application, project.name ?? path, { bomRef });
  component.properties.add(new Models.Property(LOCKFILE_PROPERTY, inventory.lockfile));
  bom.components.add(component);
  root.dependencies.add(component.bomRef);
  return component;
}
