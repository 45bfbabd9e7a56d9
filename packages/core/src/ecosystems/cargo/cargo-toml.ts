import { ParseError } from '../../errors.js';
import { quoteInput } from '../../parse/error-text.js';
import type { DeclaredDependency } from '../../model/inventory.js';
import { buildPurl } from '../../model/purl.js';
import type { ManifestParser } from '../types.js';
import { isTable, parseTomlDocument as parseToml } from '../../parse/toml.js';

const SECTIONS: ReadonlyArray<readonly [string, string[]]> = [
  ['dependencies', []],
  ['dev-dependencies', ['dev']],
  ['dev_dependencies', ['dev']],
  ['build-dependencies', ['build']],
  ['build_dependencies', ['build']],
];

/**
 * Cargo.toml: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their `[target.<cfg>.*]` forms
 * and `[workspace.dependencies]`. A renamed dependency (`alias = { package = "real" }`) is declared under its
 * real crate name. The specifier is the version requirement, else the git URL (with branch/tag/rev) or path.
 */
export const cargoTomlParser: ManifestParser = {
  id: 'Cargo.toml',
  ecosystem: 'crates.io',
  fileNames: ['Cargo.toml'],
  parse(text: string, path: string): DeclaredDependency[] {
    const doc = parseToml(text, path);
    const lines = keyLines(text);
    const out: DeclaredDependency[] = [];
    const read = (table: unknown, prefix: string, scopes: string[]): void => {
      if (table === undefined) return;
      if (!isTable(table)) throw new ParseError(path, `[${prefix}] must be a table`, { line: lines.get(`${prefix}`) ?? 1 });
      for (const [key, spec] of Object.entries(table)) {
        const line = lines.get(`${prefix}\u0000${key}`) ?? lines.get(`${prefix}.${key}`);
        out.push(declared(key, spec, scopes, path, line));
      }
    };
    for (const [section, scopes] of SECTIONS) read(doc[section], section, scopes);
    const target = doc['target'];
    if (isTable(target)) {
      for (const [cfg, tables] of Object.entries(target)) {
        if (!isTable(tables)) continue;
        for (const [section, scopes] of SECTIONS) read(tables[section], `target.${cfg}.${section}`, scopes);
      }
    }
    const workspace = doc['workspace'];
    if (isTable(workspace)) read(workspace['dependencies'], 'workspace.dependencies', []);
    return out;
  },
};

function declared(key: string, spec: unknown, scopes: string[], file: string, line: number | undefined): DeclaredDependency {
  const fail = (reason: string): never => {
    throw new ParseError(file, `dependency ${quoteInput(key)}: ${reason}`, { line: line ?? 1 });
  };
  let name = key;
  let specifier = '*';
  const extra: string[] = [];
  if (typeof spec === 'string') {
    specifier = spec;
  } else if (isTable(spec)) {
    const str = (k: string): string | undefined => {
      const v = spec[k];
      if (v !== undefined && typeof v !== 'string') fail(`"${k}" must be a string`);
      return v as string | undefined;
    };
    name = str('package') ?? key;
    const version = str('version');
    const git = str('git');
    const ref = (['rev', 'tag', 'branch'] as const).find((k) => str(k) !== undefined);
    const localPath = str('path');
    if (version !== undefined) specifier = version;
    else if (git !== undefined) specifier = ref ? `${git}?${ref}=${str(ref) as string}` : git;
    else if (localPath !== undefined) specifier = localPath;
    else if (spec['workspace'] === true) specifier = 'workspace';
    if (spec['optional'] === true) extra.push('optional');
  } else {
    fail('must be a version string or a table');
  }
  if (!/^[A-Za-z0-9_-]+$/.test(name)) fail(`invalid crate name ${quoteInput(name)}`);
  return {
    ecosystem: 'crates.io',
    name,
    specifier,
    purl: buildPurl('cargo', undefined, name, undefined),
    scopes: [...scopes, ...extra],
    location: line === undefined ? { file } : { file, line },
  };
}

/**
 * Lines of keys, for locations: `section\0key` for `key = ...` under `[section]`, and `section.key` for a
 * `[section.key]` header. Quotes and spaces inside headers are dropped, matching the parsed table names.
 */
function keyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let section = '';
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as string;
    const header = /^\s*\[([^[\]]+)\]\s*(#.*)?$/.exec(line);
    if (header) {
      section = (header[1] as string).replace(/\s+/g, '').replace(/["']/g, '');
      if (!out.has(section)) out.set(section, i + 1);
      continue;
    }
    const key = /^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=/.exec(line);
    if (key) {
      const k = `${section}\u0000${key[1] ?? key[2] ?? key[3]}`;
      if (!out.has(k)) out.set(k, i + 1);
    }
  }
  return out;
}
