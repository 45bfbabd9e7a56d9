import { LineIndex } from '../../parse/line-index.js';

/**
 * Finds where values sit in a TOML file for `location.line`. smol-toml gives values without positions, so this
 * searches the text: for a quoted string or a `key =` line after a table header. Best effort: a miss leaves the
 * line out, it never points at a wrong section.
 */
export class SourceLines {
  private readonly index: LineIndex;
  private readonly taken = new Set<number>();

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** Offset just after the `[header]` line (dotted keys may be quoted or spaced), or `undefined`. */
  headerOffset(path: readonly string[], arrayOfTables = false): number | undefined {
    const key = path.map((p) => `(?:${escape(p)}|"${escape(p)}"|'${escape(p)}')`).join('\\s*\\.\\s*');
    const open = arrayOfTables ? '\\[\\[' : '\\[';
    const close = arrayOfTables ? '\\]\\]' : '\\]';
    const match = new RegExp(`^[ \\t]*${open}[ \\t]*${key}[ \\t]*${close}[ \\t]*(?:#.*)?$`, 'm').exec(this.text);
    return match ? match.index + match[0].length : undefined;
  }

  /** Line of the first not-yet-used occurrence of `"value"` or `'value'` at or after `from`. */
  quoted(value: string, from = 0): number | undefined {
    for (const q of ['"', "'"]) {
      let at = this.text.indexOf(`${q}${value}${q}`, from);
      while (at >= 0 && this.taken.has(at)) at = this.text.indexOf(`${q}${value}${q}`, at + 1);
      if (at >= 0) {
        this.taken.add(at);
        return this.index.line(at);
      }
    }
    return undefined;
  }

  /** Line of `key =` (bare or quoted key) at the start of a line, searching from `from` up to the next header. */
  key(key: string, from: number): number | undefined {
    const nextHeader = this.text.slice(from).search(/^[ \t]*\[/m);
    const end = nextHeader < 0 ? this.text.length : from + nextHeader;
    const pattern = new RegExp(`^[ \\t]*(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')[ \\t]*=`, 'm');
    const match = pattern.exec(this.text.slice(from, end));
    return match ? this.index.line(from + match.index) : undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
