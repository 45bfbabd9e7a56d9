import type { AnnotationProperties } from '@actions/core';
import { plainText, severityRank, type Finding } from '@lockwarden/core';

/** GitHub shows at most 10 annotations of each kind per step; we emit the 10 worst findings. */
export const MAX_ANNOTATIONS = 10;

const ACTION_RANK: Record<Finding['action'], number> = { block: 0, quarantine: 1, warn: 2, info: 3, off: 4 };

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: AnnotationProperties;
}

/**
 * The most severe findings as annotations on their lockfile lines: blocking first, then by severity. Their text is
 * untrusted (names, advisory text): capped, redacted, with invisible characters (bidi overrides, ESC) made visible.
 */
export function pickAnnotations(findings: readonly Finding[]): Annotation[] {
  return [...findings]
    .filter((f) => f.action !== 'off')
    .sort((a, b) => ACTION_RANK[a.action] - ACTION_RANK[b.action] || severityRank(a.severity) - severityRank(b.severity))
    .slice(0, MAX_ANNOTATIONS)
    .map((f) => ({
      level: f.action === 'block' ? 'error' : f.action === 'info' ? 'notice' : 'warning',
      message: plainText(f.message),
      properties: {
        title: `lockwarden ${f.rule}: ${plainText(f.name, 200)}@${plainText(f.version, 100)}`,
        file: f.location?.file,
        startLine: f.location?.line,
      },
    }));
}
