import { posix } from 'node:path';
import { ParseError } from '../../errors.js';
import type { Hash, Package, Source } from '../../model/package.js';
import type { Inventory } from '../../model/inventory.js';
import { MAX_LOCKFILE_BYTES } from '../../parse/json.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { addHashes, parseArtifactHash } from './artifact-hash.js';
import { byNormalizedName } from './direct-dependencies.js';
import { PypiInventoryBuilder } from './inventory-builder.js';
import { normalizePypiName } from './package-name.js';
import { parseRequirement, pinnedVersion } from './requirement-spec.js';
import { describeUrlRequirement, looksLikeUrlOrPath } from './requirement-url.js';

/** A logical line (continuations joined) longer than this is refused: pip-compile's longest are a few KiB. */
export const MAX_REQUIREMENT_LINE = 1024 * 1024;
/** `-r`/`-c` files read for one top-level file, so a fan-out of includes cannot run away. */
export const MAX_INCLUDED_FILES = 256;

/** One requirement line of pip's requirements-file format, split into the requirement and its options. */
export interface RequirementLine {
  line: number;
  /** The requirement part (before the first `-option` token), or the value of `-e`. */
  requirement: string;
  editable: boolean;
  hashes: Hash[];
  /**
   * pip-compile / `uv pip compile` annotations (`# via flask`, `# via -r requirements.in`): what asked for the
   * package. `undefined` when the line carries none.
   */
  via?: string[];
}

/** A line that pulls in another file: `-r other.txt` (requirements) or `-c constraints.txt` (constraints). */
export interface IncludeLine {
  line: number;
  kind: 'requirements' | 'constraints';
  target: string;
}

/** What one requirements file says, before includes are followed. */
export interface RequirementsFile {
  requirements: RequirementLine[];
  includes: IncludeLine[];
  indexUrl?: string;
}

/**
 * Reads pip's requirements-file format line by line, as pip's `req_file.py` does: joins `\` continuations
 * (a comment line ends one), strips `#` comments that start a line or follow whitespace, splits each line into the
 * requirement and its trailing `--options`. Unknown options are ignored; so are lines pip would reject, as the peer
 * does. NUL bytes and over-long lines are `ParseError`s: no text requirements file has them.
 */
export function readRequirementsFile(text: string, file: string): RequirementsFile {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    throw new ParseError(file, 'binary data (NUL byte) in a requirements file', {
      line,
      column: nul - before.lastIndexOf('\n'),
    });
  }
  const result: RequirementsFile = { requirements: [], includes: [] };
  // The requirement that following `# via` comment lines annotate, and whether a multi-line `# via` list is open.
  let annotated: RequirementLine | undefined;
  let viaOpen = false;
  for (const { line, content } of logicalLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) {
    if (content.length > MAX_REQUIREMENT_LINE) {
      throw new ParseError(file, `line is longer than ${MAX_REQUIREMENT_LINE} characters`, { line });
    }
    const commentAt = commentStart(content);
    const stripped = (commentAt < 0 ? content : content.slice(0, commentAt)).trim();
    const comment = commentAt < 0 ? undefined : content.slice(commentAt).trim();
    if (stripped === '') {
      viaOpen = annotated !== undefined && comment !== undefined && readViaComment(comment, annotated, viaOpen);
      continue;
    }
    viaOpen = false;
    const before = result.requirements.length;
    if (stripped.startsWith('-')) {
      readOptionLine(stripped, line, result);
    } else {
      const tokens = stripped.split(/\s+/);
      const firstOption = tokens.findIndex((t) => t.startsWith('-'));
      const requirementTokens = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
      const optionTokens = firstOption < 0 ? [] : tokens.slice(firstOption);
      result.requirements.push({
        line,
        requirement: requirementTokens.join(' '),
        editable: false,
        hashes: hashOptions(optionTokens),
      });
    }
    annotated = result.requirements.length > before ? result.requirements[result.requirements.length - 1] : undefined;
    // pip-tools before 6 wrote the annotation on the requirement's own line: `click==7.0  # via flask, black`.
    if (annotated && comment !== undefined) viaOpen = readViaComment(comment, annotated, false);
  }
  return result;
}

/**
 * Reads one pip-compile annotation comment into `req.via`: `# via a, b`, or `# via` followed by `#   a` lines.
 * Returns whether a multi-line list is (still) open.
 */
function readViaComment(comment: string, req: RequirementLine, open: boolean): boolean {
  const body = comment.replace(/^#/, '');
  const via = /^\s*via\b:?(.*)$/.exec(body);
  if (via) {
    const rest = (via[1] ?? '').trim();
    req.via = rest === '' ? [] : rest.split(/,\s*/).map((v) => v.trim()).filter((v) => v !== '');
    return rest === '';
  }
  const item = open ? /^\s{2,}(\S.*)$/.exec(body) : null;
  if (item?.[1] !== undefined) {
    (req.via ??= []).push(item[1].trim());
    return true;
  }
  return false;
}

function readOptionLine(text: string, line: number, into: RequirementsFile): void {
  const match = /^(--[A-Za-z][A-Za-z0-9-]*|-[A-Za-z])(?:=|\s*)(.*)$/s.exec(text);
  if (!match) return;
  const option = match[1] ?? '';
  const tokens = (match[2] ?? '').trim().split(/\s+/);
  const value = tokens[0] ?? '';
  switch (option) {
    case '-r':
    case '--requirement':
      if (value !== '') into.includes.push({ line, kind: 'requirements', target: value });
      return;
    case '-c':
    case '--constraint':
      if (value !== '') into.includes.push({ line, kind: 'constraints', target: value });
      return;
    case '-e':
    case '--editable':
      if (value !== '') {
        into.requirements.push({ line, requirement: value, editable: true, hashes: hashOptions(tokens.slice(1)) });
      }
      return;
    case '-i':
    case '--index-url':
      if (value !== '') into.indexUrl = value;
      return;
    default:
      // --extra-index-url, --find-links, --pre, --trusted-host, --no-binary, ...: they change where pip looks,
      // not what it installs.
      return;
  }
}

function hashOptions(tokens: readonly string[]): Hash[] {
  const hashes: Hash[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    let value: string | undefined;
    if (token.startsWith('--hash=')) value = token.slice('--hash='.length);
    else if (token === '--hash') value = tokens[++i];
    if (value !== undefined) addHashes(hashes, [parseArtifactHash(value)]);
  }
  return hashes;
}

/** pip's `join_lines`: yields each logical line with the 1-based number of its first physical line. */
function* logicalLines(text: string): Generator<{ line: number; content: string }> {
  const physical = text.split('\n');
  let pending: string[] = [];
  let firstLine = 0;
  for (let i = 0; i < physical.length; i++) {
    const raw = (physical[i] ?? '').replace(/\r$/, '');
    const isComment = /^\s*#/.test(raw);
    if (!raw.endsWith('\\') || isComment) {
      const content = isComment ? ` ${raw}` : raw;
      if (pending.length > 0) {
        pending.push(content);
        yield { line: firstLine, content: pending.join('') };
        pending = [];
      } else {
        yield { line: i + 1, content };
      }
    } else {
      if (pending.length === 0) firstLine = i + 1;
      pending.push(stripBackslashes(raw));
    }
  }
  if (pending.length > 0) yield { line: firstLine, content: pending.join('') };
}

/**
 * pip's `line.strip("\\")`. By hand: `/^\\+|\\+$/g` retries `\\+$` at every backslash of a run that does not
 * end the line, quadratic in the run's length.
 */
function stripBackslashes(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) === 0x5c) start++;
  while (end > start && line.charCodeAt(end - 1) === 0x5c) end--;
  return line.slice(start, end);
}

/** pip's `COMMENT_RE`: a `#` at the start or after whitespace starts a comment (`#egg=` in a URL does not). */
function commentStart(line: string): number {
  const at = line.search(/(^|\s)#/);
  return at < 0 ? -1 : line.indexOf('#', at);
}

interface Entry {
  name: string;
  version: string;
  source: Source;
  integrity: Hash[];
  file: string;
  line: number;
  via?: string[];
}

/**
 * Turns one requirement line into an entry; `undefined` for lines pip would reject and for local directories
 * (`-e .`), which are the project itself rather than something installed from elsewhere.
 */
function entryFor(req: RequirementLine, file: string): Entry | undefined {
  const entry = bareEntryFor(req, file);
  if (entry && req.via !== undefined) entry.via = req.via;
  return entry;
}

function bareEntryFor(req: RequirementLine, file: string): Entry | undefined {
  const text = req.requirement;
  const parsed = req.editable ? undefined : parseRequirement(text);
  const archiveLike = /\.(whl|tar\.gz|tgz|tar\.bz2|zip)(\s*;.*)?$/i.test(text);
  if (parsed && !(archiveLike && parsed.url === undefined && parsed.clauses.length === 0)) {
    if (parsed.url !== undefined) {
      const info = describeUrlRequirement(parsed.url);
      return { name: parsed.name, version: info.version, source: info.source, integrity: req.hashes, file, line: req.line };
    }
    return {
      name: parsed.name,
      version: pinnedVersion(parsed),
      source: { kind: 'registry' },
      integrity: req.hashes,
      file,
      line: req.line,
    };
  }
  // A bare URL or path; a marker after it needs whitespace before `;`.
  const url = text.slice(0, markerStart(text)).trim();
  if (!looksLikeUrlOrPath(url)) return undefined;
  const info = describeUrlRequirement(url);
  if (info.localDirectory || info.name === undefined) return undefined;
  return { name: info.name, version: info.version, source: info.source, integrity: req.hashes, file, line: req.line };
}

/**
 * Where the marker of a bare URL begins: the first `;` after whitespace, or the end. (`split(/\s+;/)` retries
 * `\s+` at every space of a long run, quadratic in its length.)
 */
function markerStart(text: string): number {
  for (let at = text.indexOf(';'); at > 0; at = text.indexOf(';', at + 1)) {
    if (/\s/.test(text[at - 1] as string)) return at;
  }
  return text.length;
}

/** A `# via` entry naming the user's own input rather than another package: `-r file`, or `(file)` at the end. */
function isRootVia(via: string): boolean {
  if (/^(-r|--requirement)\b/.test(via)) return true;
  // `/\([^)]*\)$/` scanned to the end from every `(`; the last `(` after the last inner `)` is the same test.
  if (!via.endsWith(')')) return false;
  return via.indexOf('(', via.lastIndexOf(')', via.length - 2) + 1) >= 0;
}

/** A `# via` name without its extras (`pkg[extra]`): everything before the first `[` when the entry ends in `]`. */
function withoutExtras(via: string): string {
  const open = via.indexOf('[');
  return via.endsWith(']') && open >= 0 ? via.slice(0, open) : via;
}

/** Edges from pip-compile's `# via` annotations: from each named package (or the project) to the annotated one. */
function linkAnnotations(builder: PypiInventoryBuilder, entries: readonly Entry[], added: readonly Package[]): void {
  builder.recordsEdges();
  const index = byNormalizedName(added);
  entries.forEach((entry, i) => {
    const to = added[i];
    if (!to || entry.via === undefined) return;
    for (const via of entry.via) {
      if (isRootVia(via)) {
        builder.addEdge({ from: '', to: to.id });
        continue;
      }
      if (via.startsWith('-')) continue; // `-c constraints.txt`: a constraint, not a dependent
      const name = withoutExtras(via).trim();
      for (const from of index.get(normalizePypiName(name)) ?? []) builder.addEdge({ from: from.id, to: to.id });
    }
  });
}

/**
 * `requirements.txt` and friends. Every requirement is direct (the file is what the user asked for), except in
 * pip-compile / `uv pip compile` output, whose `# via` annotations say which lines `-r` or the project brought in
 * (direct) and which other packages pulled in (transitive, with edges). `-r` includes are followed through
 * `context.readRelated` (each file once, so include cycles end), `-c` constraint files only supply versions to
 * requirements that name none. URL and VCS requirements are reported with a git, tarball or path source and the
 * version their file name gives, `""` otherwise.
 */
export const requirementsTxtParser: LockfileParser = {
  id: 'requirements.txt',
  ecosystem: 'PyPI',
  fileNames: ['requirements.txt', 'requirements-*.txt', 'requirements_*.txt', 'requirements.*.txt', '*-requirements.txt', '*_requirements.txt'],
  conformance: ['python/requirements'],
  parse(text: string, path: string, context?: ParseContext): Inventory {
    const entries: Entry[] = [];
    const constraints = new Map<string, string>();
    const visited = new Set<string>();
    let indexUrl: string | undefined;
    const topDir = posix.dirname(path.replace(/\\/g, '/'));

    const visit = (content: string, key: string, kind: IncludeLine['kind']): void => {
      const displayPath = key === '' ? path : posix.join(topDir, key);
      const parsed = readRequirementsFile(content, displayPath);
      indexUrl ??= parsed.indexUrl;
      // pip reads includes where they stand, so packages keep file order across files.
      const items = [...parsed.requirements, ...parsed.includes].sort((x, y) => x.line - y.line);
      for (const item of items) {
        if (!('kind' in item)) {
          const entry = entryFor(item, displayPath);
          if (!entry) continue;
          if (kind === 'requirements') entries.push(entry);
          else if (entry.version !== '' && entry.source.kind === 'registry') {
            constraints.set(normalizePypiName(entry.name), entry.version);
          }
          continue;
        }
        // Includes nested in a constraints file are constraints too, as in pip.
        const includeKind = kind === 'constraints' ? 'constraints' : item.kind;
        if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(item.target)) continue; // remote includes are not fetched
        const base = key === '' ? '.' : posix.dirname(key);
        const target = item.target.replace(/\\/g, '/');
        const nextKey = posix.isAbsolute(target) ? target : posix.normalize(posix.join(base, target));
        if (visited.has(nextKey)) continue;
        visited.add(nextKey);
        if (visited.size > MAX_INCLUDED_FILES) {
          throw new ParseError(displayPath, `more than ${MAX_INCLUDED_FILES} files included with -r/-c`, {
            line: item.line,
          });
        }
        const included = context?.readRelated?.(nextKey);
        // A missing include is skipped, as the peer does: the snapshot may not hold it (a file outside the repo).
        if (included !== undefined) visit(included, nextKey, includeKind);
      }
    };

    visited.add(posix.basename(path.replace(/\\/g, '/')));
    visit(text, '', 'requirements');

    const builder = new PypiInventoryBuilder(path, 'requirements.txt');
    const added = entries.map((entry) => {
      let version = entry.version;
      if (version === '' && entry.source.kind === 'registry') version = constraints.get(normalizePypiName(entry.name)) ?? '';
      const source: Source =
        entry.source.kind === 'registry' && indexUrl !== undefined ? { kind: 'registry', url: indexUrl } : entry.source;
      return builder.add({
        name: entry.name,
        version,
        // Without annotations every line is something the user asked for; with them, only what `-r` or the
        // project (`name (pyproject.toml)`) brought in.
        direct: entry.via === undefined || entry.via.some(isRootVia),
        integrity: entry.integrity,
        source,
        file: entry.file,
        line: entry.line,
      });
    });
    if (entries.some((e) => e.via !== undefined)) linkAnnotations(builder, entries, added);
    return builder.build();
  },
};
