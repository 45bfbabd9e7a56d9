import { parse, TomlError } from 'smol-toml';
import { ParseError } from '../errors.js';
import { isRecord, MAX_LOCKFILE_BYTES, stripBom } from './json.js';
import { countNewlines } from './line-index.js';

/** A parsed TOML table; values are read through the `toml*` accessors below, never trusted by shape. */
export type TomlRecord = Record<string, unknown>;

/**
 * Parses TOML with smol-toml, turning its errors into `ParseError`s with the file, line and column it reports.
 * `__proto__`/`constructor` keys are dropped, and inline nesting is capped so hostile input fails fast.
 */
export function parseTomlDocument(text: string, file: string): TomlRecord {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  try {
    return parse(stripBom(text), { unsafeKeyBehaviour: 'drop', maxDepth: 100 });
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
