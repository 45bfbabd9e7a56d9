import { ParseError } from '../errors.js';
import { LineIndex } from './line-index.js';

/** No lockfile format nests anywhere near this deep; recursive parsers overflow the stack far below it. */
export const MAX_NESTING_DEPTH = 512;

/**
 * The `yaml` library recurses per level of block and flow nesting and overflows a default Node stack near 900
 * levels; once it has overflowed inside V8's regexp compiler, the next parse in the process can abort it. Real
 * lockfiles and policies nest fewer than 10 levels.
 */
export const MAX_YAML_DEPTH = 256;

/**
 * Rejects JSON (or JSON with comments) whose `[`/`{` nesting outside strings and comments exceeds `max`, in one
 * linear pass. Run before a recursive parser (jsonc-parser) so hostile input gets a ParseError with a position
 * instead of a stack overflow.
 */
export function assertNestingDepth(text: string, file: string, max = MAX_NESTING_DEPTH): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // JSON strings do not span lines; resync on a newline so one stray quote cannot hide the rest.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22 || s === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) throw tooDeep(text, file, i, max);
    } else if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && depth > 0) depth--;
  }
}

/**
 * Rejects YAML nested deeper than `max` levels, counting block nesting (indentation and compact `- - -`
 * entries) and flow nesting (`[`/`{`) together, in one linear pass over the lines, before the `yaml` library
 * sees the text. It over-counts rather than under-counts: each new indentation level and each compact
 * indicator counts two levels (a sequence entry may open a mapping on the same line), brackets inside plain
 * scalars count, and quotes only hide brackets when they open a scalar. Block scalar bodies (`|`, `>`) are text
 * and are skipped.
 */
export function assertYamlDepth(text: string, file: string, max = MAX_YAML_DEPTH): void {
  // Indentation columns of the open block levels and the counted depth at each.
  const indents: number[] = [];
  const depths: number[] = [];
  let flow = 0;
  // While inside a block scalar: the parent's indentation, then the body's (-1 until its first non-blank line).
  let scalarParent = -1;
  let scalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let p = lineStart;
    while (p < lineEnd && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
    const indent = p - lineStart;
    const blank = p >= lineEnd || (p === lineEnd - 1 && text.charCodeAt(p) === 0x0d);
    if (scalarParent >= 0) {
      if (blank) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (scalarIndent < 0 && indent > scalarParent) scalarIndent = indent;
      if (scalarIndent >= 0 && indent >= scalarIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      scalarParent = -1;
      scalarIndent = -1;
    }
    if (blank || text.charCodeAt(p) === 0x23 /* # */) {
      lineStart = lineEnd + 1;
      continue;
    }
    while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) {
      indents.pop();
      depths.pop();
    }
    const top = indents.length - 1;
    let depth: number;
    if (top < 0) depth = 2;
    else if (indents[top] === indent) depth = depths[top] as number;
    else depth = (depths[top] as number) + 2;
    if (top < 0 || indents[top] !== indent) {
      indents.push(indent);
      depths.push(depth);
    }
    // Compact indicators: `- - a`, `? - a`, `: - a`; each opens a level whose body sits at the next column.
    while (p < lineEnd && isIndicator(text.charCodeAt(p)) && isSpaceOrEnd(text, p + 1, lineEnd)) {
      depth += 2;
      if (depth + flow > max) throw tooDeep(text, file, p, max);
      p++;
      while (p < lineEnd && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
      indents.push(p - lineStart);
      depths.push(depth);
    }
    if (depth + flow > max) throw tooDeep(text, file, p, max);
    const end = scanFlow(text, p, lineEnd, (at, level) => {
      flow = level;
      if (depth + flow > max) throw tooDeep(text, file, at, max);
    }, flow);
    flow = end.flow;
    if (flow === 0 && end.blockScalar) scalarParent = indent;
    lineStart = lineEnd + 1;
  }
}

function isIndicator(c: number): boolean {
  return c === 0x2d /* - */ || c === 0x3f /* ? */ || c === 0x3a; /* : */
}

function isSpaceOrEnd(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/**
 * Scans one line from `from` for flow brackets, quoted scalars and a trailing comment. Calls `onOpen` at each
 * `[`/`{` with the new flow level. Reports whether the line ends in a block scalar header (`|`, `>-`, `|2+`).
 */
function scanFlow(
  text: string,
  from: number,
  end: number,
  onOpen: (at: number, level: number) => void,
  level: number,
): { flow: number; blockScalar: boolean } {
  let flow = level;
  // The last significant character before the current one: a quote opens a scalar only after one of these.
  let prev = 0x20;
  let lastToken = -1;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) {
      prev = 0x20;
      continue;
    }
    if (c === 0x23 /* # */ && prev === 0x20) break;
    const startsNode = prev === 0x20 || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a;
    if ((c === 0x22 || c === 0x27) /* " ' */ && startsNode) {
      // A quoted scalar; quotes that span lines resync at the newline (over-counting the next line is safe).
      lastToken = i;
      for (i++; i < end; i++) {
        const s = text.charCodeAt(i);
        if (c === 0x22 && s === 0x5c) i++;
        else if (s === c) {
          if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
          else break;
        }
      }
      prev = c;
      continue;
    }
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) onOpen(i, ++flow);
    else if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && flow > 0) flow--;
    if (prev === 0x20) lastToken = i;
    prev = c;
  }
  return { flow, blockScalar: lastToken >= 0 && isBlockScalarHeader(text, lastToken, end) };
}

/** `|` or `>` followed only by chomping/indentation indicators (and spaces or a comment). */
function isBlockScalarHeader(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 0x7c /* | */ && c !== 0x3e /* > */) return false;
  for (let i = at + 1; i < end; i++) {
    const s = text.charCodeAt(i);
    if (s === 0x2b || s === 0x2d || (s >= 0x30 && s <= 0x39)) continue;
    if (s === 0x20 || s === 0x09 || s === 0x0d) return true;
    return false;
  }
  return true;
}

function tooDeep(text: string, file: string, offset: number, max: number): ParseError {
  return new ParseError(file, `nesting deeper than ${max} levels`, new LineIndex(text).position(offset));
}
