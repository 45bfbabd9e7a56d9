import type { Ecosystem } from '../model/ecosystem.js';
import type { DeclaredDependency, Inventory } from '../model/inventory.js';

/** What a parser may ask for beyond the file's own text (go.sum next to go.mod, `-r` includes, a parent POM). */
export interface ParseContext {
  /**
   * Reads a file relative to the lockfile's folder (or absolute), from the same snapshot the lockfile came from
   * (the work tree, or a git commit). Returns `undefined` when it does not exist.
   */
  readRelated?: (relativePath: string) => string | undefined;
  /** For `parseBytes`: the file's full size, larger than the bytes given when the file was read truncated. */
  fileSize?: number;
}

/** Reads one lockfile format into an inventory. */
export interface LockfileParser {
  /** The conventional file name of the format; also the value `--parse-as` takes (`package-lock.json`). */
  id: string;
  ecosystem: Ecosystem;
  /** Base names this parser claims during discovery (exact names or simple `*` globs). */
  fileNames: readonly string[];
  /** `<language>/<format>` folders of ../shared/conformance/lockfiles this parser must pass. */
  conformance?: readonly string[];
  /**
   * Paths this parser claims beyond `fileNames`: minimatch globs on the path relative to the scan root
   * (for example any `.github/workflows/*.yml`), for formats known by where they sit rather than by their base name.
   */
  pathPatterns?: readonly string[];
  /**
   * A scanner of files that are not lockfiles (source code, CI configuration, model files): discovery runs every
   * scanner that claims a file, merges what they find, and leaves the file out when they find nothing, so a
   * Python file without model references is not listed as an empty lockfile.
   */
  scanner?: true;
  /** Parses `text` read from `path`; throws `ParseError` (with line and column) on malformed input. */
  parse(text: string, path: string, context?: ParseContext): Inventory;
  /**
   * Binary formats (pickles, torch zips, safetensors) get the file's bytes instead of its text; `parse` is then
   * not called during discovery.
   */
  parseBytes?(bytes: Uint8Array, path: string, context?: ParseContext): Inventory;
}

/** Reads one manifest format (package.json, pyproject.toml, ...) into declared dependencies. */
export interface ManifestParser {
  id: string;
  ecosystem: Ecosystem;
  fileNames: readonly string[];
  parse(text: string, path: string): DeclaredDependency[];
}

/**
 * What the registry knows of a lockfile format without loading its parser: the fields discovery and `--parse-as`
 * need. The parser itself (and the libraries it uses: yaml, TOML, XML, PEG grammars) is imported on first `load()`,
 * so a command that reads one package-lock.json loads one parser.
 */
export type LockfileFormat = Pick<LockfileParser, 'id' | 'ecosystem' | 'fileNames' | 'conformance' | 'pathPatterns' | 'scanner'> & {
  /** True when the parser reads bytes (`parseBytes`): discovery does not read such files as text. */
  binary?: true;
  /**
   * For a scanner: a quick test that is false for every text the parser would find nothing in (the parser's own
   * first check). Discovery runs it before importing the parser, so a package.json or a folder of JavaScript does
   * not load a YAML or JavaScript parser only to learn that it names no model.
   */
  mayMatch?: (text: string) => boolean;
  /** The parser; imported once, then the same object. */
  load(): Promise<LockfileParser>;
};

/** A manifest format known without loading its parser. */
export type ManifestFormat = Pick<ManifestParser, 'id' | 'ecosystem' | 'fileNames'> & {
  load(): Promise<ManifestParser>;
};

/** Everything lockwarden knows about one ecosystem; one folder under `ecosystems/` each. */
export interface EcosystemPlugin {
  ecosystem: Ecosystem;
  /** purl type (https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst). */
  purlType: string;
  /** The lockfile formats, each loaded on demand. */
  lockfiles: readonly LockfileFormat[];
  manifests?: readonly ManifestFormat[];
  /** False for kinds OSV has no advisories for (models, images): they are not sent to the advisory source. */
  advisories?: boolean;
  /** Orders two versions as the ecosystem's own tooling does: -1, 0 or 1. Throws INVALID_VERSION when unparsable. */
  compareVersions(a: string, b: string): -1 | 0 | 1;
  /** The ecosystem's canonical form of a name (PEP 503 for PyPI, lowercase for NuGet, ...). */
  normalizeName(name: string): string;
}
