import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { ParseError } from '../../errors.js';
import type { Hash, Package } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { isRecord, parseJson } from '../../parse/json.js';
import { assertNestingDepth } from '../../parse/nesting.js';
import { LineIndex } from '../../parse/line-index.js';
import type { LockfileParser } from '../types.js';

/** NuGet records `contentHash` as base64 SHA-512 of the .nupkg. */
function contentHash(value: unknown): Hash[] {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return [];
  const hex = Buffer.from(value, 'base64').toString('hex');
  return hex.length === 128 ? [{ algorithm: 'sha512', value: hex }] : [];
}

/**
 * jsonc-parser's tree of text JSON.parse already accepted, for positions only. Its parser recurses, so absurd
 * nesting (which JSON.parse survives) would overflow the stack, so past MAX_NESTING_DEPTH entries simply have no line.
 */
function positionTree(text: string): JsonNode | undefined {
  try {
    // jsonc-parser's tree builder recurses per level; JSON.parse accepted deeper nesting than it survives.
    assertNestingDepth(text, 'positions');
    return parseTree(text);
  } catch {
    return undefined;
  }
}

function nugetPurl(name: string, version: string, path: string, line: number | undefined): string {
  try {
    return buildPurl('nuget', undefined, name, version);
  } catch (err) {
    throw new ParseError(path, `"${name}" is not a valid NuGet package id`, { line }, { cause: err });
  }
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
      throw new ParseError(path, 'not a NuGet packages.lock.json: no "dependencies" object', { line: 1 });
    }
    // JSON.parse keeps no positions; jsonc-parser's tree of the same (already valid) text gives each entry's line.
    const tree = positionTree(text);
    const lines = new LineIndex(text);
    // One map per object, built on first use: jsonc-parser's findNodeAtLocation scans an object's properties
    // from the start on every call, which made a framework of 50,000 entries quadratic.
    const members = new Map<JsonNode, Map<string, JsonNode>>();
    const member = (node: JsonNode | undefined, key: string): JsonNode | undefined => {
      if (node?.type !== 'object') return undefined;
      let byName = members.get(node);
      if (byName === undefined) {
        byName = new Map();
        for (const property of node.children ?? []) {
          const [k, v] = property.children ?? [];
          // Same rule as findNodeAtLocation: the first well-formed property of that name.
          if (property.children?.length === 2 && k && v && typeof k.value === 'string' && !byName.has(k.value)) byName.set(k.value, v);
        }
        members.set(node, byName);
      }
      return byName.get(key);
    };
    const dependencies = member(tree, 'dependencies');
    const lineOf = (framework: string, name?: string): number | undefined => {
      const frameworkNode = member(dependencies, framework);
      const node = name === undefined ? frameworkNode : member(frameworkNode, name);
      const offset = node?.parent?.offset ?? node?.offset;
      return offset === undefined ? undefined : lines.line(offset);
    };
    const byKey = new Map<string, Package>();
    for (const [framework, entries] of Object.entries(doc.dependencies)) {
      if (!isRecord(entries)) {
        throw new ParseError(path, `"dependencies.${framework}" is not an object`, { line: lineOf(framework) });
      }
      for (const [name, entry] of Object.entries(entries)) {
        const line = lineOf(framework, name);
        if (!isRecord(entry)) {
          throw new ParseError(path, `"dependencies.${framework}.${name}" is not an object`, { line });
        }
        if (entry.type === 'Project') continue;
        const version = typeof entry.resolved === 'string' ? entry.resolved : '';
        if (version === '') {
          throw new ParseError(path, `"dependencies.${framework}.${name}" has no "resolved" version`, { line });
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
          purl: nugetPurl(name, version, path, line),
          direct,
          scopes: [],
          integrity: contentHash(entry.contentHash),
          source: { kind: 'registry' },
          location: line === undefined ? { file: path } : { file: path, line },
        });
      }
    }
    return { lockfile: path, format: 'packages.lock.json', ecosystem: 'NuGet', packages: [...byKey.values()], projects: [] };
  },
};
