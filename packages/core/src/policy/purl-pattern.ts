import { Minimatch } from 'minimatch';
import { LockwardenError } from '../errors.js';
import { compareVersions, normalizePackageName } from '../ecosystems/registry.js';
import type { Package } from '../model/package.js';
import { parsePurl } from '../model/purl.js';

type Comparator = { op: '<' | '<=' | '>' | '>=' | '='; version: string };

/** A parsed `pkg:TYPE/NAME-GLOB[@VERSION-OR-RANGE]` pattern. */
export interface PurlPattern {
  /** The pattern as written. */
  source: string;
  type: string;
  /** `namespace/name` glob, percent-decoded. */
  name: string;
  /** Alternatives (`||`), each a conjunction of comparators; undefined matches every version. */
  range?: Comparator[][];
  matchName: (name: string) => boolean;
  /** The pattern with its name in an ecosystem's canonical form, built on first use; null when that is the name. */
  normalized?: Map<string, ((name: string) => boolean) | null>;
}

const OPERATORS = ['<=', '>=', '<', '>', '=='] as const;

/**
 * Parses a purl pattern. The version part is an exact version (`@4.17.20`) or a range of comparators
 * (`@<2.31`, `@>=1.0.0 <2.0.0`, `@>=1,<2`, alternatives joined by `||`) compared with the ecosystem's own version
 * ordering. Throws POLICY_ERROR on a malformed pattern.
 */
export function parsePurlPattern(pattern: string): PurlPattern {
  const m = /^pkg:([A-Za-z][A-Za-z0-9.+-]*)\/(.+)$/.exec(pattern.trim());
  if (!m) throw new LockwardenError('POLICY_ERROR', `"${pattern}" is not a purl pattern (pkg:TYPE/NAME[@VERSION])`);
  const type = (m[1] ?? '').toLowerCase();
  let rest = m[2] ?? '';
  // purl qualifiers and subpaths do not take part in matching.
  rest = rest.replace(/[?#].*$/, '');
  // The version separator is an `@` that does not start a path segment (npm scopes start with `@`).
  let at = -1;
  for (let i = rest.length - 1; i > 0; i--) {
    if (rest[i] === '@' && rest[i - 1] !== '/') {
      at = i;
      break;
    }
  }
  const rawName = at < 0 ? rest : rest.slice(0, at);
  const rawVersion = at < 0 ? undefined : rest.slice(at + 1);
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    throw new LockwardenError('POLICY_ERROR', `"${pattern}": the name is not valid percent-encoding`);
  }
  if (name === '') throw new LockwardenError('POLICY_ERROR', `"${pattern}": missing package name`);
  const range = rawVersion === undefined ? undefined : parseRange(rawVersion, pattern);
  return { source: pattern, type, name, range, matchName: nameMatcher(name) };
}

function nameMatcher(name: string): (candidate: string) => boolean {
  if (!/[*?[\]]/.test(name)) return (n) => n === name;
  const glob = new Minimatch(name, { dot: true, nobrace: true, noext: true, nocomment: true, nonegate: true });
  return (n) => glob.match(n);
}

/** Matches names as the ecosystem compares them (PEP 503 for PyPI: `Django_Rest` is `django-rest`). */
function matchNormalizedName(pattern: PurlPattern, ecosystem: string, subject: Subject): boolean {
  pattern.normalized ??= new Map();
  let matcher = pattern.normalized.get(ecosystem);
  if (matcher === undefined) {
    const canonical = pattern.name
      .split('/')
      .map((segment) => (/[*?[\]]/.test(segment) ? segment : normalize(ecosystem, segment)))
      .join('/');
    // Where normalising changes nothing (npm), the plain comparison already said no.
    matcher = canonical === pattern.name ? null : nameMatcher(canonical);
    pattern.normalized.set(ecosystem, matcher);
  }
  subject.canonical ??= normalize(ecosystem, subject.name);
  if (matcher === null) return subject.canonical !== subject.name && pattern.matchName(subject.canonical);
  return matcher(subject.canonical);
}

function parseRange(text: string, pattern: string): Comparator[][] {
  const alternatives = text.split('||').map((alt) => alt.trim());
  if (alternatives.some((a) => a === '')) {
    throw new LockwardenError('POLICY_ERROR', `"${pattern}": empty version range`);
  }
  return alternatives.map((alt) => {
    const parts = alt
      .replace(/([<>=]=?)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter((p) => p !== '');
    return parts.map((part): Comparator => {
      const op = OPERATORS.find((o) => part.startsWith(o));
      const version = op ? part.slice(op.length) : part.replace(/^=/, '');
      if (version === '' || /[<>=\s]/.test(version)) {
        throw new LockwardenError('POLICY_ERROR', `"${pattern}": cannot read version comparator "${part}"`);
      }
      const normalized = op === '==' || op === undefined ? '=' : op;
      return { op: normalized, version };
    });
  });
}

/** The purl type and `namespace/name` of a package, and its canonical name once asked for. */
interface Subject {
  type: string;
  name: string;
  canonical?: string;
}

/** Cached per purl string: rules and exceptions ask about the same packages many times. */
const subjectCache = new Map<string, Subject | null>();

function subjectOf(pkg: Pick<Package, 'purl'>): Subject | null {
  const cached = subjectCache.get(pkg.purl);
  if (cached !== undefined) return cached;
  let subject: Subject | null = null;
  try {
    const p = parsePurl(pkg.purl);
    subject = { type: p.type.toLowerCase(), name: p.namespace ? `${p.namespace}/${p.name}` : p.name };
  } catch {
    subject = null;
  }
  if (subjectCache.size > 50_000) subjectCache.clear();
  subjectCache.set(pkg.purl, subject);
  return subject;
}

function normalize(ecosystem: string, name: string): string {
  try {
    return normalizePackageName(ecosystem, name);
  } catch {
    return name;
  }
}

/**
 * Does the package match the pattern? `'unknown'` when the name matches but the version cannot be compared
 * (not a valid version of the ecosystem, or no version ordering for it): callers decide which way to fail.
 */
export function matchPurlPattern(
  pattern: PurlPattern,
  pkg: Pick<Package, 'purl' | 'ecosystem' | 'version'>,
): boolean | 'unknown' {
  const subject = subjectOf(pkg);
  if (!subject || subject.type !== pattern.type) return false;
  if (!pattern.matchName(subject.name) && !matchNormalizedName(pattern, pkg.ecosystem, subject)) return false;
  if (!pattern.range) return true;
  let unknown = false;
  for (const conjunction of pattern.range) {
    let all = true;
    for (const c of conjunction) {
      const r = compareVersion(pkg.ecosystem, pkg.version, c);
      if (r === 'unknown') unknown = true;
      if (r !== true) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return unknown ? 'unknown' : false;
}

function compareVersion(ecosystem: string, version: string, c: Comparator): boolean | 'unknown' {
  if (c.op === '=' && version === c.version) return true;
  if (version === '') return 'unknown';
  let order: number;
  try {
    order = compareVersions(ecosystem, version, c.version);
  } catch {
    return c.op === '=' ? false : 'unknown';
  }
  switch (c.op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}
