import { ParseError } from '../../errors.js';
import type { Hash, Package, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { isRecord } from '../../parse/json.js';
import { loadYaml, YamlKeyLines } from '../../parse/yaml.js';
import type { LockfileParser } from '../types.js';

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function sourceOf(kind: string, description: unknown): Source {
  const d = isRecord(description) ? description : {};
  switch (kind) {
    case 'hosted':
      return str(d.url) ? { kind: 'registry', url: str(d.url) } : { kind: 'registry' };
    case 'git': {
      const source: Source = { kind: 'git', url: str(d.url) };
      if (str(d['resolved-ref'])) source.commit = str(d['resolved-ref']);
      if (str(d.ref)) source.ref = str(d.ref);
      return source;
    }
    case 'path':
      return { kind: 'path', path: str(d.path) };
    default:
      // `sdk` packages (flutter, flutter_test) ship with the SDK itself.
      return { kind: 'unknown' };
  }
}

function integrityOf(description: unknown): Hash[] {
  const sha = isRecord(description) ? str(description.sha256).toLowerCase() : '';
  return /^[0-9a-f]{64}$/.test(sha) ? [{ algorithm: 'sha256', value: sha }] : [];
}

function pubPurl(name: string, version: string, path: string, line: number | undefined): string {
  try {
    return buildPurl('pub', undefined, name, version);
  } catch (err) {
    // Pub names are lowercase identifiers; anything else cannot come from pub.dev.
    throw new ParseError(path, `"${name}" is not a valid Pub package name`, { line }, { cause: err });
  }
}

/**
 * Dart's `pubspec.lock`: every resolved package with its source (hosted, git, path, sdk) and how the root
 * depends on it (`direct main`, `direct dev`, `direct overridden`, `transitive`).
 */
export const pubspecLockParser: LockfileParser = {
  id: 'pubspec.lock',
  ecosystem: 'Pub',
  fileNames: ['pubspec.lock'],
  conformance: ['dart/pubspec'],
  parse(text, path) {
    const { value, keyLines } = loadYaml(text, path);
    if (!isRecord(value) || !isRecord(value.packages)) {
      throw new ParseError(path, 'not a pubspec.lock: no "packages" map', { line: 1 });
    }
    // A line scan, not the YAML syntax tree: the same lines at a fraction of the parse.
    const lineOf = new YamlKeyLines(text, 'packages', keyLines?.get('packages'));
    const packages: Package[] = [];
    for (const [name, entry] of Object.entries(value.packages)) {
      const line = lineOf.lineOf(name);
      const location = line === undefined ? { file: path } : { file: path, line };
      if (!isRecord(entry)) throw new ParseError(path, `package "${name}" is not a map`, { line });
      const version = str(entry.version);
      const dependency = str(entry.dependency);
      const source = sourceOf(str(entry.source), entry.description);
      packages.push({
        id: `${name}@${version}`,
        ecosystem: 'Pub',
        name,
        version,
        purl: pubPurl(name, version, path, line),
        direct: dependency.startsWith('direct'),
        scopes: dependency === 'direct dev' ? ['dev'] : [],
        integrity: integrityOf(entry.description),
        source,
        location,
      });
    }
    return { lockfile: path, format: 'pubspec.lock', ecosystem: 'Pub', packages, projects: [] };
  },
};
