/** Maps character offsets to 1-based line and column numbers; built once per text, lookups in O(log n). */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - (this.starts[line - 1] ?? 0) + 1 };
  }
}

/** Counts newlines in text[from, to): for forward scans that keep a running line number. */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}
