import { ParseError } from '../../errors.js';
import { quoteInput } from '../../parse/error-text.js';
import type { DeclaredDependency } from '../../model/inventory.js';
import { MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';
import type { ManifestParser } from '../types.js';
import { findControlCharacter } from './control-characters.js';
import { gemPurl } from './purl.js';

interface Frame {
  groups: string[];
  /** `git "url" do` / `path "dir" do` / `github "x/y" do`: the source of the gems inside. */
  source?: string;
  line: number;
}

/**
 * Gemfile / gems.rb. A Gemfile is Ruby, so this reads the declarative subset that nearly every Gemfile is:
 * `gem "name", "req", ..., group:, git:, github:, path:` (a call may continue over lines ending in `,`),
 * `group :a, :b do ... end` and other `do ... end` / `if ... end` blocks for nesting. It cannot evaluate Ruby:
 * requirements held in variables are left out of the specifier, and a `gem` call whose name is not a string
 * literal is a ParseError rather than a silently missing dependency.
 */
export const gemfileParser: ManifestParser = {
  id: 'Gemfile',
  ecosystem: 'RubyGems',
  fileNames: ['Gemfile', 'gems.rb'],
  parse(text: string, path: string): DeclaredDependency[] {
    if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(path, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
    const lines = stripBom(text).split('\n');
    const stack: Frame[] = [];
    const out: DeclaredDependency[] = [];
    for (let i = 0; i < lines.length; i++) {
      const lineNo = i + 1;
      let statement = stripComment(lines[i] as string, path, lineNo).trim();
      // A call continues on the next line after a trailing comma (or an opening bracket left open).
      while ((statement.endsWith(',') || statement.endsWith('(') || openBrackets(statement) > 0) && i + 1 < lines.length) {
        i++;
        statement = `${statement} ${stripComment(lines[i] as string, path, i + 1).trim()}`;
      }
      if (statement === '') continue;
      const fail = (reason: string): never => {
        throw new ParseError(path, reason, { line: lineNo, column: 1 });
      };
      if (/^end\b/.test(statement)) {
        if (!stack.pop()) fail('"end" without a block to close');
        continue;
      }
      const word = /^[a-z_]+/.exec(statement)?.[0] ?? '';
      if (word === 'gem') {
        out.push(gemDeclaration(statement, stack, path, lineNo));
        continue;
      }
      const opensDo = /\bdo(\s*\|[^|]*\|)?$/.test(statement);
      if (opensDo) {
        const frame: Frame = { groups: [], line: lineNo };
        const args = parseArgs(withoutDoBlock(statement.replace(/^[a-z_]+\s*\(?/, '')), path, lineNo);
        if (word === 'group') frame.groups = args.positional.filter((a) => a.kind === 'symbol' || a.kind === 'string').map((a) => a.value);
        else if ((word === 'git' || word === 'path' || word === 'github') && args.positional[0]) frame.source = args.positional[0].value;
        stack.push(frame);
        continue;
      }
      if (/^(if|unless|case|while|until|begin|def|class|module)\b/.test(statement)) {
        stack.push({ groups: [], line: lineNo });
      }
    }
    const open = stack.at(-1);
    if (open) throw new ParseError(path, 'block is never closed with "end"', { line: open.line, column: 1 });
    return out;
  },
};

function gemDeclaration(statement: string, stack: Frame[], path: string, line: number): DeclaredDependency {
  const call = withoutModifier(statement);
  const args = parseArgs(call.replace(/^gem\s*\(?/, '').replace(/\)\s*$/, ''), path, line);
  const [first, ...rest] = args.positional;
  if (!first || first.kind !== 'string') {
    throw new ParseError(path, 'gem name must be a string literal (lockwarden does not evaluate Ruby)', { line, column: 1 });
  }
  if (!/^[A-Za-z0-9._-]+$/.test(first.value)) throw new ParseError(path, `invalid gem name ${quoteInput(first.value)}`, { line, column: 1 });
  const requirements = rest.filter((a) => a.kind === 'string').map((a) => a.value);
  const groups = new Set(stack.flatMap((f) => f.groups));
  for (const key of ['group', 'groups']) for (const g of args.named.get(key) ?? []) groups.add(g);
  groups.delete('default');
  const git = args.named.get('git')?.[0];
  const github = args.named.get('github')?.[0];
  const localPath = args.named.get('path')?.[0];
  const blockSource = [...stack].reverse().find((f) => f.source)?.source;
  const specifier = requirements.length
    ? requirements.join(', ')
    : (git ?? (github ? `https://github.com/${github}.git` : undefined) ?? localPath ?? blockSource ?? '');
  return {
    ecosystem: 'RubyGems',
    name: first.value,
    specifier,
    purl: gemPurl(first.value, undefined),
    scopes: [...groups],
    location: { file: path, line },
  };
}

interface Arg {
  kind: 'string' | 'symbol' | 'other';
  value: string;
}

/** Splits Ruby call arguments at top-level commas into positional values and `key: value` / `:key => value` pairs. */
function parseArgs(text: string, path: string, line: number): { positional: Arg[]; named: Map<string, string[]> } {
  const positional: Arg[] = [];
  const named = new Map<string, string[]>();
  for (const part of splitTopLevel(text, path, line)) {
    const pair = /^(?:([a-z_]+):(?!:)|:([a-z_]+)\s*=>|["']([a-z_]+)["']\s*=>)\s*(.*)$/s.exec(part);
    if (pair) {
      const key = (pair[1] ?? pair[2] ?? pair[3]) as string;
      const value = (pair[4] as string).trim();
      const values = value.startsWith('[')
        ? splitTopLevel(value.slice(1, value.lastIndexOf(']')), path, line).map((v) => literal(v).value)
        : [literal(value).value];
      named.set(key, values);
      continue;
    }
    positional.push(literal(part));
  }
  return { positional, named };
}

function literal(text: string): Arg {
  const t = text.trim();
  const str = /^(["'])(.*)\1$/s.exec(t);
  if (str) return { kind: 'string', value: str[2] as string };
  const pct = /^%q?[{([<](.*)[})\]>]$/s.exec(t);
  if (pct) return { kind: 'string', value: pct[1] as string };
  const sym = /^:["']?([A-Za-z_][A-Za-z0-9_]*)["']?$/.exec(t);
  if (sym) return { kind: 'symbol', value: sym[1] as string };
  return { kind: 'other', value: t };
}

function splitTopLevel(text: string, path: string, line: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) throw new ParseError(path, `unbalanced "${c}"`, { line, column: 1 });
  }
  if (quote) throw new ParseError(path, 'unterminated string', { line, column: 1 });
  const last = text.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts.filter((p) => p !== '');
}

/** Drops a trailing `if ...` / `unless ...` modifier outside strings (`gem "x", "1.0" if ENV["CI"]`). */
function withoutModifier(statement: string): string {
  let quote: string | undefined;
  for (let i = 0; i < statement.length; i++) {
    const c = statement[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' && /^ (if|unless) /.test(statement.slice(i, i + 8))) return statement.slice(0, i);
  }
  return statement;
}

/** Drops a `#` comment that is not inside a string; rejects binary content. */
function stripComment(line: string, path: string, lineNo: number): string {
  const bad = findControlCharacter(line);
  if (bad >= 0) throw new ParseError(path, 'unexpected control or binary character', { line: lineNo, column: bad + 1 });
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function openBrackets(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
  }
  return depth;
}

/**
 * A block call's arguments without the trailing `) do |params|`. By hand: the unanchored
 * `/\)?\s*\bdo(\s*\|[^|]*\|)?$/` retried `\s*` from every character of a long whitespace run (quadratic).
 */
function withoutDoBlock(statement: string): string {
  let s = statement.trimEnd();
  if (s.endsWith('|')) {
    const open = s.lastIndexOf('|', s.length - 2);
    if (open >= 0) s = s.slice(0, open).trimEnd();
  }
  if (s.endsWith('do')) s = s.slice(0, -2).trimEnd();
  return s.endsWith(')') ? s.slice(0, -1) : s;
}
