import { posix } from 'node:path';
import { ParseError } from '../../errors.js';
import type { Edge, Inventory } from '../../model/inventory.js';
import type { Hash, Package, Source } from '../../model/package.js';
import { isRecord, parseJson } from '../../parse/json.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { JsonLocator } from './json-locations.js';
import { isPlatformPackage } from './platform-packages.js';
import { composerPurl } from './purl.js';
import { atEntry } from '../../model/purl.js';

const GROUPS = [
  ['packages', []],
  ['packages-dev', ['dev']],
] as const;

interface Locked {
  pkg: Package;
  requires: string[];
}

/**
 * composer.lock: `packages` and `packages-dev` (scope `dev`). A VCS reference that is a commit hash is reported
 * as a git source with that commit (Composer pins every package to one, whether it installs the dist archive
 * or a clone); `dist.shasum` gives a sha1. Edges come from each package's `require`. Direct packages are the
 * sibling composer.json's `require`/`require-dev` when it can be read, else the packages nothing else requires.
 * `composer-plugin` packages run code when installed, so they count as having install scripts.
 */
export const composerLockParser: LockfileParser = {
  id: 'composer.lock',
  ecosystem: 'Packagist',
  fileNames: ['composer.lock'],
  conformance: ['php/composerlock'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const doc = parseJson(text, path);
    if (!isRecord(doc)) throw new ParseError(path, 'not a composer.lock: the top level must be an object', { line: 1, column: 1 });
    const where = new JsonLocator(text);
    const namePairs = where.stringPairs('name');
    const locked: Locked[] = [];
    for (const [key, scopes] of GROUPS) {
      const list = doc[key];
      if (list === undefined || list === null) continue;
      const keyAt = where.keyOffset(key);
      if (!Array.isArray(list)) throw new ParseError(path, `"${key}" must be an array`, { line: where.line(keyAt) });
      // Entries are found in document order among the "name" pairs after the group's key; a pointer that only
      // moves forward skips other "name"s (authors) and keeps this linear. After a miss, the key line is used.
      const pairs = namePairs.filter((p) => p.offset > keyAt);
      let next = 0;
      list.forEach((entry: unknown, i) => {
        const name = isRecord(entry) ? entry['name'] : undefined;
        let found = -1;
        if (typeof name === 'string') {
          let j = next;
          while (j < pairs.length && pairs[j]?.value !== name) j++;
          if (j < pairs.length) {
            found = (pairs[j] as { offset: number }).offset;
            next = j + 1;
          } else {
            next = pairs.length;
          }
        }
        const line = where.line(found >= 0 ? found : keyAt);
        const fail = (reason: string): never => {
          throw new ParseError(path, `${key}[${i}]: ${reason}`, { line });
        };
        if (!isRecord(entry)) return fail('not an object');
        if (typeof name !== 'string' || !/^[^\s/]+\/[^\s/]+$/.test(name)) return fail('missing or invalid "name" (expected vendor/package)');
        const version = entry['version'];
        if (typeof version !== 'string' || version.trim() === '') return fail('missing or invalid "version"');
        const requires = entry['require'] ?? {};
        if (!isRecord(requires)) return fail('"require" must be an object');
        locked.push({
          pkg: {
            id: `${name.toLowerCase()}@${version}`,
            ecosystem: 'Packagist',
            name: name.toLowerCase(),
            version,
            purl: atEntry(path, line, () => composerPurl(name.toLowerCase(), version)),
            direct: false,
            scopes: [...scopes],
            integrity: shasum(entry['dist']),
            source: sourceOf(entry['source'], entry['dist']),
            location: { file: path, line },
            ...license(entry['license']),
            ...(entry['type'] === 'composer-plugin' ? { hasInstallScript: true } : {}),
          },
          requires: Object.keys(requires)
            .filter((n) => !isPlatformPackage(n))
            .map((n) => n.toLowerCase()),
        });
      });
    }
    const seen = new Map<string, number>();
    for (const l of locked) {
      const n = seen.get(l.pkg.id) ?? 0;
      seen.set(l.pkg.id, n + 1);
      if (n > 0) l.pkg.id = `${l.pkg.id}#${n + 1}`;
    }
    const byName = new Map<string, Locked[]>();
    for (const l of locked) {
      const list = byName.get(l.pkg.name);
      if (list) list.push(l);
      else byName.set(l.pkg.name, [l]);
    }
    const edges: Edge[] = [];
    for (const l of locked) for (const dep of l.requires) for (const to of byName.get(dep) ?? []) edges.push({ from: l.pkg.id, to: to.pkg.id });

    const declared = declaredNames(path, context);
    const required = new Set(locked.flatMap((l) => l.requires));
    for (const l of locked) {
      l.pkg.direct = declared ? declared.has(l.pkg.name) : !required.has(l.pkg.name);
      if (l.pkg.direct) edges.push({ from: '.', to: l.pkg.id });
    }
    return {
      lockfile: path,
      format: 'composer.lock',
      ecosystem: 'Packagist',
      packages: locked.map((l) => l.pkg),
      edges,
      projects: [{ id: '.', path: '' }],
    };
  },
};

const COMMIT = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i;

function sourceOf(source: unknown, dist: unknown): Source {
  const src = isRecord(source) ? source : {};
  const dst = isRecord(dist) ? dist : {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const reference = str(src['reference']) ?? str(dst['reference']);
  const url = str(src['url']) ?? str(dst['url']);
  if (dst['type'] === 'path' || src['type'] === 'path') return { kind: 'path', path: url ?? '' };
  if (reference && COMMIT.test(reference)) return { kind: 'git', url: url ?? '', commit: reference.toLowerCase() };
  if (src['type'] === 'git' && url) return reference ? { kind: 'git', url, ref: reference } : { kind: 'git', url };
  const distUrl = str(dst['url']);
  if (distUrl) return { kind: 'tarball', url: distUrl };
  return { kind: 'registry' };
}

function shasum(dist: unknown): Hash[] {
  const sum = isRecord(dist) ? dist['shasum'] : undefined;
  return typeof sum === 'string' && /^[0-9a-fA-F]{40}$/.test(sum) ? [{ algorithm: 'sha1', value: sum.toLowerCase() }] : [];
}

/**
 * Composer's license array is a choice between licenses (disjunctive). composer.lock copies every package's
 * `license` from its composer.json, so an empty or missing one is a package that declares none (`null`).
 */
function license(value: unknown): { license?: string | null } {
  const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  if (list.length === 0) return { license: null };
  return { license: list.length === 1 ? (list[0] as string) : `(${list.join(' OR ')})` };
}

/** Names the sibling composer.json requires, lowercased; `undefined` when there is none or it is unreadable. */
function declaredNames(path: string, context: ParseContext | undefined): Set<string> | undefined {
  const base = posix.basename(path.split('\\').join('/'));
  const manifest = base === 'composer.lock' ? 'composer.json' : base.endsWith('.lock') ? base.replace(/\.lock$/, '.json') : undefined;
  const text = manifest ? context?.readRelated?.(manifest) : undefined;
  if (text === undefined) return undefined;
  try {
    const doc = parseJson(text, manifest as string);
    if (!isRecord(doc)) return undefined;
    const names = new Set<string>();
    for (const key of ['require', 'require-dev']) {
      const block = doc[key];
      if (isRecord(block)) for (const n of Object.keys(block)) names.add(n.toLowerCase());
    }
    return names;
  } catch {
    // The lockfile alone is still a complete inventory; only the direct flags fall back to the graph.
    return undefined;
  }
}
