// Sub-path imports: the package root also loads the library's validators, whose `__dirname` use breaks ESM bundles.
import { Factories as LicenseFactories } from '@cyclonedx/cyclonedx-library/Contrib/License';
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import spdxExpressionParse from 'spdx-expression-parse';
import type { Inventory, Project } from '../model/inventory.js';
import { parsePurl } from '../model/purl.js';
import { isLocalPackage, type Hash, type Package } from '../model/package.js';
import type { RootProject } from './root-project.js';

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

/** Property naming the lockfile a component was read from; repeated when several lockfiles hold it. */
export const LOCKFILE_PROPERTY = 'lockwarden:lockfile';

/** Property saying whether a model, action, image or include reference is pinned to immutable content. */
export const PINNED_PROPERTY = 'lockwarden:pinned';

/**
 * Dev-only groups: packages needed only to build or test, never shipped. Python groups and Maven's `test`
 * scope land here too.
 */
const DEV_SCOPES = new Set(['dev', 'development', 'test']);

/** Our algorithm names → CycloneDX's, given the digest's hex length; `undefined` when the length does not fit. */
const HASH_ALGORITHMS: Record<Hash['algorithm'], (hexLength: number) => Enums.HashAlgorithm | undefined> = {
  md5: (n) => (n === 32 ? Enums.HashAlgorithm.MD5 : undefined),
  sha1: (n) => (n === 40 ? Enums.HashAlgorithm['SHA-1'] : undefined),
  sha256: (n) => (n === 64 ? Enums.HashAlgorithm['SHA-256'] : undefined),
  sha384: (n) => (n === 96 ? Enums.HashAlgorithm['SHA-384'] : undefined),
  sha512: (n) => (n === 128 ? Enums.HashAlgorithm['SHA-512'] : undefined),
  blake2b: (hexLength) =>
    hexLength === 64
      ? Enums.HashAlgorithm['BLAKE2b-256']
      : hexLength === 96
        ? Enums.HashAlgorithm['BLAKE2b-384']
        : hexLength === 128
          ? Enums.HashAlgorithm['BLAKE2b-512']
          : undefined,
};

/** purl types whose namespace is what CycloneDX calls `group` (npm scope, Maven groupId, composer vendor). */
const GROUPED_PURL_TYPES = new Set(['npm', 'maven', 'composer']);

/** Built on first use: importing the SBOM builder constructs nothing. */
let licenseFactory: LicenseFactories.LicenseFactory | undefined;
function licenses(): LicenseFactories.LicenseFactory {
  licenseFactory ??= new LicenseFactories.LicenseFactory((expression) => {
    spdxExpressionParse(expression);
  });
  return licenseFactory;
}

type ScopeRank = 0 | 1 | 2;
const RANK_REQUIRED: ScopeRank = 2;
const RANK_OPTIONAL: ScopeRank = 1;
const RANK_EXCLUDED: ScopeRank = 0;

/**
 * The CycloneDX scope of one occurrence of a package. Dev-only packages are `excluded` (not part of what
 * ships); `optional` wins over `dev` because npm's `devOptional` packages may still be installed in production.
 */
function scopeRank(pkg: Package): ScopeRank {
  if (pkg.scopes.includes('optional')) return RANK_OPTIONAL;
  if (pkg.scopes.some((s) => DEV_SCOPES.has(s))) return RANK_EXCLUDED;
  return RANK_REQUIRED;
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
            bomRef: 'lockwarden:tool',
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
  if (root.bomRef.value !== undefined && byPurl.has(root.bomRef.value)) root.bomRef.value = 'lockwarden:root';

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
    // A digest that is not hex of the algorithm's length would make the BOM schema-invalid; leave it out.
    if (!/^[0-9a-f]+$/.test(hash.value)) continue;
    const algorithm = HASH_ALGORITHMS[hash.algorithm]?.(hash.value.length);
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
  const component = new Models.Component(componentType(pkg), name, {
    bomRef,
    group,
    version: pkg.version || undefined,
    purl: local ? undefined : pkg.purl || undefined,
  });
  if (pkg.license) component.licenses.add(licenses().makeFromString(pkg.license));
  if (pkg.reference) {
    component.properties.add(new Models.Property(PINNED_PROPERTY, String(pkg.reference.pinned)));
    if (pkg.reference.trustRemoteCode) component.properties.add(new Models.Property('lockwarden:trust-remote-code', 'true'));
    for (const i of pkg.reference.scan?.imports ?? []) {
      if (i.verdict !== 'safe') component.properties.add(new Models.Property(`lockwarden:pickle-import:${i.verdict}`, `${i.module}.${i.name}`));
    }
  }
  const reference = externalReference(pkg);
  if (reference) component.externalReferences.add(reference);
  return component;
}

/**
 * CycloneDX component types for references: Hub models are `machine-learning-model`, datasets `data`, actions,
 * reusable workflows and includes `application`, images `container`, committed model files `file`; packages
 * stay `library`.
 */
function componentType(pkg: Package): Enums.ComponentType {
  switch (pkg.reference?.kind) {
    case 'model':
      return Enums.ComponentType.MachineLearningModel;
    case 'dataset':
      return Enums.ComponentType.Data;
    case 'action':
    case 'reusable-workflow':
    case 'include':
      return Enums.ComponentType.Application;
    case 'image':
      return Enums.ComponentType.Container;
    case 'model-file':
      return Enums.ComponentType.File;
    default:
      return Enums.ComponentType.Library;
  }
}

function externalReference(pkg: Package): Models.ExternalReference | undefined {
  const source = pkg.source;
  switch (source.kind) {
    case 'registry':
      return source.url
        ? new Models.ExternalReference(source.url, Enums.ExternalReferenceType.Distribution, {
            comment: 'as detected from the lockfile',
          })
        : undefined;
    case 'tarball':
      return new Models.ExternalReference(source.url, Enums.ExternalReferenceType.Distribution, {
        comment: 'as detected from the lockfile',
      });
    case 'git':
      return new Models.ExternalReference(
        source.commit ? `${source.url}#${source.commit}` : source.url,
        Enums.ExternalReferenceType.VCS,
        { comment: 'as detected from the lockfile' },
      );
    default:
      return undefined;
  }
}

function makeRootComponent(root: RootProject | undefined): Models.Component {
  return new Models.Component(Enums.ComponentType.Application, root?.name ?? 'unknown', {
    bomRef: root?.purl ?? 'lockwarden:root',
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
  const dir = relativeTo(lockfileDir(inventory.lockfile), rootDir);
  const path = [dir, project.path].filter((p) => p !== '').join('/');
  if (path === '') return root;
  const bomRef = `lockwarden:project:${path}`;
  const existing = [...bom.components].find((c) => c.bomRef.value === bomRef);
  if (existing) return existing;
  const component = new Models.Component(Enums.ComponentType.Application, project.name ?? path, { bomRef });
  component.properties.add(new Models.Property(LOCKFILE_PROPERTY, inventory.lockfile));
  bom.components.add(component);
  root.dependencies.add(component.bomRef);
  return component;
}

/** `dir` as seen from `base` (both posix, relative to the same folder); `dir` unchanged when outside `base`. */
function relativeTo(dir: string, base: string): string {
  const b = base === '.' ? '' : base.replace(/^\.\//, '').replace(/\/$/, '');
  if (b === '') return dir;
  if (dir === b) return '';
  return dir.startsWith(`${b}/`) ? dir.slice(b.length + 1) : dir;
}

function lockfileDir(lockfile: string): string {
  const normalized = lockfile.replace(/\\/g, '/').replace(/^\.\//, '');
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}
