import { LockwardenError } from '../../errors.js';

/*
 * Maven orders versions with `org.apache.maven.artifact.versioning.ComparableVersion`
 * (https://maven.apache.org/pom.html#Version_Order_Specification). This is a port of its rules:
 * a version is a tree of lists; `.` separates items in one list, `-` (and a switch between digits and
 * letters) opens a nested list; trailing "null" items (0, "", ga, final, release) are dropped; qualifiers
 * order alpha < beta < milestone < rc < snapshot < "" < sp < any other word (lexically).
 */

type Item =
  | { kind: 'int'; digits: string }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));
/** Bounds the work a hostile version string can cause (nesting grows with every `-`). */
const MAX_VERSION_LENGTH = 1024;

function intItem(digits: string): Item {
  const stripped = digits.replace(/^0+/, '');
  return { kind: 'int', digits: stripped === '' ? '0' : stripped };
}

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) {
    // "1a1" means 1-alpha-1: single letters right before a digit are abbreviations.
    if (v === 'a') v = 'alpha';
    else if (v === 'b') v = 'beta';
    else if (v === 'm') v = 'milestone';
  }
  return { kind: 'string', value: ALIASES[v] ?? v };
}

function parseItem(isDigit: boolean, text: string): Item {
  return isDigit ? intItem(text) : stringItem(text, false);
}

function isNull(item: Item): boolean {
  switch (item.kind) {
    case 'int':
      return item.digits === '0';
    case 'string':
      return item.value === '';
    case 'list':
      return item.items.length === 0;
  }
}

function normalize(list: Item[], nested: boolean): void {
  // A release alias right before a nested list ("1-ga-1", "1-final1") adds nothing: Maven 3.9 reads it as
  // "1-1" (its CombinationItem); the older tree would leave an extra level that sorts it below "1-1".
  const [first, second] = list;
  if (nested && list.length === 2 && first?.kind === 'string' && first.value === '' && second?.kind === 'list') {
    list.splice(0, 2, ...second.items);
  }
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i] as Item;
    if (isNull(last)) list.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
}

/** Parses a Maven version into ComparableVersion's item tree. Every string parses. */
export function parseMavenVersion(version: string): Item {
  if (version.length > MAX_VERSION_LENGTH) {
    throw new LockwardenError('INVALID_VERSION', `Maven version longer than ${MAX_VERSION_LENGTH} characters`);
  }
  const text = version.toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  const openList = (): void => {
    const next: Item[] = [];
    list.push({ kind: 'list', items: next });
    list = next;
    stack.push(next);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '.') {
      list.push(i === start ? intItem('0') : parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
    } else if (c === '-') {
      list.push(i === start ? intItem('0') : parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
      openList();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.push(stringItem(text.slice(start, i), true));
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, text.slice(start, i)));
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (text.length > start) list.push(parseItem(isDigit, text.slice(start)));
  for (let s = stack.length - 1; s >= 0; s--) normalize(stack[s] as Item[], s > 0);
  return { kind: 'list', items: root };
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparableQualifier(qualifier: string): string {
  const i = QUALIFIERS.indexOf(qualifier);
  // Unknown qualifiers sort after every known one, lexically among themselves (Maven compares these as strings).
  return i === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(i);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ComparableVersion's `Item.compareTo`; `b` undefined stands for "nothing here" (the shorter side). */
function compareItems(a: Item, b: Item | undefined): number {
  switch (a.kind) {
    case 'int':
      if (!b) return a.digits === '0' ? 0 : 1;
      if (b.kind === 'int') return compareDigits(a.digits, b.digits);
      return 1; // 1.1 > 1-sp and 1.1 > 1-1
    case 'string':
      if (!b) return compareStrings(comparableQualifier(a.value), RELEASE_INDEX);
      if (b.kind === 'string') return compareStrings(comparableQualifier(a.value), comparableQualifier(b.value));
      return -1; // 1.any < 1.1 and 1.any < 1-1
    case 'list': {
      if (!b) {
        const first = a.items[0];
        return first ? compareItems(first, undefined) : 0;
      }
      if (b.kind === 'int') return -1; // 1-1 < 1.0.x
      if (b.kind === 'string') return 1; // 1-1 > 1-sp
      const n = Math.max(a.items.length, b.items.length);
      for (let i = 0; i < n; i++) {
        const l = a.items[i];
        const r = b.items[i];
        const result = l ? compareItems(l, r) : r ? -compareItems(r, undefined) : 0;
        if (result !== 0) return result;
      }
      return 0;
    }
  }
}

/** Parsed trees are never mutated after parsing, so sorting a long version list can reuse them. */
const cache = new Map<string, Item>();
const MAX_CACHE = 50_000;

function parsedCached(version: string): Item {
  let item = cache.get(version);
  if (!item) {
    item = parseMavenVersion(version);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(version, item);
  }
  return item;
}

/** Orders two Maven versions as Maven's ComparableVersion does. */
export function compareMavenVersions(a: string, b: string): -1 | 0 | 1 {
  const result = compareItems(parsedCached(a), parsedCached(b));
  return result < 0 ? -1 : result > 0 ? 1 : 0;
}
