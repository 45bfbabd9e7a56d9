import cvss from 'ae-cvss-calculator';
import type { Severity } from '../findings/finding.js';
import type { OsvRecord, OsvSeverity } from './osv-record.js';

/** A record's severity and, when a CVSS vector gave it, the score and the vector. */
export interface RecordSeverity {
  severity: Severity;
  score?: number;
  vector?: string;
}

const REQUIRED_METRICS: Record<string, readonly string[]> = {
  'CVSS:3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  'CVSS:3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  'CVSS:4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

// Newer CVSS versions describe the flaw better; a v4.0 vector wins over a v3.x one on the same record.
const VERSION_PREFERENCE = ['CVSS:4.0', 'CVSS:3.1', 'CVSS:3.0'];

/**
 * Scores a CVSS v3.0, v3.1 or v4.0 vector with ae-cvss-calculator. For v4.0 this is the score of the vector
 * as written (threat metrics included when the vector carries them), which is what FIRST's calculator shows.
 * Returns `undefined` for other versions and for vectors missing a base metric or carrying an invalid value.
 */
export function cvssScore(vector: string): number | undefined {
  if (scoreCache.has(vector)) return scoreCache.get(vector);
  const score = computeScore(vector);
  // The same few thousand vectors recur across a whole database; scoring each once keeps lookups fast.
  if (scoreCache.size > 10_000) scoreCache.clear();
  scoreCache.set(vector, score);
  return score;
}

const scoreCache = new Map<string, number | undefined>();

function computeScore(vector: string): number | undefined {
  const prefix = vector.slice(0, 8);
  const required = REQUIRED_METRICS[prefix];
  if (!required) return undefined;
  const metrics = new Set(
    vector
      .slice(9)
      .split('/')
      .map((part) => part.split(':')[0]),
  );
  if (!required.every((m) => metrics.has(m))) return undefined;
  try {
    const model =
      prefix === 'CVSS:4.0' ? new cvss.Cvss4P0(vector) : prefix === 'CVSS:3.1' ? new cvss.Cvss3P1(vector) : new cvss.Cvss3P0(vector);
    const base: unknown = model.calculateScores().base;
    return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
  } catch {
    return undefined;
  }
}

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
export function recordSeverity(record: OsvRecord): RecordSeverity {
  const entries: OsvSeverity[] = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  let best: { score: number; vector: string; rank: number } | undefined;
  for (const entry of entries) {
    const vector = entry.score.trim();
    const score = cvssScore(vector);
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
