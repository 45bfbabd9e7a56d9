import { LineIndex } from '../../parse/line-index.js';

/** Finds lines in JSON text for values `JSON.parse` already read (it keeps no positions). */
export class JsonLocator {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /**
   * Offset just after `"key":` at or after `from`, or -1. A plain search, not a regex: keys are data, and a
   * 40,000-character key compiled into a pattern is "regular expression too large".
   */
  keyOffset(key: string, from = 0): number {
    // JSON.stringify escapes what a file may hold raw (a lone surrogate); try the raw form second.
    for (const needle of new Set([JSON.stringify(key), `"${key}"`])) {
      for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + 1)) {
        const colon = skipSpace(this.text, at + needle.length);
        if (this.text.charCodeAt(colon) === 0x3a /* : */) return colon + 1;
      }
    }
    return -1;
  }

  /**
   * Every `"key": "string"` pair in document order, with the decoded string and its offset: one pass over the
   * text, so looking up thousands of entries stays linear.
   */
  stringPairs(key: string): Array<{ offset: number; value: string }> {
    const needle = JSON.stringify(key);
    const out: Array<{ offset: number; value: string }> = [];
    for (let at = this.text.indexOf(needle); at >= 0; ) {
      const colon = skipSpace(this.text, at + needle.length);
      let next = at + 1;
      if (this.text.charCodeAt(colon) === 0x3a) {
        const open = skipSpace(this.text, colon + 1);
        const close = this.text.charCodeAt(open) === 0x22 ? stringEnd(this.text, open) : -1;
        if (close > 0) {
          try {
            out.push({ offset: at, value: JSON.parse(this.text.slice(open, close)) as string });
          } catch {
            // Not a well-formed string literal here; JSON.parse already accepted the document, so skip it.
          }
          next = close;
        }
      }
      at = this.text.indexOf(needle, next);
    }
    return out;
  }

  /** 1-based line of an offset; line 1 for -1 (not found). */
  line(offset: number): number {
    return offset < 0 ? 1 : this.index.line(offset);
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

/** Offset just past the closing quote of the string literal opening at `open`, or -1 (none on its line). */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i + 1;
    else if (c === 0x0a) return -1;
  }
  return -1;
}
