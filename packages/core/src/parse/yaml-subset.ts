import * as jsYaml from 'js-yaml';
import type { Type } from 'js-yaml';

/**
 * The plain-scalar resolvers of js-yaml's CORE schema, in its order (null, bool, int, float): the subset reader
 * types a plain scalar exactly as js-yaml's loader does, with js-yaml's own code. (`types` is exported by js-yaml
 * 4 but missing from its type declarations.)
 */
let implicit: readonly Type[] | undefined;
function implicitTypes(): readonly Type[] {
  if (implicit === undefined) {
    const { types } = jsYaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', Type> };
    implicit = [types.null, types.bool, types.int, types.float];
  }
  return implicit;
}

/** What js-yaml rejects anywhere in a document (its PATTERN_NON_PRINTABLE). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** YAML caps an implicit key at 1024 characters. */
const MAX_KEY = 1024;

/** Deeper than this, the reader declines and the depth guard of the full path decides. */
const MAX_DEPTH = 64;

/**
 * How plain scalars are typed: `core` as js-yaml's CORE schema (null, bool, int, float: what `loadYaml` uses),
 * `failsafe` as its FAILSAFE schema (every scalar a string: what yarn's own parser uses for berry lockfiles).
 */
export type SubsetSchema = 'core' | 'failsafe';

/** What the subset reader gives: the values, and the lines of the keys of each top-level mapping. */
export interface SubsetYaml {
  value: Record<string, unknown>;
  /** top-level key → (key of its block mapping → 1-based line of its first occurrence). */
  keyLines: Map<string, Map<string, number>>;
}

interface Frame {
  indent: number;
  container: Record<string, unknown> | unknown[];
  /** The top-level key this mapping is the value of, when it is one (its keys' lines are recorded). */
  lines?: Map<string, number> | undefined;
}

/** Thrown inside the reader when the text leaves the subset; never escapes `readYamlSubset`. */
const DECLINE = Symbol('decline');

/**
 * Reads the block YAML that package managers write (pnpm-lock.yaml, pubspec.lock): block mappings and block
 * sequences of scalars, indented with spaces, plain or quoted scalars without escapes, and single-line flow
 * mappings and sequences of scalars. It builds the same values as js-yaml's `load` with the CORE schema and
 * `json: true` (later duplicate keys win, `__proto__` is an own property), in one pass over the lines with no
 * recursion and no syntax tree, and notes the lines of second-level keys on the way.
 *
 * Full-line comments are skipped, as YAML ignores them. Anything else outside that subset — trailing comments,
 * anchors, aliases, tags, block scalars, multi-line scalars, escapes,
 * nested flow collections, tabs, CR line ends, document markers, odd indentation — returns `undefined`, and the
 * caller parses the text with js-yaml (or the precise parser, for an error's position). So the reader never has
 * to be right about YAML it does not accept; tests compare it with js-yaml on every fixture and on mutated input.
 */
export function readYamlSubset(text: string, options: { schema?: SubsetSchema } = {}): SubsetYaml | undefined {
  try {
    return read(text, options.schema === 'failsafe' ? (raw) => raw : resolvePlain);
  } catch (err) {
    if (err === DECLINE) return undefined;
    throw err;
  }
}

function read(text: string, plain: (raw: string) => unknown): SubsetYaml {
  if (text.includes('\r') || text.includes('\t') || NON_PRINTABLE.test(text)) throw DECLINE;
  const root: Record<string, unknown> = {};
  const keyLines = new Map<string, Map<string, number>>();
  const stack: Frame[] = [{ indent: 0, container: root }];
  // A `key:` with nothing after it: its value is the block on the next, deeper lines, or null.
  let pending: { frame: Frame; key: string; line: number } | undefined;
  let line = 0;
  let contentLines = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    let p = start;
    while (p < end && text.charCodeAt(p) === 0x20) p++;
    const lineStart = start;
    start = end + 1;
    if (p === end) continue; // blank
    const c = text.charCodeAt(p);
    // A comment line, at any indentation: YAML ignores it (the subset has no multi-line scalars it could be in).
    if (c === 0x23 /* # */) continue;
    contentLines++;
    const indent = p - lineStart;
    if ((c === 0x2d || c === 0x2e) && indent === 0 && text.startsWith(c === 0x2d ? '---' : '...', p)) throw DECLINE;
    if (c === 0x25 /* % */ && indent === 0) throw DECLINE;
    const isItem = c === 0x2d /* - */ && (p + 1 === end || text.charCodeAt(p + 1) === 0x20);

    if (pending !== undefined) {
      const parent = pending.frame;
      if (indent > parent.indent) {
        if (stack.length >= MAX_DEPTH) throw DECLINE;
        const container: Record<string, unknown> | unknown[] = isItem ? [] : {};
        setKey(parent.container as Record<string, unknown>, pending.key, container);
        const lines = stack.length === 1 && !isItem ? linesOf(keyLines, pending.key) : undefined;
        stack.push({ indent, container, lines });
      } else {
        // `key:` then a line at the same or a lower indentation: the value is null (an indentless sequence
        // under the key is valid YAML but is not written by the tools this reads: decline).
        if (isItem && indent === parent.indent) throw DECLINE;
        setKey(parent.container as Record<string, unknown>, pending.key, null);
      }
      pending = undefined;
    }
    while (stack.length > 1 && (stack[stack.length - 1] as Frame).indent > indent) stack.pop();
    const frame = stack[stack.length - 1] as Frame;
    if (frame.indent !== indent) throw DECLINE; // a continuation line, or indentation between two levels

    if (Array.isArray(frame.container)) {
      if (!isItem) throw DECLINE;
      let q = p + 1;
      while (q < end && text.charCodeAt(q) === 0x20) q++;
      if (q === end) throw DECLINE; // `-` alone: a nested block in a sequence entry
      frame.container.push(blockValue(text, q, end, plain));
      continue;
    }
    if (isItem) throw DECLINE;
    const { key, after } = blockKey(text, p, end, plain);
    if (frame.lines !== undefined && !frame.lines.has(key)) frame.lines.set(key, line);
    let q = after;
    while (q < end && text.charCodeAt(q) === 0x20) q++;
    if (q === end) {
      pending = { frame, key, line };
      continue;
    }
    setKey(frame.container, key, blockValue(text, q, end, plain));
  }
  if (pending !== undefined) setKey(pending.frame.container as Record<string, unknown>, pending.key, null);
  if (contentLines === 0) throw DECLINE;
  return { value: root, keyLines };
}

function linesOf(all: Map<string, Map<string, number>>, key: string): Map<string, number> {
  let lines = all.get(key);
  if (lines === undefined) all.set(key, (lines = new Map()));
  return lines;
}

/** js-yaml's `setProperty`: `__proto__` becomes an own property, never the prototype. */
function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { configurable: true, enumerable: true, writable: true, value });
  else object[key] = value;
}

/** A block mapping key at `p`, and the position after its `:`. */
function blockKey(text: string, p: number, end: number, plain: (raw: string) => unknown): { key: string; after: number } {
  const c = text.charCodeAt(p);
  if (c === 0x27 || c === 0x22) {
    const { value, after } = quoted(text, p, end);
    if (after - p > MAX_KEY) throw DECLINE;
    if (text.charCodeAt(after) !== 0x3a /* : */ || !(after + 1 === end || text.charCodeAt(after + 1) === 0x20)) throw DECLINE;
    return { key: value, after: after + 1 };
  }
  if (!plainStart(text, p, end)) throw DECLINE;
  // The key ends at the first `: ` (or `:` at the line's end).
  let colon = text.indexOf(':', p);
  while (colon >= 0 && colon < end && !(colon + 1 === end || text.charCodeAt(colon + 1) === 0x20)) colon = text.indexOf(':', colon + 1);
  if (colon < 0 || colon >= end) throw DECLINE;
  let keyEnd = colon;
  while (keyEnd > p && text.charCodeAt(keyEnd - 1) === 0x20) keyEnd--;
  const raw = text.slice(p, keyEnd);
  if (raw.includes(' #') || raw.length > MAX_KEY) throw DECLINE;
  return { key: String(plain(raw)), after: colon + 1 };
}

/** The value after `key: ` or `- `, which must fill the rest of the line. */
function blockValue(text: string, p: number, end: number, plain: (raw: string) => unknown): unknown {
  const c = text.charCodeAt(p);
  let value: unknown;
  let after: number;
  if (c === 0x27 || c === 0x22) ({ value, after } = quoted(text, p, end));
  else if (c === 0x7b /* { */ || c === 0x5b /* [ */) ({ value, after } = flow(text, p, end, plain));
  else {
    if (!plainStart(text, p, end)) throw DECLINE;
    let stop = end;
    while (stop > p && text.charCodeAt(stop - 1) === 0x20) stop--;
    const raw = text.slice(p, stop);
    // `a: b` or `a:` inside a block plain scalar is a nested mapping (an error on one line); ` #` a comment.
    if (raw.includes(': ') || raw.endsWith(':') || raw.includes(' #')) throw DECLINE;
    return plain(raw);
  }
  for (let i = after; i < end; i++) if (text.charCodeAt(i) !== 0x20) throw DECLINE;
  return value;
}

/** A single-line flow mapping or sequence of scalars: `{integrity: sha512-..., tarball: https://...}`, `[x64]`. */
function flow(text: string, p: number, end: number, plain: (raw: string) => unknown): { value: unknown; after: number } {
  const mapping = text.charCodeAt(p) === 0x7b;
  const close = mapping ? 0x7d /* } */ : 0x5d; /* ] */
  const out: Record<string, unknown> | unknown[] = mapping ? {} : [];
  let i = skipSpaces(text, p + 1, end);
  if (text.charCodeAt(i) === close) return { value: out, after: i + 1 };
  for (;;) {
    let key: string | undefined;
    if (mapping) {
      const k = flowScalar(text, i, end, true, plain);
      if (text.charCodeAt(k.after) !== 0x3a || text.charCodeAt(k.after + 1) !== 0x20) throw DECLINE;
      key = String(k.value);
      i = skipSpaces(text, k.after + 2, end);
    }
    const v = flowScalar(text, i, end, false, plain);
    if (key === undefined) (out as unknown[]).push(v.value);
    else setKey(out as Record<string, unknown>, key, v.value);
    i = skipSpaces(text, v.after, end);
    const c = text.charCodeAt(i);
    if (c === close) return { value: out, after: i + 1 };
    if (c !== 0x2c /* , */) throw DECLINE;
    i = skipSpaces(text, i + 1, end);
    if (i >= end || text.charCodeAt(i) === close) throw DECLINE; // a trailing comma: leave it to js-yaml
  }
}

/** A quoted or plain scalar inside a flow collection; a plain one ends at `,`, `]`, `}` or (for keys) `: `. */
function flowScalar(text: string, p: number, end: number, isKey: boolean, plain: (raw: string) => unknown): { value: unknown; after: number } {
  const c = text.charCodeAt(p);
  if (c === 0x27 || c === 0x22) return quoted(text, p, end);
  if (!plainStart(text, p, end)) throw DECLINE;
  let i = p;
  for (; i < end; i++) {
    const s = text.charCodeAt(i);
    if (s === 0x2c || s === 0x5d || s === 0x7d) break;
    if (s === 0x5b || s === 0x7b || s === 0x23 /* # */) throw DECLINE;
    if (s === 0x3a /* : */) {
      const n = text.charCodeAt(i + 1);
      if (n === 0x20) {
        if (isKey) break;
        throw DECLINE;
      }
      if (i + 1 >= end || n === 0x2c || n === 0x5d || n === 0x7d) throw DECLINE;
    }
  }
  if (i >= end) throw DECLINE; // the collection does not close on this line
  let stop = i;
  while (stop > p && text.charCodeAt(stop - 1) === 0x20) stop--;
  return { value: plain(text.slice(p, stop)), after: stop };
}

/** A single- or double-quoted scalar that closes on its line; double quotes with escapes are declined. */
function quoted(text: string, p: number, end: number): { value: string; after: number } {
  const q = text.charCodeAt(p);
  if (q === 0x22) {
    const close = text.indexOf('"', p + 1);
    if (close < 0 || close >= end) throw DECLINE;
    const value = text.slice(p + 1, close);
    if (value.includes('\\')) throw DECLINE;
    return { value, after: close + 1 };
  }
  let value = '';
  let from = p + 1;
  for (;;) {
    const close = text.indexOf("'", from);
    if (close < 0 || close >= end) throw DECLINE;
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) !== 0x27) return { value, after: close + 1 };
    value += "'";
    from = close + 2;
  }
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  return i;
}

/**
 * Whether a plain scalar may start at `p`: not with an indicator (`- ? :` only when followed by a non-space),
 * nor with a character that is outside what lockfile writers put there.
 */
function plainStart(text: string, p: number, end: number): boolean {
  if (p >= end) return false;
  const c = text.charCodeAt(p);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  if (c === 0x2e || c === 0x2f || c === 0x5f || c === 0x5e || c === 0x7e || c === 0x3c || c === 0x3d || c === 0x2b || c === 0x28 || c === 0x24)
    return true; // . / _ ^ ~ < = + ( $
  if (c === 0x2d /* - */) {
    const n = text.charCodeAt(p + 1);
    return p + 1 < end && n !== 0x20;
  }
  return c >= 0x80; // non-ASCII letters
}

/** A plain scalar's value under the CORE schema, by js-yaml's own resolvers. */
function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  // null, bool, int and float all start with one of: digit + - . ~ n N t T f F.
  const maybeTyped =
    (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46;
  if (!maybeTyped) return raw;
  for (const type of implicitTypes()) if (type.resolve(raw)) return type.construct(raw);
  return raw;
}
