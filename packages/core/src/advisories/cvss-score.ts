import cvss from 'ae-cvss-calculator';

const REQUIRED_METRICS: Record<string, readonly string[]> = {
  'CVSS:3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  'CVSS:3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  'CVSS:4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

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
