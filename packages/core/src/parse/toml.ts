import { parse, TomlError } from 'smol-toml';
import { ParseError } from '../errors.js';
import { isRecord, MAX_LOCKFILE_BYTES, stripBom } from './json.js';
import { countNewlines } from './line-index.js';

/** A parsed TOML table; values are read through the `toml*` accessors below, never trusted by shape. */
export type TomlRecord = Record<string, unknown>;

/** How a big lockfile is read in pieces (see `parseTomlDocument`); tests lower both to exercise it on fixtures. */
export interface TomlPieces {
  /** The top-level array of tables whose `[[name]]` header lines are the cut points (`package`, `packages`). */
  arrayTable: string;
  /** Texts shorter than this are parsed whole. Default 1 MB. */
  minBytes?: number;
  /** Tables per piece. Default 2,000. */
  perPiece?: number;
}

const SMOL_OPTIONS = { unsafeKeyBehaviour: 'drop', maxDepth: 100 } as const;

/**
 * Parses TOML with smol-toml, turning its errors into `ParseError`s with the file, line and column it reports.
 * `__proto__`/`constructor` keys are dropped, and inline nesting is capped so hostile input fails fast.
 *
 * With `pieces`, a big lockfile is parsed in pieces cut at its `[[package]]` header lines, and the pieces' arrays
 * are joined: smol-toml keeps a bookkeeping record per key and table until a parse returns, which doubled the
 * peak heap of a 50,000-package Cargo.lock. The result is the same document (tests compare the two on every
 * fixture); where a piece could read differently from the whole — a multi-line string that might hold a header
 * line, a top-level key in two pieces, any error — the whole text is parsed instead, so errors and their
 * positions are smol-toml's own.
 */
export function parseTomlDocument(text: string, file: string, pieces?: TomlPieces): TomlRecord {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  const body = stripBom(text);
  if (pieces && body.length >= (pieces.minBytes ?? 1 << 20)) {
    const joined = parseInPieces(body, pieces.arrayTable, pieces.perPiece ?? 2_000);
    if (joined) return joined;
  }
  try {
    return parse(body, SMOL_OPTIONS);
  } catch (err) {
    if (err instanceof TomlError) {
      // The message repeats the offending source lines after the first line; keep the reason only.
      const reason = (err.message.split('\n')[0] ?? 'invalid TOML').replace(/^Invalid TOML document: /, '');
      throw new ParseError(file, `invalid TOML: ${reason}`, { line: err.line, column: err.column }, { cause: err });
    }
    // A RangeError from deep recursion, or anything else the parser did not foresee.
    const reason = err instanceof Error ? err.message : String(err);
    throw new ParseError(file, `invalid TOML: ${reason.slice(0, 200)}`, {}, { cause: err });
  }
}

/** The document read piece by piece, or `undefined` when only a whole parse can say what it is. */
function parseInPieces(text: string, name: string, perPiece: number): TomlRecord | undefined {
  // Inside a multi-line string a line may read `[[package]]` without being a header; plain lockfiles have none.
  if (text.includes('"""') || text.includes("'''")) return undefined;
  const cuts = headerLineStarts(text, `[[${name}]]`);
  if (cuts.length === 0) return undefined;
  try {
    const doc: TomlRecord = parse(text.slice(0, cuts[0]), SMOL_OPTIONS);
    if (Object.hasOwn(doc, name)) return undefined;
    const tables: unknown[] = [];
    for (let i = 0; i < cuts.length; i += perPiece) {
      const piece: TomlRecord = parse(text.slice(cuts[i], cuts[i + perPiece] ?? text.length), SMOL_OPTIONS);
      for (const key of Object.keys(piece)) {
        if (key === name) {
          for (const table of piece[key] as unknown[]) tables.push(table);
        } else {
          // Defined in two pieces: the whole parse decides whether that is an error.
          if (Object.hasOwn(doc, key)) return undefined;
          doc[key] = piece[key];
        }
      }
    }
    doc[name] = tables;
    return doc;
  } catch {
    return undefined;
  }
}

/** Offsets of the lines that are exactly `header` (CR LF allowed). */
function headerLineStarts(text: string, header: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(header); at >= 0; at = text.indexOf(header, at + header.length)) {
    if (at > 0 && text[at - 1] !== '\n') continue;
    const end = at + header.length;
    const next = text[end];
    if (next === undefined || next === '\n' || (next === '\r' && text[end + 1] === '\n')) out.push(at);
  }
  return out;
}

/** A string value, or `undefined` when the key is absent or holds something else. */
export function tomlString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** True for a TOML table: a plain or prototype-less object (smol-toml's dates are objects too, `TomlDate`s). */
export function isTomlTable(value: unknown): value is TomlRecord {
  if (!isRecord(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** A table value, or `undefined`. */
export function tomlTable(value: unknown): TomlRecord | undefined {
  return isTomlTable(value) ? value : undefined;
}

/** An array value (any element type), or `[]`. */
export function tomlArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The elements of an array that are tables. */
export function tomlTables(value: unknown): TomlRecord[] {
  return tomlArray(value).filter(isTomlTable);
}

/**
 * 1-based lines of the `[[<header>]]` array-of-tables headers, in order. Only trusted when their count equals the
 * number of tables the parser produced (a header-like line inside a multi-line string would otherwise shift them).
 */
export function arrayTableLines(text: string, header: string, expected: number): (number | undefined)[] {
  const lines: number[] = [];
  const pattern = new RegExp(`^\\s*\\[\\[\\s*${header.replace(/\./g, '\\s*\\.\\s*')}\\s*\\]\\]\\s*(#.*)?$`);
  let lineNo = 1;
  let counted = 0;
  // Jump from one `[[` to the next instead of walking every line: lockfiles have few headers and many lines.
  for (let at = text.indexOf('[['); at >= 0; at = text.indexOf('[[', at)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    if (pattern.test(text.slice(lineStart, lineEnd).replace(/\r$/, ''))) {
      lineNo += countNewlines(text, counted, lineStart);
      counted = lineStart;
      lines.push(lineNo);
    }
    at = lineEnd;
  }
  return lines.length === expected ? lines : new Array<number | undefined>(expected).fill(undefined);
}

/** True for a TOML table (smol-toml gives plain or prototype-less objects; dates are `TomlDate`s). */
export function isTable(value: unknown): value is TomlRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
