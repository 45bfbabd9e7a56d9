import type { DeclaredDependency } from '../../model/inventory.js';
import type { ManifestParser } from '../types.js';
import { parseGoModFile, replacementLookup } from './mod-file.js';
import { goPurl } from './purl.js';

/**
 * go.mod `require` lines as declared dependencies. A `replace` is applied, because the replacement is what the
 * go command fetches (a directory replacement gives its path as the specifier). Requirements marked
 * `// indirect` carry the scope `indirect`.
 */
export const goModManifestParser: ManifestParser = {
  id: 'go.mod',
  ecosystem: 'Go',
  fileNames: ['go.mod'],
  parse(text: string, path: string): DeclaredDependency[] {
    const mod = parseGoModFile(text, path);
    const replacementFor = replacementLookup(mod);
    return mod.requires.map((r) => {
      const rep = replacementFor(r.path, r.version);
      const name = rep ? rep.newPath : r.path;
      const specifier = rep ? (rep.newVersion ?? rep.newPath) : r.version;
      return {
        ecosystem: 'Go',
        name,
        specifier,
        purl: goPurl(name, undefined),
        scopes: r.indirect ? ['indirect'] : [],
        location: { file: path, line: rep ? rep.line : r.line },
      };
    });
  },
};
