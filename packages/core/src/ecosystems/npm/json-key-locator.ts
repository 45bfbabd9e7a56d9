/**
 * Finds the lines of object keys in JSON text, visiting them in document order with a cursor that only
 * moves forward, so locating every package of a lockfile costs one pass over the text (not one scan per
 * package). It relies on `JSON.parse` keeping keys in document order, which holds for every non-integer
 * key (lockfile keys are paths and package names, never array-index-like).
 */
export class JsonKeyLocator {
  private cursor = 0;
  private line = 1;
  private misses = 0;
  /** Offset of the first newline at or after the cursor (-1 when none): kept so newlines are counted once. */
  private newline: number;
  private readonly separator: string;

  constructor(private readonly text: string) {
    // npm, bun and JSON.stringify(…, 2) write `"key": {`; a minified file writes `"key":{`. Decide once, so a
    // miss never costs two scans.
    const sample = text.slice(0, 65536);
    this.separator = sample.includes('": ') || !sample.includes('":') ? ': ' : ':';
    this.newline = text.indexOf('\n');
  }

  /** Moves the cursor past the first `"key":` at or after it, without reporting a line. */
  skipTo(key: string): void {
    const at = this.text.indexOf(`${JSON.stringify(key)}:`, this.cursor);
    if (at >= 0) this.advance(at);
  }

  /**
   * The 1-based line of the next `"key": {` at or after the cursor, or `undefined`. `opener` is the first
   * character of the value: `{` for objects (which skips same-named keys with string values, such as those
   * of `requires` maps), `[` for arrays, `''` for any value. After a few misses in a row (a file formatted
   * in some other way) it stops looking, so a file where no key matches cannot make parsing quadratic.
   */
  next(key: string, opener: '{' | '[' | '' = '{'): number | undefined {
    if (this.misses >= 8) return undefined;
    const at = this.text.indexOf(JSON.stringify(key) + this.separator + opener, this.cursor);
    if (at < 0) {
      this.misses++;
      return undefined;
    }
    this.misses = 0;
    this.advance(at);
    return this.line;
  }

  private advance(at: number): void {
    const text = this.text;
    let line = this.line;
    let i = this.newline;
    while (i >= 0 && i < at) {
      line++;
      i = text.indexOf('\n', i + 1);
    }
    this.line = line;
    this.newline = i;
    // Step past the opening quote so the same key is not found again.
    this.cursor = at + 1;
  }
}
