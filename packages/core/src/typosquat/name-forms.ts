import type { Ecosystem } from '../model/ecosystem.js';

/** How a name is compared within an ecosystem: npm names are lowercase; PyPI compares PEP 503 forms. */
export function canonicalName(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return name.toLowerCase();
}

/**
 * Characters and pairs that read alike in common fonts, folded to one representative. Applied to the raw name
 * before lowercasing, so a capital `I` standing in for `l` (`jeIlyfish`) is caught.
 */
const LOOKALIKE_PAIRS: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/[1I|]/g, 'l'],
  [/0/g, 'o'],
];

/** Folds visual look-alikes (`1`/`l`/`I`, `0`/`o`, `rn`/`m`, `vv`/`w`) to one form; lowercases the result. */
export function foldLookalikes(name: string): string {
  let out = name;
  for (const [re, to] of LOOKALIKE_PAIRS) out = out.replace(re, to);
  return out.toLowerCase();
}

/** True when two single characters are look-alikes of each other. */
export function isLookalikeChar(a: string, b: string): boolean {
  return a !== b && foldLookalikes(a) === foldLookalikes(b);
}

const SEPARATORS = /[-_.@/]+/g;

/** The name with every separator (`-` `_` `.`, and a scope's `@` `/`) removed: `cross-env` → `crossenv`. */
export function withoutSeparators(name: string): string {
  return name.replace(SEPARATORS, '');
}

/** The name with every run of `-` `_` `.` made one `-`, so single-edit checks ignore the separator style. */
export function unifySeparators(name: string): string {
  return name.replace(/[-_.]+/g, '-');
}

/** Words of a name split at separators, scope included: `@types/node` → [`types`, `node`]. */
export function words(name: string): string[] {
  return name.split(SEPARATORS).filter((w) => w.length > 0);
}

/** Words sorted, so `dateutil-python` and `python-dateutil` share a key. `undefined` for one-word names. */
export function reorderKey(name: string): string | undefined {
  const w = words(name);
  return w.length < 2 ? undefined : [...w].sort().join(' ');
}

/**
 * Decorations squatters add around a real name. Word-level (separated) and glued forms are both stripped:
 * `node-fabric`, `nodefabric`, `d3.js`, `mssql-node`, `python3-dateutil`, `pyyaml`.
 */
const DECORATION_WORDS: Partial<Record<Ecosystem, { prefixes: string[]; suffixes: string[] }>> = {
  npm: {
    prefixes: ['node', 'nodejs', 'js', 'npm', 'the', 'real', 'official', 'plain', 'easy', 'simple', 'basic'],
    suffixes: ['js', 'node', 'nodejs', 'npm', 'basic', 'lite', 'latest', 'official', 'dev', 'plus', 'pro', 'next', 'fixed', 'patched'],
  },
  PyPI: {
    prefixes: ['python3', 'python2', 'python', 'py3', 'py', 'pypi', 'lib', 'the', 'real', 'official', 'easy', 'simple'],
    suffixes: ['python3', 'python', 'py3', 'py', 'lib', 'lite', 'latest', 'official', 'dev', 'plus', 'pro', 'fixed', 'patched'],
  },
};

/** A trailing version-like decoration: `react2`, `react-2`, `react-v2`. */
for (const d of Object.values(DECORATION_WORDS)) {
  d.prefixes.sort((a, b) => b.length - a.length);
  d.suffixes.sort((a, b) => b.length - a.length);
}

const VERSION_SUFFIX = /[-_.]?v?\d+$/;

/**
 * Every core name left after stripping one decoration from either end (and a version suffix), separators removed.
 * `node-fabric` → [`fabric`]; `python3-dateutil` → [`dateutil`]; `react2` → [`react`]. Empty when nothing strips.
 */
export function decorationCores(ecosystem: Ecosystem, name: string): string[] {
  const deco = DECORATION_WORDS[ecosystem];
  if (!deco || name.startsWith('@')) return [];
  const cores = new Set<string>();
  const add = (core: string): void => {
    const c = withoutSeparators(core);
    if (c.length >= 2 && c !== withoutSeparators(name)) cores.add(c);
  };
  const versionless = name.replace(VERSION_SUFFIX, '');
  if (versionless !== name) add(versionless);
  // Longest decoration first, one per end: `python3-x` strips `python3`, not `python` leaving `3-x`.
  for (const base of versionless !== name ? [name, versionless] : [name]) {
    const p = deco.prefixes.find((w) => base.startsWith(w) && !/^\d/.test(base.slice(w.length)));
    if (p) add(base.slice(p.length));
    const s = deco.suffixes.find((w) => base.endsWith(w));
    if (s) add(base.slice(0, base.length - s.length));
  }
  return [...cores];
}

const KEYBOARD_ROWS = ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_POS = new Map<string, [number, number]>();
KEYBOARD_ROWS.forEach((row, r) => [...row].forEach((ch, c) => KEY_POS.set(ch, [r, c])));

/** True when `a` and `b` are neighbouring keys on a QWERTY keyboard (same or adjacent row, offset ≤ 1). */
export function isKeyboardNeighbour(a: string, b: string): boolean {
  const pa = KEY_POS.get(a);
  const pb = KEY_POS.get(b);
  if (!pa || !pb || a === b) return false;
  return Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/** Every string one deletion away from `s` (the symmetric-delete neighbourhood at distance 1). */
export function deletions(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return [...out];
}

/** Optimal-string-alignment distance, capped: returns `cap + 1` as soon as the distance must exceed `cap`. */
export function osaDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** The kind of a single edit turning `target` into `candidate` (their OSA distance must be 1). */
export type EditKind = 'omission' | 'repetition' | 'insertion' | 'substitution' | 'keyboard' | 'lookalike' | 'swap';

/** The character `candidate` has beyond `target` when it is exactly one insertion longer. */
export function insertedChar(candidate: string, target: string): string | undefined {
  if (candidate.length !== target.length + 1) return undefined;
  let i = 0;
  while (i < target.length && candidate[i] === target[i]) i++;
  return candidate[i];
}

/** Names the single edit between two strings at distance 1. */
export function classifyEdit(candidate: string, target: string): EditKind {
  if (candidate.length < target.length) return 'omission';
  if (candidate.length > target.length) {
    let i = 0;
    while (i < target.length && candidate[i] === target[i]) i++;
    const extra = candidate[i];
    return extra !== undefined && (candidate[i - 1] === extra || candidate[i + 1] === extra) ? 'repetition' : 'insertion';
  }
  let i = 0;
  while (i < target.length && candidate[i] === target[i]) i++;
  if (candidate[i + 1] === target[i] && candidate[i] === target[i + 1] && candidate.slice(i + 2) === target.slice(i + 2)) {
    return 'swap';
  }
  const a = candidate[i] ?? '';
  const b = target[i] ?? '';
  if (isLookalikeChar(a, b)) return 'lookalike';
  if (isKeyboardNeighbour(a, b)) return 'keyboard';
  return 'substitution';
}
