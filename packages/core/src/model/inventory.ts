import type { Ecosystem } from './ecosystem.js';
import type { Package } from './package.js';

/** A root or workspace project of a lockfile (npm workspaces, pnpm importers, cargo workspace members). */
export interface Project {
  /** Unique within the inventory; edges may start here. */
  id: string;
  name?: string;
  /** Path of the project relative to the lockfile's folder ("" for the root). */
  path: string;
}

/** `from` depends on `to`; both are `Package.id` or `Project.id`. */
export interface Edge {
  from: string;
  to: string;
}

/** The packages of one lockfile. */
export interface Inventory {
  /** Path as given (relative to the scan root when discovered). */
  lockfile: string;
  /** Parser id, the conventional file name of the format (`package-lock.json`, `yarn.lock`, ...). */
  format: string;
  ecosystem: Ecosystem;
  packages: Package[];
  /** Dependency edges where the format records them; `undefined` when it does not. */
  edges?: Edge[];
  projects: Project[];
}

/** A dependency declared in a manifest (package.json, pyproject.toml, ...) without a resolved version. */
export interface DeclaredDependency {
  ecosystem: Ecosystem;
  name: string;
  /** The range or specifier as written (`^1.2.0`, `>=2,<3`, a git URL). */
  specifier: string;
  purl: string;
  scopes: string[];
  location: { file: string; line?: number };
}
