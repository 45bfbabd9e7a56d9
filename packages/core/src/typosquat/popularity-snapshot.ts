import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LockwardenError } from '../errors.js';
import type { Ecosystem } from '../model/ecosystem.js';

/**
 * The most popular names of one ecosystem, most popular first, as bundled in `packages/core/data/` by
 * `scripts/generate-popularity.mjs`. npm entries carry monthly downloads; PyPI entries carry only their rank.
 */
export interface PopularitySnapshot {
  ecosystem: Ecosystem;
  /** Normalised names, most popular first; index + 1 is the rank. */
  names: readonly string[];
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
  const ranks = new Map<string, number>();
  const downloads = new Map<string, number>();
  let description = '';
  const withDownloads = ecosystem === 'npm';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      description ||= line.slice(1).trim();
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const name = line.slice(0, tab);
    // First occurrence wins: the file is sorted, so a duplicate further down is the less popular copy.
    if (ranks.has(name)) continue;
    names.push(name);
    ranks.set(name, names.length);
    if (withDownloads) {
      const d = Number(line.slice(tab + 1));
      if (Number.isFinite(d)) downloads.set(name, d);
    }
  }
  return {
    ecosystem,
    names,
    description,
    rank: (name) => ranks.get(name),
    downloads: (name) => downloads.get(name),
  };
}

const cache = new Map<Ecosystem, PopularitySnapshot>();

/**
 * The snapshot bundled with the library for `ecosystem`, or `undefined` when none ships. Loaded once per process.
 * The data folder sits two levels above both `src/typosquat/` and `dist/typosquat/`; in the Action's single-file
 * bundle it is `data/` beside `index.js` (the bundle build copies it there).
 */
export function loadBundledSnapshot(ecosystem: Ecosystem): PopularitySnapshot | undefined {
  const file = BUNDLED[ecosystem];
  if (!file) return undefined;
  const cached = cache.get(ecosystem);
  if (cached) return cached;
  const candidates = [new URL(`../../data/${file}`, import.meta.url), new URL(`./data/${file}`, import.meta.url)];
  const found = candidates.find((url) => existsSync(url));
  let text: string;
  try {
    text = gunzipSync(readFileSync(found ?? (candidates[0] as URL))).toString('utf8');
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot read the bundled popularity snapshot ${file}`, { cause: err });
  }
  const snapshot = parsePopularitySnapshot(ecosystem, text);
  cache.set(ecosystem, snapshot);
  return snapshot;
}
