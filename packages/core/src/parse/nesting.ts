import { ParseError } from '../errors.js';
import { LineIndex } from './line-index.js';

/** No lockfile format nests anywhere near this deep; recursive parsers overflow the stack far below it. */
export const MAX_NESTING_DEPTH = 512;

/**
 * Rejects text whose `[`/`{` nesting (outside quoted strings) exceeds `max`, in one linear pass. Run before a
 * recursive or super-linear parser (jsonc-parser, YAML flow collections) so hostile input gets a ParseError with
 * a position instead of a stack overflow or a long stall.
 */
export function assertNestingDepth(text: string, file: string, max = MAX_NESTING_DEPTH): void {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x5c /* \ */ && quote === 0x22) i++;
      else if (c === quote) quote = 0;
      else if (c === 0x0a) quote = 0; // quotes in formats we read do not span lines; resync on a newline
      continue;
    }
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) quote = c;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) {
        throw new ParseError(file, `nesting deeper than ${max} levels`, new LineIndex(text).position(i));
      }
    } else if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && depth > 0) depth--;
  }
}
