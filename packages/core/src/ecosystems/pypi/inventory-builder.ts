import { byNormalizedName } from './direct-dependencies.js';
import type { Edge, Inventory, Project } from '../../model/inventory.js';
import type { Hash, Package, Source } from '../../model/package.js';
import { normalizePypiName, pypiPurl } from './package-name.js';
import { atEntry } from '../../model/purl.js';

/** What a parser knows about one package; the builder adds id, ecosystem and purl. */
export interface PypiPackageInit {
  name: string;
  version: string;
  direct?: boolean;
  scopes?: string[];
  integrity?: Hash[];
  source?: Source;
  file: string;
  line?: number | undefined;
}

/** Collects the packages of one Python lockfile and gives each a unique id (`name@version`, `#2` on repeats). */
export class PypiInventoryBuilder {
  private readonly packages: Package[] = [];
  private readonly ids = new Set<string>();
  private edges: Edge[] | undefined;
  private readonly projects: Project[] = [{ id: '', path: '' }];

  constructor(
    private readonly lockfile: string,
    private readonly format: string,
  ) {}

  /** Adds a package and returns it; parsers may still set `direct` and `scopes` on it before `build()`. */
  add(init: PypiPackageInit): Package {
    const base = `${normalizePypiName(init.name)}@${init.version}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}#${n}`;
    this.ids.add(id);
    const pkg: Package = {
      id,
      ecosystem: 'PyPI',
      name: init.name,
      version: init.version,
      purl: atEntry(init.file, init.line, () => pypiPurl(init.name, init.version)),
      direct: init.direct ?? false,
      scopes: init.scopes ?? [],
      integrity: init.integrity ?? [],
      source: init.source ?? { kind: 'registry' },
      location: init.line === undefined ? { file: init.file } : { file: init.file, line: init.line },
    };
    this.packages.push(pkg);
    return pkg;
  }

  /** Records a project (workspace member, the root) other than the implicit root `""`. */
  addProject(project: Project): void {
    if (project.id === '') {
      this.projects[0] = project;
    } else {
      this.projects.push(project);
    }
  }

  /** Records that `edge.from` (a package or project id) depends on `edge.to`. */
  addEdge(edge: Edge): void {
    (this.edges ??= []).push(edge);
  }

  /**
   * Links each package to the packages its dependencies name (poetry and pdm name them without versions); a name
   * that resolves to several versions (per-marker pins) links to each, so "who pulls this in" never misses a path.
   */
  linkByName(dependencies: ReadonlyArray<{ from: string; names: readonly string[] }>): void {
    this.recordsEdges();
    const index = byNormalizedName(this.packages);
    for (const { from, names } of dependencies) {
      for (const name of names) {
        for (const target of index.get(normalizePypiName(name)) ?? []) this.addEdge({ from, to: target.id });
      }
    }
  }

  /** Marks that the format records edges even when there are none (so `edges` is `[]`, not `undefined`). */
  recordsEdges(): void {
    this.edges ??= [];
  }

  /** The packages added so far, in lockfile order. */
  get all(): readonly Package[] {
    return this.packages;
  }

  /** The inventory; `edges` is left out unless the format records them. */
  build(): Inventory {
    const inventory: Inventory = {
      lockfile: this.lockfile,
      format: this.format,
      ecosystem: 'PyPI',
      packages: this.packages,
      projects: this.projects,
    };
    if (this.edges) inventory.edges = this.edges;
    return inventory;
  }
}
