import { ParseError } from '../../errors.js';
import type { DeclaredDependency } from '../../model/inventory.js';
import type { Scope } from '../../model/package.js';
import { isRecord, parseJson } from '../../parse/json.js';
import type { ManifestParser } from '../types.js';
import { JsonKeyLocator } from './json-key-locator.js';
import { NpmPurls } from './package-collector.js';
import { atEntry } from '../../model/purl.js';

const SECTIONS: ReadonlyArray<readonly [string, Scope[]]> = [
  ['dependencies', []],
  ['devDependencies', ['dev']],
  ['optionalDependencies', ['optional']],
  ['peerDependencies', ['peer']],
];

/**
 * The package a dependency entry installs: `"alias": "npm:real@^1"` installs `real`; anything else the
 * declared name.
 */
function realName(declared: string, specifier: string): string {
  if (!specifier.startsWith('npm:')) return declared;
  const spec = specifier.slice(4);
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at < 0 ? spec : spec.slice(0, at);
}

/**
 * Reads the dependencies a package.json declares (dependencies, devDependencies, optionalDependencies,
 * peerDependencies) with the specifier as written, scopes and line numbers. An `npm:` alias is reported
 * under the real package name.
 */
export function parsePackageJson(text: string, path: string): DeclaredDependency[] {
  const manifest = parseJson(text, path);
  if (!isRecord(manifest)) throw new ParseError(path, 'expected a JSON object at the top level', { line: 1, column: 1 });
  const purls = new NpmPurls();
  const out: DeclaredDependency[] = [];
  for (const [section, scopes] of SECTIONS) {
    const map = manifest[section];
    if (map === undefined) continue;
    const locator = new JsonKeyLocator(text);
    locator.skipTo(section);
    if (!isRecord(map)) {
      throw new ParseError(path, `"${section}" must be an object of name: specifier`, {});
    }
    for (const declared of Object.keys(map)) {
      const specifier = map[declared];
      const line = locator.next(declared, '');
      if (typeof specifier !== 'string') {
        throw new ParseError(path, `${section}["${declared}"] must be a string specifier`, line === undefined ? {} : { line });
      }
      const name = realName(declared, specifier);
      out.push({
        ecosystem: 'npm',
        name,
        specifier,
        purl: atEntry(path, line, () => purls.purl(name, '')),
        scopes: [...scopes],
        location: line === undefined ? { file: path } : { file: path, line },
      });
    }
  }
  return out;
}

/** package.json, the npm manifest. */
export const packageJsonParser: ManifestParser = {
  id: 'package.json',
  ecosystem: 'npm',
  fileNames: ['package.json'],
  parse: parsePackageJson,
};
