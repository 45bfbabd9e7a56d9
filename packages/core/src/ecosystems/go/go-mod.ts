import { posix } from 'node:path';
import type { Inventory } from '../../model/inventory.js';
import type { Package, Source } from '../../model/package.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { parseGoSum } from './go-sum.js';
import { isDirectoryPath, parseGoModFile, replacementLookup, type GoModFile } from './mod-file.js';
import { goPurl } from './purl.js';

interface Entry {
  name: string;
  version: string;
  direct: boolean;
  source: Source;
  file: string;
  line: number;
}

/**
 * go.mod as a lockfile. From go 1.17 on it lists every module in the build (indirect ones marked
 * `// indirect`); before that (and when the `go` directive is missing, which the go command reads as 1.16)
 * only direct requirements are there, so the sibling go.sum supplies the rest, as the peer corpus expects.
 * `replace` directives rename what they replace; the `go`/`toolchain` directives give a `stdlib` package.
 */
export const goModParser: LockfileParser = {
  id: 'go.mod',
  ecosystem: 'Go',
  fileNames: ['go.mod'],
  conformance: ['golang/gomod'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const mod = parseGoModFile(text, path);
    const entries = resolveRequires(mod, path);
    const stdlib = stdlibRelease(mod);
    if (stdlib) {
      entries.set('\0stdlib', {
        name: 'stdlib',
        version: stdlib.version,
        direct: true,
        source: { kind: 'registry' },
        file: path,
        line: stdlib.line,
      });
    }
    if (readsGoSum(mod)) {
      const sumName = posix.basename(path.split('\\').join('/')).replace(/\.mod$/, '') + '.sum';
      const sumText = context?.readRelated?.(sumName);
      if (sumText !== undefined) {
        const sumPath = posix.join(posix.dirname(path.split('\\').join('/')), sumName);
        for (const e of parseGoSum(sumText, sumPath)) {
          const version = e.version.slice(1);
          const key = `${e.path}@${version}`;
          if (!entries.has(key)) {
            entries.set(key, { name: e.path, version, direct: false, source: { kind: 'registry' }, file: sumPath, line: e.line });
          }
        }
      }
    }
    // Keyed by name@version: after replacements two requires can land on the same module version.
    const byKey = new Map<string, Entry>();
    for (const e of entries.values()) {
      const key = `${e.name}@${e.version}`;
      const seen = byKey.get(key);
      byKey.set(key, seen ? { ...seen, direct: seen.direct || e.direct } : e);
    }
    const packages: Package[] = [...byKey.values()].map((e) => ({
      id: `${e.name}@${e.version}`,
      ecosystem: 'Go',
      name: e.name,
      version: e.version,
      purl: goPurl(e.name, e.version),
      direct: e.direct,
      scopes: [],
      integrity: [],
      source: e.source,
      location: { file: e.file, line: e.line },
    }));
    return {
      lockfile: path,
      format: 'go.mod',
      ecosystem: 'Go',
      packages,
      projects: [{ id: '.', name: mod.module, path: '' }],
    };
  },
};

/** Requirements after `replace` directives, keyed by the (path, version) they were required as. */
function resolveRequires(mod: GoModFile, path: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const replacementFor = replacementLookup(mod);
  for (const r of mod.requires) {
    // A replace of something not required has no effect, as in the go command.
    const rep = replacementFor(r.path, r.version);
    const local = rep !== undefined && isDirectoryPath(rep.newPath);
    entries.set(`${r.path}@${r.version.slice(1)}`, {
      name: rep ? rep.newPath : r.path,
      version: rep ? (rep.newVersion?.slice(1) ?? '') : r.version.slice(1),
      direct: !r.indirect,
      source: local && rep ? { kind: 'path', path: rep.newPath } : { kind: 'registry' },
      file: path,
      line: rep ? rep.line : r.line,
    });
  }
  return entries;
}

/** The Go release the module builds with: the toolchain's version when named (`go1.23.6-xyz` → `1.23.6`), else `go`. */
function stdlibRelease(mod: GoModFile): { version: string; line: number } | undefined {
  if (mod.toolchain && mod.toolchain !== 'default') {
    const release = mod.toolchain.slice(2).split('-')[0];
    if (release) return { version: release, line: mod.directiveLines.toolchain ?? 1 };
  }
  return mod.go ? { version: mod.go, line: mod.directiveLines.go ?? 1 } : undefined;
}

/** go.mod lists the full module graph only from `go 1.17`; a missing directive means 1.16. */
function readsGoSum(mod: GoModFile): boolean {
  const m = /^(\d+)\.(\d+)/.exec(mod.go ?? '1.16');
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major < 1 || (major === 1 && minor < 17);
}
