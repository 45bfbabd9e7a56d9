import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LockwardenError } from '../errors.js';
import type { Ecosystem } from '../model/ecosystem.js';
import { decodeBundledIndex } from './bundled-index.js';
import { PagedFile, type PageSource } from './paged-file.js';
import { KeyIndex } from './delete-index.js';
import { columnToArray, type ReadonlyColumn } from './string-column.js';
import type { TargetForms } from './target-forms.js';
import type { TargetIndex } from './target-lookup.js';

/**
 * The most popular names of one ecosystem, most popular first, as bundled in `packages/core/data/` by
 * `scripts/generate-popularity.mjs`. npm entries carry monthly downloads; PyPI entries carry only their rank.
 */
export interface PopularitySnapshot {
  ecosystem: Ecosystem;
  /** Normalised names, most popular first; index + 1 is the rank. (The bundled snapshot decodes them on first use.) */
  readonly names: readonly string[];
  /** How many names (without decoding them). */
  readonly size: number;
  /** The scopes of the scoped names (npm): owned, so nobody else can publish there. */
  scopes(): ReadonlySet<string>;
  /** 1-based rank, or `undefined` when the name is not in the snapshot. */
  rank(name: string): number | undefined;
  /** Monthly downloads when the snapshot records them (npm). */
  downloads(name: string): number | undefined;
  /** What the snapshot's header line says about its source and date. */
  description: string;
}

/** Which bundled file holds which ecosystem's snapshot. */
const BUNDLED: Partial<Record<Ecosystem, string>> = {
  npm: 'popularity-npm.tsv.gz',
  PyPI: 'popularity-pypi.tsv.gz',
};

/** Ecosystems with a bundled popularity snapshot. */
export const SNAPSHOT_ECOSYSTEMS = Object.keys(BUNDLED) as Ecosystem[];

/**
 * Parses a snapshot: `# header` then `name<TAB>score` lines, most popular first. For npm the score is monthly
 * downloads; for PyPI it is the rank (kept for reference only; the line order is authoritative).
 */
export function parsePopularitySnapshot(ecosystem: Ecosystem, text: string): PopularitySnapshot {
  const names: string[] = [];
  const scores: number[] = [];
  const seen = new Set<string>();
  let description = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      description ||= line.slice(1).trim();
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const name = line.slice(0, tab);
    // First occurrence wins: the file is sorted, so a duplicate further down is the less popular copy.
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
    scores.push(Number(line.slice(tab + 1)));
  }
  return snapshotOf(ecosystem, names, scores, description);
}

/** Lookups answered by a scan (or a binary search) before the name → position map is built. */
const SCAN_LOOKUPS = 64;

/** What the build precomputed beside a snapshot's names (see `BundledIndex`). */
export interface SnapshotLookups {
  /** Positions sorted by name: lookups by binary search before any map is built. */
  nameOrder: Uint32Array;
  /** The scopes of the scoped names. */
  scopes: readonly string[];
  /** When `nameOrder` is a view of a file read on demand. */
  pages?: PageSource;
}

/**
 * A snapshot over parallel columns; the name → position map is built only once many names are looked up. Until
 * then a lookup is a scan of the names, or with `lookups` a binary search that decodes ~16 of them.
 */
export function snapshotOf(
  ecosystem: Ecosystem,
  names: ReadonlyColumn<string>,
  scores: ReadonlyColumn<number | null>,
  description: string,
  lookups?: SnapshotLookups,
): PopularitySnapshot {
  let count = 0;
  let positions: Map<string, number> | undefined;
  let all: string[] | undefined;
  const list = (): string[] => (all ??= columnToArray(names));
  // Names are unique, so the sorted order holds at most one id per name.
  const sorted = lookups ? new KeyIndex(lookups.nameOrder, (id) => names.at(id), lookups.pages) : undefined;
  const search = (name: string): number | undefined => {
    if (sorted) return sorted.get(name)[0];
    const i = list().indexOf(name);
    return i < 0 ? undefined : i;
  };
  const position = (name: string): number | undefined => {
    if (!positions && ++count > SCAN_LOOKUPS) {
      positions = new Map();
      list().forEach((n, i) => positions!.set(n, i));
    }
    return positions ? positions.get(name) : search(name);
  };
  let scopeSet: Set<string> | undefined;
  const withDownloads = ecosystem === 'npm';
  return {
    ecosystem,
    get names() {
      return list();
    },
    size: names.length,
    description,
    scopes: () => {
      if (!scopeSet) {
        scopeSet = new Set(lookups?.scopes ?? scopesOf(list()));
      }
      return scopeSet;
    },
    rank: (name) => {
      const i = position(name);
      return i === undefined ? undefined : i + 1;
    },
    downloads: (name) => {
      if (!withDownloads) return undefined;
      const i = position(name);
      const d = i === undefined ? undefined : scores.at(i);
      return typeof d === 'number' && Number.isFinite(d) ? d : undefined;
    },
  };
}

/** The scopes of the scoped names among `names` (`@babel/core` → `babel`), in first-seen order. */
export function scopesOf(names: Iterable<string>): string[] {
  const scopes = new Set<string>();
  for (const name of names) if (name.startsWith('@')) scopes.add(name.slice(1, name.indexOf('/')));
  return [...scopes];
}

/** Positions of `names` sorted by name (UTF-16 code units, then position), as `SnapshotLookups.nameOrder` holds. */
export function sortedNameOrder(names: readonly string[]): Uint32Array {
  return KeyIndex.build(names.length, (id) => names[id]).toArray();
}

const BUNDLED_FILES: Partial<Record<Ecosystem, string>> = BUNDLED;

/** The file in `packages/core/data/` that holds an ecosystem's raw snapshot. */
export function bundledSnapshotFile(ecosystem: Ecosystem): string | undefined {
  return BUNDLED_FILES[ecosystem];
}

/** What the build precomputed for the default detector of an ecosystem. */
export interface PrecomputedTargets {
  forms: TargetForms;
  index: TargetIndex;
}

const cache = new Map<Ecosystem, { snapshot: PopularitySnapshot; precomputed?: PrecomputedTargets }>();

/** The name of the generated index file of an ecosystem with a snapshot. */
export function bundledIndexFile(ecosystem: Ecosystem): string | undefined {
  return BUNDLED_FILES[ecosystem] ? `typosquat-${ecosystem.toLowerCase()}.bin` : undefined;
}

function loadBundled(ecosystem: Ecosystem): { snapshot: PopularitySnapshot; precomputed?: PrecomputedTargets } | undefined {
  const file = BUNDLED_FILES[ecosystem];
  if (!file) return undefined;
  const cached = cache.get(ecosystem);
  if (cached) return cached;
  // The core's folders sit two levels below the package root in both `src/` and `dist/`; in the Action's
  // single-file bundle `generated/` and `data/` are beside `index.js` (the bundle build copies them there).
  const index = bundledIndexFile(ecosystem)!;
  const generated = [new URL(`../../generated/${index}`, import.meta.url), new URL(`./generated/${index}`, import.meta.url)].find((url) =>
    existsSync(url),
  );
  let loaded: { snapshot: PopularitySnapshot; precomputed?: PrecomputedTargets };
  if (generated) {
    let data: ReturnType<typeof decodeBundledIndex>;
    try {
      // Read on demand: judging a few names touches a few hundred KB of the 6 MB file.
      data = decodeBundledIndex(PagedFile.open(generated));
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `cannot read the bundled typosquat index ${index}`, { cause: err });
    }
    loaded = {
      snapshot: snapshotOf(ecosystem, data.names, data.scores, data.description, {
        nameOrder: data.nameOrder,
        scopes: data.scopes,
        ...(data.pages ? { pages: data.pages } : {}),
      }),
      precomputed: { forms: data.forms, index: data.index },
    };
  } else {
    // Before a build (no generated index): parse the raw snapshot; the detector computes the forms itself.
    const candidates = [new URL(`../../data/${file}`, import.meta.url), new URL(`./data/${file}`, import.meta.url)];
    const found = candidates.find((url) => existsSync(url));
    let text: string;
    try {
      text = gunzipSync(readFileSync(found ?? (candidates[0] as URL))).toString('utf8');
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `cannot read the bundled popularity snapshot ${file}`, { cause: err });
    }
    loaded = { snapshot: parsePopularitySnapshot(ecosystem, text) };
  }
  cache.set(ecosystem, loaded);
  return loaded;
}

/**
 * The snapshot bundled with the library for `ecosystem`, or `undefined` when none ships. Loaded once per process,
 * from the generated index when the build wrote one.
 */
export function loadBundledSnapshot(ecosystem: Ecosystem): PopularitySnapshot | undefined {
  return loadBundled(ecosystem)?.snapshot;
}

/** The bundled targets' forms and index precomputed at build time, when the build generated them. */
export function loadBundledTargets(ecosystem: Ecosystem): PrecomputedTargets | undefined {
  return loadBundled(ecosystem)?.precomputed;
}
