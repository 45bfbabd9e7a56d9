/**
 * The folders of an npm install (`<dir>/node_modules/<name>` paths, as package-lock.json keys them) indexed
 * for node's module resolution. Each folder gets, once, the chain of node_modules listings a `require`
 * from it searches (its own, then each enclosing folder's); a hoisted package without nested packages
 * shares the root's chain. Resolving a dependency is then usually a single map lookup with the name string
 * the lockfile already holds, which matters at 50,000 packages.
 */
export class InstallTree<T = string> {
  /** folder → installed name → what is installed there (its path, or whatever the caller registers). */
  private readonly children = new Map<string, Map<string, T>>();
  /** package path → the folder whose node_modules holds it. */
  private readonly parent = new Map<string, string>();
  private readonly chains = new Map<string, ReadonlyArray<Map<string, T>>>();
  private rootChain: ReadonlyArray<Map<string, T>> | undefined;

  /**
   * Indexes one installed path with its value; paths outside any node_modules (projects, `file:` targets)
   * are skipped. Add every path before resolving.
   */
  add(path: string, value: T): void {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || (at > 0 && path.charCodeAt(at - 1) !== 47)) return;
    this.addAt(path, at, path.slice(at + 13), value);
  }

  /** `add` for a caller that already located the last `node_modules/` (at `at`) and sliced the name after it. */
  addAt(path: string, at: number, name: string, value: T): void {
    const folder = at === 0 ? '' : path.slice(0, at - 1);
    let names = this.children.get(folder);
    if (names === undefined) {
      names = new Map();
      this.children.set(folder, names);
    }
    names.set(name, value);
    // Only nested folders need their parent recorded: a hoisted package's parent is the root.
    if (folder !== '') this.parent.set(path, folder);
  }

  /**
   * The node_modules listings searched from folder `from` (a package path, a project folder, `""` for the
   * root), nearest first. Compute it once per folder and pass it to `resolveIn` for each dependency.
   */
  chain(from: string): ReadonlyArray<Map<string, T>> {
    if (from === '') {
      this.rootChain ??= this.children.has('') ? [this.children.get('') as Map<string, T>] : [];
      return this.rootChain;
    }
    const own = this.children.get(from);
    const parent = this.parent.get(from);
    // A hoisted package (`node_modules/x`) searches its own node_modules, then the root's: no caching needed.
    if (parent === undefined && from.startsWith('node_modules/') && from.indexOf('/node_modules/') < 0) {
      const root = this.chain('');
      return own === undefined ? root : [own, ...root];
    }
    const known = this.chains.get(from);
    if (known !== undefined) return known;
    const up = this.chain(parent ?? enclosingFolder(from));
    const chain = own === undefined ? up : [own, ...up];
    this.chains.set(from, chain);
    return chain;
  }

  /** Where `name` resolves along a chain from `chain()`. */
  static resolveIn<V>(chain: ReadonlyArray<Map<string, V>>, name: string): V | undefined {
    for (let i = 0; i < chain.length; i++) {
      const hit = (chain[i] as Map<string, V>).get(name);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  /** Where `name` resolves from folder `from`, as node's require does. */
  resolve(from: string, name: string): T | undefined {
    return InstallTree.resolveIn(this.chain(from), name);
  }
}

function enclosingFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
