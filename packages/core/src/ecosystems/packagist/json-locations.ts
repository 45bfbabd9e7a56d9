import { LineIndex } from '../../parse/line-index.js';

/**
 * Finds lines in JSON text for values `JSON.parse` already read (it keeps no positions). Searches run forward
 * from a start offset, so entries of one array are found in document order.
 */
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

  /** Offset of `"key": "value"` at or after `from`, or -1. */
  pairOffset(key: string, value: string, from = 0): number {
    // PHP's json_encode writes "/" as "\/" unless told not to; older composer.lock files have it.
    const literal = escapeRegExp(JSON.stringify(value)).split('\\/').join('(?:\\\\/|/)');
    const re = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*${literal}`, 'g');
    re.lastIndex = from;
    const m = re.exec(this.text);
    return m ? m.index : -1;
  }

  /** 1-based line of an offset; line 1 for -1 (not found). */
  line(offset: number): number {
    return offset < 0 ? 1 : this.index.line(offset);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
