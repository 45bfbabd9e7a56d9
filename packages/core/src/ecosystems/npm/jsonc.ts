import { ParseError } from '../../errors.js';
import { MAX_LOCKFILE_BYTES, parseJson, stripBom } from '../../parse/json.js';

/**
 * Parses JSON with comments and trailing commas (bun.lock): comments and trailing commas are blanked to spaces
 * (newlines kept, so every line and column stays where it was) and the rest goes to `JSON.parse`, which is
 * native, iterative (no stack overflow on deep nesting), linear, and keeps `__proto__` as an own property.
 * jsonc-parser's scanner, used before, built every whitespace run by string concatenation, and its garbage made
 * a megabyte of spaces superlinear. The first syntax error is a ParseError with line and column.
 */
export function parseJsonc(text: string, file: string): unknown {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  return parseJson(blankCommentsAndTrailingCommas(stripBom(text)), file);
}

/** `//` and `/* *\/` comments and commas before `}`/`]` become spaces; strings are left alone. One pass. */
export function blankCommentsAndTrailingCommas(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  // Offset of the last comma outside strings with only whitespace and comments after it so far, or -1.
  let comma = -1;
  const blank = (from: number, to: number): void => {
    parts.push(text.slice(copied, from), text.slice(from, to).replace(/[^\n\r]/g, ' '));
    copied = to;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? text.length : newline;
      blank(i, end);
      i = end - 1;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      // An unclosed comment is left for JSON.parse to reject at its position.
      if (close < 0) break;
      blank(i, close + 2);
      i = close + 1;
      continue;
    }
    if ((c === 0x7d /* } */ || c === 0x5d) /* ] */ && comma >= 0) blank(comma, comma + 1);
    comma = c === 0x2c /* , */ ? i : -1;
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22 || s === 0x0a) break;
      }
    }
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
