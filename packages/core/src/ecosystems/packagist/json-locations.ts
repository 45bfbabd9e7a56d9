import { LineIndex } from '../../parse/line-index.js';

/** Finds lines in JSON text for values `JSON.parse` already read (it keeps no positions). */
export class JsonLocator {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** Offset just after `"key":` at or after `from`, or -1. */
  keyOffset(key: string, from = 0): number {
    const re = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`, 'g');
    re.lastIndex = from;
    const m = re.exec(this.text);
    return m ? m.index + m[0].length : -1;
  }

  /**
   * Every `"key": "string"` pair in document order, with the decoded string and its offset: one pass over the
   * text, so looking up thousands of entries stays linear.
   */
  stringPairs(key: string): Array<{ offset: number; value: string }> {
    const re = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'g');
    const out: Array<{ offset: number; value: string }> = [];
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      try {
        out.push({ offset: m.index, value: JSON.parse(m[1] as string) as string });
      } catch {
        // Not a well-formed string literal here; JSON.parse already accepted the document, so skip it.
      }
    }
    return out;
  }

  /** 1-based line of an offset; line 1 for -1 (not found). */
  line(offset: number): number {
    return offset < 0 ? 1 : this.index.line(offset);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
