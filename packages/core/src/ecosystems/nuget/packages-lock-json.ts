import { ParseError } from '../../errors.js';
import type { Hash, Package } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { isRecord, parseJson } from '../../parse/json.js';
import type { LockfileParser } from '../types.js';

/** NuGet records `contentHash` as base64 SHA-512 of the .nupkg. */
function contentHash(value: unknown): Hash[] {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return [];
  const hex = Buffer.from(value, 'base64').toString('hex');
  return hex.length === 128 ? [{ algorithm: 'sha512', value: hex }] : [];
}

/**
 * NuGet's `packages.lock.json` (RestorePackagesWithLockFile): per target framework, every resolved package
 * with its type (`Direct`, `Transitive`, `CentralTransitive`, `Project`). A package resolved for several
 * frameworks is reported once; `Project` entries are the solution's own projects and are not packages.
 */
export const packagesLockJsonParser: LockfileParser = {
  id: 'packages.lock.json',
  ecosystem: 'NuGet',
  fileNames: ['packages.lock.json', 'packages.*.lock.json'],
  conformance: ['dotnet/packageslockjson'],
  parse(text, path) {
    const doc = parseJson(text, path);
    if (!isRecord(doc) || !isRecord(doc.dependencies)) {
      throw new ParseError(path, 'not a NuGet packages.lock.json: no "dependencies" object');
    }
    const byKey = new Map<string, Package>();
    for (const [framework, entries] of Object.entries(doc.dependencies)) {
      if (!isRecord(entries)) throw new ParseError(path, `"dependencies.${framework}" is not an object`);
      for (const [name, entry] of Object.entries(entries)) {
        if (!isRecord(entry)) throw new ParseError(path, `"dependencies.${framework}.${name}" is not an object`);
        if (entry.type === 'Project') continue;
        const version = typeof entry.resolved === 'string' ? entry.resolved : '';
        if (version === '') {
          throw new ParseError(path, `"dependencies.${framework}.${name}" has no "resolved" version`);
        }
        const key = `${name.toLowerCase()}@${version.toLowerCase()}`;
        const direct = entry.type === 'Direct';
        const existing = byKey.get(key);
        if (existing) {
          existing.direct ||= direct;
          continue;
        }
        byKey.set(key, {
          id: key,
          ecosystem: 'NuGet',
          name,
          version,
          purl: buildPurl('nuget', undefined, name, version),
          direct,
          scopes: [],
          integrity: contentHash(entry.contentHash),
          source: { kind: 'registry' },
          location: { file: path },
        });
      }
    }
    return { lockfile: path, format: 'packages.lock.json', ecosystem: 'NuGet', packages: [...byKey.values()], projects: [] };
  },
};
