import { appendFileSync } from 'node:fs';

/** What the proxy decided about one request. */
export type GuardDecision = 'allow' | 'filter' | 'block' | 'not-found' | 'unavailable';

/** One line of the audit log. */
export interface AuditEntry {
  time: string;
  userAgent?: string;
  ecosystem: 'npm' | 'PyPI';
  name: string;
  /** The version asked for (tarballs, files) or served as latest (metadata). */
  version?: string;
  decision: GuardDecision;
  /** Rules that removed versions or blocked the request. */
  rules?: string[];
  advisories?: string[];
  /** Versions taken out of the metadata, for `filter`. */
  removed?: string[];
  reason?: string;
}

/**
 * Writes every decision as one JSON line to the audit file (when given) and one readable line to stderr. Allowed
 * requests go to stderr only when verbose: a real install makes thousands of them.
 */
export class AuditLog {
  constructor(
    private readonly options: { file?: string; stderr: (line: string) => void; verbose?: boolean },
  ) {}

  record(entry: Omit<AuditEntry, 'time'>): void {
    const full: AuditEntry = { time: new Date().toISOString(), ...entry };
    if (this.options.file) appendFileSync(this.options.file, `${JSON.stringify(full)}\n`);
    if (entry.decision !== 'allow' || this.options.verbose) this.options.stderr(`${readable(full)}\n`);
  }
}

/** `lockwarden guard: BLOCK npm lw-evil@1.0.0 (malware MAL-2026-1): …`, with untrusted text made single-line. */
function readable(e: AuditEntry): string {
  const id = `${e.ecosystem} ${oneLine(e.name)}${e.version ? `@${oneLine(e.version)}` : ''}`;
  const rules = e.rules?.length ? ` (${e.rules.join(', ')}${e.advisories?.length ? ` ${e.advisories.join(', ')}` : ''})` : '';
  const removed = e.removed?.length ? ` removed ${e.removed.map(oneLine).join(', ')}` : '';
  const reason = e.reason ? `: ${oneLine(e.reason)}` : '';
  return `lockwarden guard: ${e.decision.toUpperCase()} ${id}${rules}${removed}${reason}`;
}

/** Control characters in registry data cannot forge extra log lines or move the terminal cursor. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
