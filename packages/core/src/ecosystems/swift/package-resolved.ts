import { visit } from 'jsonc-parser';
import { ParseError } from '../../errors.js';
import type { Package, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { isRecord, parseJson } from '../../parse/json.js';
import { assertNestingDepth } from '../../parse/nesting.js';
import type { LockfileParser } from '../types.js';
import { swiftPackageName } from './package-name.js';

export { swiftPackageName };

/** `pkg:swift/<host>/<owner>/<repo>@<version>`: namespace is everything before the last path segment. */
export function swiftPurl(name: string, version: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0
    ? buildPurl('swift', undefined, name, version)
    : buildPurl('swift', name.slice(0, slash), name.slice(slash + 1), version);
}

interface Pin {
  location: string;
  kind: string | undefined;
  state: Record<string, unknown>;
  line: number | undefined;
}

/**
 * The 1-based line of each pin (`lines[i]` for pin `i`), from jsonc-parser's event scan of text JSON.parse already
 * accepted: no syntax tree is built (a tree of a 50,000-pin file was most of the parse's memory). The scan recurses
 * per level, so absurd nesting (which JSON.parse survives) leaves every pin without a line.
 */
function pinLines(text: string, prefix: readonly string[]): Array<number | undefined> {
  const lines: Array<number | undefined> = [];
  try {
    assertNestingDepth(text, 'positions');
  } catch {
    return lines;
  }
  // Root, then each key of the prefix, is one level: a pin object opens at this depth.
  const pinDepth = prefix.length + 2;
  let depth = 0;
  const close = (): void => {
    depth--;
  };
  visit(text, {
    onObjectBegin(_offset, _length, startLine, _startCharacter, pathSupplier) {
      if (++depth !== pinDepth) return;
      const path = pathSupplier();
      const index = path[prefix.length];
      if (typeof index === 'number' && prefix.every((key, i) => path[i] === key)) lines[index] = startLine + 1;
    },
    onArrayBegin() {
      depth++;
    },
    onObjectEnd: close,
    onArrayEnd: close,
  });
  return lines;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Pins of v1 (`object.pins[]` with `repositoryURL`) and v2/v3 (`pins[]` with `location` and `kind`). */
function pinsOf(text: string, path: string): Pin[] {
  const doc = parseJson(text, path);
  if (!isRecord(doc)) throw new ParseError(path, 'not a Package.resolved: not a JSON object', { line: 1 });
  const v1 = isRecord(doc.object) ? doc.object.pins : undefined;
  const isV1 = doc.version === 1 || (v1 !== undefined && doc.pins === undefined);
  const raw = isV1 ? v1 : doc.pins;
  if (!Array.isArray(raw)) throw new ParseError(path, 'not a Package.resolved: no "pins" array', { line: 1 });
  // JSON.parse keeps no positions; an event scan of the same (already valid) text gives each pin's line.
  const lines = pinLines(text, isV1 ? ['object', 'pins'] : ['pins']);
  return raw.map((pin: unknown, i) => {
    const line = lines[i];
    if (!isRecord(pin)) throw new ParseError(path, `pin ${i} is not an object`, { line });
    const location = str(pin.location) || str(pin.repositoryURL);
    if (location === '') throw new ParseError(path, `pin ${i} has no repository location`, { line });
    const kind = typeof pin.kind === 'string' ? pin.kind : undefined;
    return { location, kind, state: isRecord(pin.state) ? pin.state : {}, line };
  });
}

/**
 * SwiftPM's `Package.resolved` (versions 1 to 3): one pin per package with its repository, version and
 * revision. Local packages (`fileSystem`, `localSourceControl`) are the project's own folders, not
 * dependencies fetched from anywhere, and are not reported.
 */
export const packageResolvedParser: LockfileParser = {
  id: 'Package.resolved',
  ecosystem: 'SwiftURL',
  fileNames: ['Package.resolved'],
  conformance: ['swift/packageresolved'],
  parse(text, path) {
    const packages: Package[] = [];
    for (const pin of pinsOf(text, path)) {
      if (pin.kind === 'fileSystem' || pin.kind === 'localSourceControl') continue;
      const name = swiftPackageName(pin.location);
      const version = str(pin.state.version);
      const revision = str(pin.state.revision);
      if (version === '' && revision === '') {
        throw new ParseError(path, `pin "${pin.location}" has neither a version nor a revision`, { line: pin.line });
      }
      let purl: string;
      try {
        // A branch pin has no version; the purl then names the commit, as purl allows for VCS-based types.
        purl = swiftPurl(name, version || revision);
      } catch (err) {
        throw new ParseError(path, `pin location "${pin.location}" is not a repository URL`, { line: pin.line }, { cause: err });
      }
      const source: Source = { kind: 'git', url: pin.location };
      if (revision) source.commit = revision;
      if (str(pin.state.branch)) source.ref = str(pin.state.branch);
      packages.push({
        id: `${name}@${version || revision}`,
        ecosystem: 'SwiftURL',
        name,
        version,
        purl,
        // Package.resolved lists every pin without saying which ones Package.swift declares.
        direct: false,
        scopes: [],
        integrity: [],
        source,
        location: pin.line === undefined ? { file: path } : { file: path, line: pin.line },
      });
    }
    return { lockfile: path, format: 'Package.resolved', ecosystem: 'SwiftURL', packages, projects: [] };
  },
};
