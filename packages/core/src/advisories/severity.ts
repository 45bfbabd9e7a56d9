import type { Severity } from '../findings/finding.js';
import type { OsvRecord, OsvSeverity } from './osv-record.js';

/** A record's severity and, when a CVSS vector gave it, the score and the vector. */
export interface RecordSeverity {
  severity: Severity;
  score?: number;
  vector?: string;
}

/**
 * Scores a CVSS vector (`cvssScore` of `cvss-score.ts`). The calculator is a 245 KB library, and most checks
 * match no advisory: callers load it with `loadCvssScorer` when they have records to rate.
 */
export type CvssScorer = (vector: string) => number | undefined;

/** Loads the CVSS calculator (once per process). */
export async function loadCvssScorer(): Promise<CvssScorer> {
  return (await import('./cvss-score.js')).cvssScore;
}

// Newer CVSS versions describe the flaw better; a v4.0 vector wins over a v3.x one on the same record.
const VERSION_PREFERENCE = ['CVSS:4.0', 'CVSS:3.1', 'CVSS:3.0'];

/** The qualitative rating of a CVSS score (FIRST's bands; "None" 0.0 counts as low). */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  return 'low';
}

const GHSA_SEVERITIES: Record<string, Severity> = {
  LOW: 'low',
  MODERATE: 'moderate',
  MEDIUM: 'moderate',
  HIGH: 'high',
  CRITICAL: 'critical',
};

/**
 * The severity of a record: the CVSS base score of its `severity[]` vectors (record-level and per affected
 * package, newest CVSS version first, highest score within it), else the GHSA rating in
 * `database_specific.severity`, else `unknown`.
 */
export function recordSeverity(record: OsvRecord, scoreOf: CvssScorer): RecordSeverity {
  const entries: OsvSeverity[] = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  let best: { score: number; vector: string; rank: number } | undefined;
  for (const entry of entries) {
    const vector = entry.score.trim();
    const score = scoreOf(vector);
    if (score === undefined) continue;
    const rank = VERSION_PREFERENCE.indexOf(vector.slice(0, 8));
    if (!best || rank < best.rank || (rank === best.rank && score > best.score)) best = { score, vector, rank };
  }
  if (best) return { severity: severityFromScore(best.score), score: best.score, vector: best.vector };
  const rating = record.database_specific?.severity;
  if (typeof rating === 'string') {
    const mapped = GHSA_SEVERITIES[rating.toUpperCase()];
    if (mapped) return { severity: mapped };
  }
  return { severity: 'unknown' };
}
