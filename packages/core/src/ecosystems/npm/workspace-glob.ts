/** Brace expansions one workspace pattern may produce; `{a,b}{c,d}...` otherwise grows exponentially. */
const MAX_EXPANSIONS = 64;

/**
 * Matches package-lock keys (`packages/app`) against the root's `workspaces` globs (`packages/*`, `apps/**`,
 * `tools/{a,b}`, `!packages/old`) without compiling them into regular expressions: the patterns are data from
 * the lockfile, and a glob library's regex backtracks exponentially on `*a*a*a…b` and overflows on a
 * 40,000-character pattern. Literal pieces between stars are matched leftmost-first, which is exact for `*`
 * and `**` globs and linear in the key's length per piece.
 */
export class WorkspaceGlobs {
  private readonly include: string[][];
  private readonly exclude: string[][];

  constructor(patterns: readonly string[]) {
    const compile = (list: readonly string[]): string[][] => list.flatMap(expandBraces).map((p) => p.split('/').filter((s) => s !== '' && s !== '.'));
    this.include = compile(patterns.filter((p) => !p.startsWith('!')));
    this.exclude = compile(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  }

  /** True when `key` (a folder relative to the root) is one of the workspaces. */
  matches(key: string): boolean {
    const segments = key.split('/').filter((s) => s !== '' && s !== '.');
    const hit = (globs: string[][]): boolean => globs.some((glob) => matchSegments(glob, segments));
    return hit(this.include) && !hit(this.exclude);
  }
}

/** `{a,b}` groups (not nested) expanded, up to MAX_EXPANSIONS; beyond that the pattern is taken literally. */
function expandBraces(pattern: string): string[] {
  let out = [''];
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    const close = open < 0 ? -1 : pattern.indexOf('}', open);
    if (open < 0 || close < 0) {
      out = out.map((o) => o + pattern.slice(i));
      break;
    }
    const alternatives = pattern.slice(open + 1, close).split(',');
    const prefix = pattern.slice(i, open);
    if (out.length * alternatives.length > MAX_EXPANSIONS) return [pattern];
    out = out.flatMap((o) => alternatives.map((a) => o + prefix + a));
    i = close + 1;
  }
  return out;
}

/** Glob segments against path segments; `**` matches any number of whole segments. */
function matchSegments(glob: readonly string[], path: readonly string[]): boolean {
  // Split at `**` into runs that must each match consecutive segments, in order (like literals between stars).
  const runs: string[][] = [[]];
  for (const g of glob) {
    if (g === '**') runs.push([]);
    else (runs[runs.length - 1] as string[]).push(g);
  }
  const runAt = (run: readonly string[], at: number): boolean => run.every((g, k) => matchSegment(g, path[at + k] as string));
  const first = runs[0] as string[];
  const last = runs[runs.length - 1] as string[];
  if (runs.length === 1) return first.length === path.length && runAt(first, 0);
  if (first.length + last.length > path.length || !runAt(first, 0) || !runAt(last, path.length - last.length)) return false;
  let at = first.length;
  const end = path.length - last.length;
  for (const run of runs.slice(1, -1)) {
    while (at + run.length <= end && !runAt(run, at)) at++;
    if (at + run.length > end) return false;
    at += run.length;
  }
  return true;
}

/** One segment against a glob of literals, `*` and `?`; `*` and `?` do not match a leading dot (as globs do not). */
function matchSegment(glob: string, segment: string): boolean {
  if (segment.startsWith('.') && !glob.startsWith('.')) return false;
  const pieces = glob.split('*');
  const head = pieces[0] as string;
  const tail = pieces[pieces.length - 1] as string;
  if (pieces.length === 1) return segment.length === head.length && pieceAt(head, segment, 0);
  if (head.length + tail.length > segment.length || !pieceAt(head, segment, 0) || !pieceAt(tail, segment, segment.length - tail.length)) {
    return false;
  }
  let at = head.length;
  const end = segment.length - tail.length;
  for (const piece of pieces.slice(1, -1)) {
    while (at + piece.length <= end && !pieceAt(piece, segment, at)) at++;
    if (at + piece.length > end) return false;
    at += piece.length;
  }
  return true;
}

function pieceAt(piece: string, text: string, at: number): boolean {
  for (let k = 0; k < piece.length; k++) {
    const c = piece[k];
    if (c !== '?' && c !== text[at + k]) return false;
  }
  return true;
}
