import { ParseError } from '../../errors.js';
import { LineIndex } from '../../parse/line-index.js';

/**
 * The Elixir literal terms `mix.lock` is written in (`Mix.Dep.Lock` writes the map with `inspect/2`):
 * maps, tuples, lists, keyword lists, strings, atoms, numbers, booleans and nil. Code (calls, sigils,
 * interpolation) is not evaluated; it is a parse error.
 */
export type ElixirTerm =
  | { kind: 'map'; entries: Array<{ key: ElixirTerm; value: ElixirTerm }>; offset: number }
  | { kind: 'tuple'; items: ElixirTerm[]; offset: number }
  | { kind: 'list'; items: ElixirTerm[]; offset: number }
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'atom'; value: string; offset: number }
  | { kind: 'number'; value: string; offset: number };

/** Nesting deeper than this is hostile input, not a lock file. */
const MAX_DEPTH = 64;

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_@]/;
/** Characters that end a run of plain string text; global so `exec` can start at an offset without slicing. */
const STRING_STOP = /["\\#]/g;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '#': '#', e: '\x1b', '0': '\0' };

/** A recursive-descent reader over the text; every error names the line and column. */
class TermReader {
  private pos = 0;
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  fail(reason: string, offset = this.pos): never {
    this.lines ??= new LineIndex(this.text);
    throw new ParseError(this.file, reason, this.lines.position(Math.min(offset, this.text.length)));
  }

  line(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.line(offset);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#') {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end + 1;
      } else break;
    }
  }

  private peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  private expect(s: string): void {
    this.skipSpace();
    if (!this.peek(s)) this.fail(`expected "${s}"`);
    this.pos += s.length;
  }

  readDocument(): ElixirTerm {
    const term = this.readTerm(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the term');
    return term;
  }

  private readTerm(depth: number): ElixirTerm {
    if (depth > MAX_DEPTH) this.fail(`terms nested deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const offset = this.pos;
    const c = this.text[this.pos];
    if (c === undefined) this.fail('unexpected end of input');
    if (this.peek('%{')) {
      this.pos += 2;
      return { kind: 'map', entries: this.readEntries('}', depth, true), offset };
    }
    if (c === '{') {
      this.pos++;
      return { kind: 'tuple', items: this.readItems('}', depth), offset };
    }
    if (c === '[') {
      this.pos++;
      const items = this.readEntries(']', depth, false).map((e) =>
        // A keyword list `[branch: "x"]` is a list of {atom, value} tuples.
        e.value === e.key ? e.value : ({ kind: 'tuple', items: [e.key, e.value], offset: e.key.offset } as ElixirTerm),
      );
      return { kind: 'list', items, offset };
    }
    if (c === '"') return { kind: 'string', value: this.readString(), offset };
    if (c === ':') {
      this.pos++;
      if (this.text[this.pos] === '"') return { kind: 'atom', value: this.readString(), offset };
      const name = this.readIdentifier();
      if (name === '') this.fail('expected an atom name');
      return { kind: 'atom', value: name, offset };
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?[0-9][0-9_]*(\.[0-9_]+)?([eE][-+]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
      if (!m) this.fail('invalid number');
      this.pos += m[0].length;
      return { kind: 'number', value: m[0], offset };
    }
    const word = this.readIdentifier();
    if (word === 'true' || word === 'false' || word === 'nil') return { kind: 'atom', value: word, offset };
    // Module aliases such as `Foo.Bar` stand for atoms; anything else would be code.
    if (/^[A-Z]/.test(word)) {
      let name = word;
      while (this.text[this.pos] === '.' && /[A-Z]/.test(this.text[this.pos + 1] ?? '')) {
        this.pos++;
        name += `.${this.readIdentifier()}`;
      }
      return { kind: 'atom', value: `Elixir.${name}`, offset };
    }
    return this.fail(word === '' ? `unexpected "${c}"` : `unexpected "${word.slice(0, 40)}"`, offset);
  }

  private readIdentifier(): string {
    const start = this.pos;
    if (!IDENT_START.test(this.text[this.pos] ?? '')) return '';
    this.pos++;
    while (IDENT_CHAR.test(this.text[this.pos] ?? '')) this.pos++;
    if (this.text[this.pos] === '?' || this.text[this.pos] === '!') this.pos++;
    return this.text.slice(start, this.pos);
  }

  private readString(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      STRING_STOP.lastIndex = this.pos;
      const next = STRING_STOP.exec(this.text);
      if (!next) this.fail('unterminated string', start);
      out += this.text.slice(this.pos, next.index);
      this.pos = next.index;
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '#') {
        if (this.text[this.pos + 1] === '{') this.fail('string interpolation is code, not data');
        out += '#';
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      if (e === undefined) this.fail('unterminated string', start);
      out += ESCAPES[e] ?? e;
      this.pos += 2;
    }
  }

  /** Comma-separated terms up to `close`; a trailing comma is allowed, as in Elixir. */
  private readItems(close: string, depth: number): ElixirTerm[] {
    const items: ElixirTerm[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek(close)) {
        this.pos++;
        return items;
      }
      items.push(this.readTerm(depth + 1));
      this.skipSpace();
      if (this.peek(',')) this.pos++;
      else if (!this.peek(close)) this.fail(`expected "," or "${close}"`);
    }
  }

  /**
   * Map entries (`key => value`, `"key": value`, `key: value`) or list items; a plain list item is
   * returned with `key === value`.
   */
  private readEntries(close: string, depth: number, isMap: boolean): Array<{ key: ElixirTerm; value: ElixirTerm }> {
    const entries: Array<{ key: ElixirTerm; value: ElixirTerm }> = [];
    for (;;) {
      this.skipSpace();
      if (this.peek(close)) {
        this.pos++;
        return entries;
      }
      const keyword = this.readKeywordKey();
      if (keyword) {
        entries.push({ key: keyword, value: this.readTerm(depth + 1) });
      } else {
        const term = this.readTerm(depth + 1);
        this.skipSpace();
        if (isMap) {
          this.expect('=>');
          entries.push({ key: term, value: this.readTerm(depth + 1) });
        } else {
          entries.push({ key: term, value: term });
        }
      }
      this.skipSpace();
      if (this.peek(',')) this.pos++;
      else if (!this.peek(close)) this.fail(`expected "," or "${close}"`);
    }
  }

  /** `name: ` or `"name": ` (a keyword key); leaves the position unchanged when there is none. */
  private readKeywordKey(): ElixirTerm | undefined {
    const start = this.pos;
    let name: string;
    if (this.text[this.pos] === '"') {
      name = this.readString();
    } else {
      name = this.readIdentifier();
      if (name === '') return undefined;
    }
    const after = this.text[this.pos + 1];
    if (this.text[this.pos] === ':' && (after === ' ' || after === '\t' || after === '\n' || after === '\r')) {
      this.pos++;
      return { kind: 'atom', value: name, offset: start };
    }
    this.pos = start;
    return undefined;
  }
}

/** Reads one Elixir literal term; throws ParseError with line and column. Also returns offset -> line. */
export function readElixirTerm(text: string, file: string): { term: ElixirTerm; line: (offset: number) => number } {
  const reader = new TermReader(text, file);
  return { term: reader.readDocument(), line: (offset) => reader.line(offset) };
}
