import { ParseError } from '../../errors.js';
import { quoteInput } from '../../parse/error-text.js';
import type { DeclaredDependency } from '../../model/inventory.js';
import { isRecord, parseJson } from '../../parse/json.js';
import type { ManifestParser } from '../types.js';
import { JsonLocator } from './json-locations.js';
import { isPlatformPackage } from './platform-packages.js';
import { composerPurl } from './purl.js';
import { atEntry } from '../../model/purl.js';

/**
 * composer.json `require` and `require-dev` (scope `dev`). Platform packages (`php`, `ext-*`, `lib-*`,
 * `composer-*-api`) are not registry packages and are left out. Names are lowercased as Packagist stores them;
 * a name without a vendor is an error, as Composer itself rejects it.
 */
export const composerJsonParser: ManifestParser = {
  id: 'composer.json',
  ecosystem: 'Packagist',
  fileNames: ['composer.json'],
  parse(text: string, path: string): DeclaredDependency[] {
    const doc = parseJson(text, path);
    if (!isRecord(doc)) throw new ParseError(path, 'composer.json must hold an object', { line: 1, column: 1 });
    const where = new JsonLocator(text);
    const out: DeclaredDependency[] = [];
    for (const [key, scopes] of [
      ['require', []],
      ['require-dev', ['dev']],
    ] as const) {
      const block = doc[key];
      if (block === undefined) continue;
      const keyAt = where.keyOffset(key);
      if (!isRecord(block)) throw new ParseError(path, `"${key}" must be an object`, { line: where.line(keyAt) });
      let searching = true;
      // Keys come back in the order they are written, so each is searched for after the one before it: searching
      // from the block's start each time was quadratic in the number of dependencies.
      let from = Math.max(keyAt, 0);
      for (const [name, constraint] of Object.entries(block)) {
        if (isPlatformPackage(name)) continue;
        // After one miss (a key written with \u escapes), stop searching: each miss would scan to the end.
        const at: number = searching ? where.keyOffset(name, from) : -1;
        searching &&= at >= 0;
        if (at >= 0) from = at;
        const line = where.line(at >= 0 ? at : keyAt);
        if (!/^[^\s/]+\/[^\s/]+$/.test(name)) {
          throw new ParseError(path, `${key}: ${quoteInput(name)} is not a vendor/package name`, { line });
        }
        if (typeof constraint !== 'string') throw new ParseError(path, `${key}: the constraint of ${quoteInput(name)} must be a string`, { line });
        out.push({
          ecosystem: 'Packagist',
          name: name.toLowerCase(),
          specifier: constraint,
          purl: atEntry(path, line, () => composerPurl(name.toLowerCase(), undefined)),
          scopes: [...scopes],
          location: { file: path, line },
        });
      }
    }
    return out;
  },
};
