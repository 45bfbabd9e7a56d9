import { LineCounter, parseDocument, type Document } from 'yaml';
import { ParseError } from '../errors.js';
import { MAX_LOCKFILE_BYTES, stripBom } from './json.js';
import { assertYamlDepth } from './nesting.js';

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
