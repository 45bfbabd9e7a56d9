import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ParseError } from '../errors.js';
import { MAX_LOCKFILE_BYTES, stripBom } from './json.js';
import { assertYamlDepth } from './nesting.js';
import { readYamlSubset } from './yaml-subset.js';

/** Aliases expand; a billion-laughs document must not. */
export const MAX_YAML_ALIASES = 100;

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

/**
 * Parses YAML with alias and size limits. The `yaml` library defines `__proto__` keys as own properties,
 * so they never reach an object's prototype.
 */
export function parseYaml(text: string, file: string, options: { maxBytes?: number } = {}): ParsedYaml {
  const maxBytes = options.maxBytes ?? MAX_LOCKFILE_BYTES;
  if (text.length > maxBytes) throw new ParseError(file, `file is larger than ${maxBytes} bytes`);
  assertYamlDepth(text, file);
  const lines = new LineCounter();
  const doc = withoutStackTraces(() => parseDocument(stripBom(text), { lineCounter: lines, uniqueKeys: false, prettyErrors: false }));
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    throw new ParseError(file, `invalid YAML: ${first.message.split('\n')[0] ?? first.code}`, {
      line: pos.line,
      column: pos.col,
    });
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    return { doc, lines, value };
  } catch (err) {
    throw new ParseError(file, `invalid YAML: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
  }
}

/**
 * Runs `fn` with stack traces off. The `yaml` library builds an `Error` for every problem it recovers from (one
 * per stray `]` or `"`), and capturing their stacks dominated the time on hostile input; only the first is reported.
 */
function withoutStackTraces<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The result of the fast path: plain values, and the precise parse only when one was needed. */
export interface LoadedYaml {
  value: unknown;
  /** Set when the fast path could not be used (anchors, or text it rejects), so positions are at hand. */
  precise?: ParsedYaml;
  /**
   * Lines of the keys of each top-level block mapping, when the subset reader read the text (it notes them for
   * free); pass them to `YamlKeyLines` to skip its scan.
   */
  keyLines?: Map<string, Map<string, number>>;
}

// An anchor (`&name`) at a node position; the fast loader shares aliased nodes instead of counting their
// expansions, so documents with anchors take the precise path and its alias limit.
const ANCHOR = /(?:^|[\s:[{,-])&[^\s,[\]{}]/m;

/**
 * Parses big YAML (lockfiles) to plain values: first with the subset reader (`readYamlSubset`, the block YAML that
 * package managers write, several times faster again), else with js-yaml's loader, which builds no syntax tree: several times
 * faster than the document parse and its line counter. Positions are not kept: callers find the lines a report
 * needs with a line scan (`YamlKeyLines`). Text with anchors, or that the loader rejects (a syntax error, a
 * duplicate key), goes through `parseYaml`, so a malformed file still gets the precise line and column.
 */
export function loadYaml(text: string, file: string, options: { maxBytes?: number } = {}): LoadedYaml {
  const maxBytes = options.maxBytes ?? MAX_LOCKFILE_BYTES;
  if (text.length > maxBytes) throw new ParseError(file, `file is larger than ${maxBytes} bytes`);
  const body = stripBom(text);
  // Machine-written lockfiles fit the subset reader: one pass, no recursion (so no depth guard needed), and the
  // lines of the entries on the way. Everything else takes js-yaml behind the depth guard.
  const subset = readYamlSubset(body);
  if (subset !== undefined) return { value: subset.value, keyLines: subset.keyLines };
  assertYamlDepth(text, file);
  if (!ANCHOR.test(body)) {
    try {
      // An empty document is null, as the precise parse has it (js-yaml says undefined).
      return { value: loadFast(body, { schema: CORE_SCHEMA, json: true }) ?? null };
    } catch {
      // Fall through: the precise parse says where and what, or accepts what the loader is stricter about.
    }
  }
  const precise = parseYaml(text, file, options);
  return { value: precise.value, precise };
}

/**
 * 1-based lines of the keys of one top-level block mapping (`packages:`), found by scanning the text's lines the
 * first time a line is asked for: reports need the lines of a few findings, not of every entry.
 */
export class YamlKeyLines {
  private lines: Map<string, number> | undefined;

  constructor(
    private readonly text: string,
    private readonly section: string,
    /** The lines `loadYaml` already found (`keyLines.get(section)`), when it did. */
    known?: Map<string, number>,
  ) {
    this.lines = known;
  }

  /** The line of `key` in the section, when it is written as a block-mapping key there. */
  lineOf(key: string): number | undefined {
    this.lines ??= scanKeyLines(this.text, this.section);
    return this.lines.get(key);
  }
}

/**
 * 1-based lines of the items of one top-level block sequence (`PODS:`), in order, so item `i` of the loaded value
 * is on line `lineOf(i)`. Found by one line scan on first use, like `YamlKeyLines`; trusted only when the scan
 * finds as many items as the loaded sequence has (`expected`), else no item has a line rather than a wrong one.
 */
export class YamlItemLines {
  private lines: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly section: string,
    private readonly expected: number,
  ) {}

  lineOf(index: number): number | undefined {
    if (this.lines === undefined) {
      const found = scanItemLines(this.text, this.section);
      this.lines = found.length === this.expected ? found : [];
    }
    return this.lines[index];
  }
}

/**
 * Calls `visit` with each non-blank, non-comment line of a top-level section (`section:` alone on its line) up to
 * the next top-level key: the line without its indentation, the indentation, and the 1-based line number. A
 * sequence may sit at the key's own indentation (`PODS:` then `- a`), so such lines belong to the section.
 */
function walkSection(text: string, section: string, visit: (entry: string, lead: number, line: number) => void): void {
  const header = `${section}:`;
  let line = 0;
  let inSection = false;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const lead = raw.length - raw.trimStart().length;
    if (lead === 0 && !isItem(raw)) {
      inSection = raw.startsWith(header) && raw.slice(header.length).trim() === '';
      continue;
    }
    if (inSection) visit(raw.slice(lead), lead, line);
  }
}

/** `- item`, or a bare `-` whose item follows on the next lines. */
function isItem(entry: string): boolean {
  return entry[0] === '-' && (entry.length === 1 || entry[1] === ' ');
}

function scanKeyLines(text: string, section: string): Map<string, number> {
  const out = new Map<string, number>();
  let indent = -1;
  walkSection(text, section, (entry, lead, line) => {
    if (indent < 0) indent = lead;
    if (lead !== indent || isItem(entry)) return;
    const key = blockKey(entry);
    if (key !== undefined && !out.has(key)) out.set(key, line);
  });
  return out;
}

function scanItemLines(text: string, section: string): number[] {
  const out: number[] = [];
  let indent = -1;
  walkSection(text, section, (entry, lead, line) => {
    if (indent < 0) indent = lead;
    if (lead === indent && isItem(entry)) out.push(line);
  });
  return out;
}

/** The key of a `key: value` or `key:` line: plain, 'single' or "double" quoted. */
function blockKey(entry: string): string | undefined {
  const q = entry[0];
  if (q === "'" || q === '"') {
    let value = '';
    for (let i = 1; i < entry.length; i++) {
      const c = entry[i]!;
      if (q === "'" && c === "'") {
        if (entry[i + 1] === "'") {
          value += "'";
          i++;
          continue;
        }
        return entry[i + 1] === ':' ? value : undefined;
      }
      if (q === '"' && c === '\\') {
        value += entry[++i] ?? '';
        continue;
      }
      if (q === '"' && c === '"') return entry[i + 1] === ':' ? value : undefined;
      value += c;
    }
    return undefined;
  }
  const colon = entry.search(/:(\s|$)/);
  return colon <= 0 ? undefined : entry.slice(0, colon).trimEnd();
}
