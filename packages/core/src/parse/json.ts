import { ParseError } from '../errors.js';
import { findJsonSyntaxError } from './json-error-position.js';
import { LineIndex } from './line-index.js';

/** Upper bound on input size, so a hostile file cannot exhaust memory. */
export const MAX_LOCKFILE_BYTES = 512 * 1024 * 1024;

/**
 * JSON.parse with errors that name the file, line and column. JSON.parse itself keeps `__proto__` as an
 * own property, so package names like `__proto__` stay ordinary keys.
 */
export function parseJson(text: string, file: string): unknown {
  if (text.length > MAX_LOCKFILE_BYTES) {
    throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  }
  try {
    return JSON.parse(stripBom(text));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ParseError(file, `invalid JSON: ${cleanJsonMessage(message)}`, jsonErrorPosition(text, message), {
      cause: err,
    });
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function cleanJsonMessage(message: string): string {
  // V8 quotes a slice of the input; keep the reason, drop the echo of (possibly huge) input.
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/, '');
}

function jsonErrorPosition(text: string, message: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (pos) return new LineIndex(text).position(Number(pos[1]));
  if (/Unexpected end of JSON input/.test(message)) return new LineIndex(text).position(text.length);
  const at = findJsonSyntaxError(text);
  return at === undefined ? {} : new LineIndex(text).position(at);
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
