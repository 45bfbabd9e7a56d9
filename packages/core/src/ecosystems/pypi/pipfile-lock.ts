import { isLockwardenError, ParseError } from '../../errors.js';
import type { Inventory } from '../../model/inventory.js';
import type { Hash, Source } from '../../model/package.js';
import { isRecord, parseJson } from '../../parse/json.js';
import { LineIndex } from '../../parse/line-index.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { addHashes, parseArtifactHash } from './artifact-hash.js';
import { PypiInventoryBuilder } from './inventory-builder.js';
import { normalizePypiName } from './package-name.js';
import { describeUrlRequirement } from './requirement-url.js';
import { parseTomlDocument, tomlTable } from '../../parse/toml.js';

interface PipfileEntry {
  name: string;
  version: string;
  source: Source;
  integrity: Hash[];
  line: number | undefined;
  dev: boolean;
}

function entrySource(entry: Record<string, unknown>, indexes: Map<string, string>): Source | 'local-directory' {
  if (typeof entry.git === 'string') {
    const source: Source = { kind: 'git', url: entry.git };
    if (typeof entry.ref === 'string') {
      source.ref = entry.ref;
      if (/^[0-9a-f]{40}$/i.test(entry.ref)) source.commit = entry.ref.toLowerCase();
    }
    return source;
  }
  const location = typeof entry.file === 'string' ? entry.file : typeof entry.path === 'string' ? entry.path : undefined;
  if (location !== undefined) {
    const info = describeUrlRequirement(location);
    return info.localDirectory ? 'local-directory' : info.source;
  }
  const url = typeof entry.index === 'string' ? indexes.get(entry.index) : undefined;
  return url === undefined ? { kind: 'registry' } : { kind: 'registry', url };
}

/**
 * Line of `"name":` inside a section. Entries come in document order (JSON.parse keeps it, except for integer-like
 * keys, which JavaScript objects move to the front), so each search starts where the previous entry was found:
 * one pass over the section, not one per entry (that was quadratic: 5,000 entries took 1.3 s). A key not found
 * after the cursor is looked for again from the section's start.
 */
class KeyLines {
  private cursor: number;
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly sectionAt: number,
  ) {
    this.cursor = sectionAt;
  }

  line(name: string): number | undefined {
    const needle = JSON.stringify(name);
    const at = this.find(needle, this.cursor) ?? this.find(needle, this.sectionAt);
    if (at === undefined) return undefined;
    this.cursor = Math.max(this.cursor, at + needle.length);
    return this.lines.line(at);
  }

  private find(needle: string, from: number): number | undefined {
    for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      if (/^\s*:/.test(this.text.slice(at + needle.length, at + needle.length + 64))) return at;
    }
    return undefined;
  }
}

/** Names in the sibling Pipfile's `[packages]` and `[dev-packages]`; `undefined` when unreadable. */
function pipfileNames(context: ParseContext | undefined): Set<string> | undefined {
  const text = context?.readRelated?.('Pipfile');
  if (text === undefined) return undefined;
  try {
    const doc = parseTomlDocument(text, 'Pipfile');
    const names = [...Object.keys(tomlTable(doc.packages) ?? {}), ...Object.keys(tomlTable(doc['dev-packages']) ?? {})];
    return new Set(names.map(normalizePypiName));
  } catch (err) {
    if (isLockwardenError(err)) return undefined;
    throw err;
  }
}

/**
 * Pipenv's `Pipfile.lock`: `default` (production) and `develop` (scope `dev`). A package locked at the same
 * version in both is reported once, without a scope. Git entries are reported with version `""` and their git
 * source (the peer drops them; see docs/conformance.md); local directories (`-e .`) are the project itself.
 * `direct` comes from the sibling Pipfile when readable.
 */
export const pipfileLockParser: LockfileParser = {
  id: 'Pipfile.lock',
  ecosystem: 'PyPI',
  fileNames: ['Pipfile.lock'],
  conformance: ['python/pipfilelock'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const builder = new PypiInventoryBuilder(path, 'Pipfile.lock');
    if (text.trim() === '') return builder.build();
    const doc = parseJson(text, path);
    if (!isRecord(doc)) throw new ParseError(path, 'Pipfile.lock is not a JSON object', { line: 1, column: 1 });
    const meta = isRecord(doc._meta) ? doc._meta : {};
    const indexes = new Map<string, string>();
    for (const s of Array.isArray(meta.sources) ? meta.sources : []) {
      if (isRecord(s) && typeof s.name === 'string' && typeof s.url === 'string') indexes.set(s.name, s.url);
    }
    const lines = new LineIndex(text);
    const entries: PipfileEntry[] = [];
    for (const [section, dev] of [
      ['default', false],
      ['develop', true],
    ] as const) {
      const body = doc[section];
      if (body === undefined) continue;
      if (!isRecord(body)) throw new ParseError(path, `"${section}" is not an object`);
      const keyLines = new KeyLines(text, lines, Math.max(0, text.search(new RegExp(`"${section}"\\s*:`))));
      for (const [name, raw] of Object.entries(body)) {
        if (!isRecord(raw)) continue;
        const source = entrySource(raw, indexes);
        if (source === 'local-directory') continue;
        const version = typeof raw.version === 'string' ? raw.version.replace(/^===?/, '').trim() : '';
        const hashes = Array.isArray(raw.hashes) ? raw.hashes : [];
        entries.push({
          name,
          version: version === '*' ? '' : version,
          source,
          integrity: addHashes(
            [],
            hashes.map((h) => (typeof h === 'string' ? parseArtifactHash(h) : undefined)),
          ),
          line: keyLines.line(name),
          dev,
        });
      }
    }

    const inDefault = new Set(entries.filter((e) => !e.dev).map((e) => `${normalizePypiName(e.name)}@${e.version}`));
    const declared = pipfileNames(context);
    for (const e of entries) {
      if (e.dev && inDefault.has(`${normalizePypiName(e.name)}@${e.version}`)) continue;
      builder.add({
        name: e.name,
        version: e.version,
        direct: declared?.has(normalizePypiName(e.name)) ?? false,
        scopes: e.dev ? ['dev'] : [],
        integrity: e.integrity,
        source: e.source,
        file: path,
        line: e.line,
      });
    }
    return builder.build();
  },
};
