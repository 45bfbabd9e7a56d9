import { parse, TomlError } from 'smol-toml';
import { ParseError } from '../../errors.js';
import { MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';

/** Inline tables and arrays nested deeper than this are hostile in Cargo files. */
const MAX_TOML_DEPTH = 100;

/**
 * Parses TOML with smol-toml, turning its errors into `ParseError`s with line and column. `__proto__` and
 * `constructor` keys are kept as own properties of prototype-less objects, so they stay plain data.
 */
export function parseToml(text: string, file: string): Record<string, unknown> {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  try {
    return parse(stripBom(text), { maxDepth: MAX_TOML_DEPTH, unsafeKeyBehaviour: 'keep' }) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) {
      const reason = (err.message.split('\n')[0] ?? 'invalid TOML').replace(/^Invalid TOML document: /, '');
      throw new ParseError(file, `invalid TOML: ${reason}`, { line: err.line, column: err.column }, { cause: err });
    }
    throw new ParseError(file, `invalid TOML: ${err instanceof Error ? err.message : String(err)}`, { line: 1 }, { cause: err });
  }
}

/** True for a TOML table (smol-toml gives plain or prototype-less objects; dates are `TomlDate`s). */
export function isTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}
