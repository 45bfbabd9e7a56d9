import { LineIndex } from '../../parse/line-index.js';

/**
 * Finds where values sit in a TOML file for `location.line`. smol-toml gives values without positions, so this
 * searches the text: for a quoted string or a `key =` line after a table header. Best effort: a miss leaves the
 * line out, it never points at a wrong section.
 */
export class SourceLines {
  private readonly index: LineIndex;
  private readonly taken = new Set<number>();
  private readonly sections = new Map<number, Map<string, number>>();

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /**
   * Offset just after the `[header]` line (dotted keys may be quoted or spaced), or `undefined`. Lines are read
   * by hand, not matched by a pattern built from the keys: keys are data, and a 40,000-character key compiled
   * into a regex is "regular expression too large".
   */
  headerOffset(path: readonly string[], arrayOfTables = false): number | undefined {
    for (let start = 0; start < this.text.length; ) {
      const newline = this.text.indexOf('\n', start);
      const end = newline < 0 ? this.text.length : newline;
      const keys = headerKeys(this.text.slice(start, end), arrayOfTables);
      if (keys !== undefined && keys.length === path.length && keys.every((k, i) => k === path[i])) return end;
      start = end + 1;
    }
    return undefined;
  }

  /**
   * Offset of the first not-yet-used occurrence of `"value"` or `'value'` at or after `from` (marked used), or
   * `undefined`. A caller walking an array passes the last offset back, so the array is one pass, not one per item.
   */
  quotedOffset(value: string, from = 0): number | undefined {
    for (const q of ['"', "'"]) {
      let at = this.text.indexOf(`${q}${value}${q}`, from);
      while (at >= 0 && this.taken.has(at)) at = this.text.indexOf(`${q}${value}${q}`, at + 1);
      if (at >= 0) {
        this.taken.add(at);
        return at;
      }
    }
    return undefined;
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    return this.index.line(offset);
  }

  /** Line of `key =` (bare or quoted key) at the start of a line, searching from `from` up to the next header. */
  key(key: string, from: number): number | undefined {
    let section = this.sections.get(from);
    if (section === undefined) {
      section = this.indexSection(from);
      this.sections.set(from, section);
    }
    const offset = section.get(key);
    return offset === undefined ? undefined : this.index.line(offset);
  }

  /**
   * The first offset of each `key =` line from `from` to the next header, built once per section so that looking
   * up every dependency of a section is one pass over it, not one pass per dependency.
   */
  private indexSection(from: number): Map<string, number> {
    const keys = new Map<string, number>();
    for (let start = from; start < this.text.length; ) {
      const newline = this.text.indexOf('\n', start);
      const end = newline < 0 ? this.text.length : newline;
      let p = start;
      while (p < end && (this.text[p] === ' ' || this.text[p] === '\t')) p++;
      if (this.text[p] === '[') break;
      const key = leadingKey(this.text, p, end);
      if (key !== undefined && !keys.has(key)) keys.set(key, start);
      start = end + 1;
    }
    return keys;
  }
}

/** The keys of a `[a."b".c]` (or `[[...]]`) header line, or `undefined` when the line is not one. */
function headerKeys(line: string, arrayOfTables: boolean): string[] | undefined {
  const open = arrayOfTables ? '[[' : '[';
  const close = arrayOfTables ? ']]' : ']';
  let p = 0;
  while (line[p] === ' ' || line[p] === '\t') p++;
  if (!line.startsWith(open, p) || (!arrayOfTables && line[p + 1] === '[')) return undefined;
  p += open.length;
  const keys: string[] = [];
  for (;;) {
    while (line[p] === ' ' || line[p] === '\t') p++;
    const quote = line[p];
    let key: string;
    if (quote === '"' || quote === "'") {
      const endQuote = line.indexOf(quote, p + 1);
      if (endQuote < 0) return undefined;
      key = line.slice(p + 1, endQuote);
      p = endQuote + 1;
    } else {
      const startKey = p;
      while (p < line.length && /[A-Za-z0-9_-]/.test(line[p] as string)) p++;
      if (p === startKey) return undefined;
      key = line.slice(startKey, p);
    }
    keys.push(key);
    while (line[p] === ' ' || line[p] === '\t') p++;
    if (line[p] === '.') {
      p++;
      continue;
    }
    if (!line.startsWith(close, p)) return undefined;
    p += close.length;
    break;
  }
  const rest = line.slice(p).replace(/\r$/, '').trim();
  return rest === '' || rest.startsWith('#') ? keys : undefined;
}

/** The bare or quoted key that a `key =` line starts with at `p`, or `undefined`. */
function leadingKey(text: string, p: number, end: number): string | undefined {
  let key: string;
  let q = p;
  const quote = text[p];
  if (quote === '"' || quote === "'") {
    const endQuote = text.indexOf(quote, p + 1);
    if (endQuote < 0 || endQuote >= end) return undefined;
    key = text.slice(p + 1, endQuote);
    q = endQuote + 1;
  } else {
    while (q < end && text[q] !== '=' && text[q] !== ' ' && text[q] !== '\t') q++;
    if (q === p) return undefined;
    key = text.slice(p, q);
  }
  while (q < end && (text[q] === ' ' || text[q] === '\t')) q++;
  return text[q] === '=' ? key : undefined;
}
