import type { Package } from '../../model/package.js';
import { matchPurlPattern, parsePurlPattern, type PurlPattern } from '../purl-pattern.js';

const compiled = new Map<string, PurlPattern>();

/** Parsed purl patterns, memoised: rules run per package and the lists are the policy's. */
export function compilePatterns(patterns: readonly string[]): PurlPattern[] {
  return patterns.map((p) => {
    let c = compiled.get(p);
    if (!c) {
      c = parsePurlPattern(p);
      if (compiled.size > 10_000) compiled.clear();
      compiled.set(p, c);
    }
    return c;
  });
}

/**
 * The first pattern matching the package. `uncertainMatches` says how to treat a version that cannot be
 * compared with the pattern's range.
 */
export function firstMatch(
  patterns: readonly PurlPattern[],
  pkg: Pick<Package, 'purl' | 'ecosystem' | 'version'>,
  uncertainMatches: boolean,
): { pattern: PurlPattern; uncertain: boolean } | undefined {
  for (const pattern of patterns) {
    const r = matchPurlPattern(pattern, pkg);
    if (r === true) return { pattern, uncertain: false };
    if (r === 'unknown' && uncertainMatches) return { pattern, uncertain: true };
  }
  return undefined;
}
