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
  /** The readable lines of the decisions other than `allow`, in order, for a recap (at most `RECAP_LINES`). */
  readonly notable: string[] = [];
  /** How many such decisions there were, the recap's lines included. */
  notableCount = 0;

  constructor(
    private readonly options: { file?: string; stderr: (line: string) => void; verbose?: boolean },
  ) {}

  record(entry: Omit<AuditEntry, 'time'>): void {
    const full: AuditEntry = { time: new Date().toISOString(), ...entry };
    if (this.options.file) appendFileSync(this.options.file, `${JSON.stringify(full)}\n`);
    const notable = entry.decision !== 'allow';
    if (!notable && !this.options.verbose) return;
    const line = readable(full);
    if (notable) {
      this.notableCount++;
      if (this.notable.length < RECAP_LINES) this.notable.push(line.slice(PREFIX.length));
    }
    this.options.stderr(`${line}\n`);
  }
}

const PREFIX = 'lockwarden guard: ';

/** How many decisions a recap repeats; the audit file has them all. */
const RECAP_LINES = 10;

/**
 * What to print after a guarded command failed: its own last words ("No matching version found", a 403) are what
 * a person or an agent reads, so the guard's decisions are repeated after them. Empty when the guard changed
 * nothing, and the failure is the command's own.
 */
export function failureRecap(audit: AuditLog, command: string, code: number): string {
  if (audit.notableCount === 0) return '';
  const more = audit.notableCount - audit.notable.length;
  return [
    `lockwarden guard: ${oneLine(command)} exited ${code}; the guard filtered or refused what it asked for:`,
    ...audit.notable.map((line) => `  ${line}`),
    ...(more > 0 ? [`  … and ${more} more (--audit-log FILE lists every decision)`] : []),
    '  "No matching version", 403 or 404 above come from these: choose a version they leave, or see docs/guard.md.',
    '',
  ].join('\n');
}

/** `lockwarden guard: BLOCK npm lw-evil@1.0.0 (malware MAL-2026-1): …`, with untrusted text made single-line. */
function readable(e: AuditEntry): string {
  const id = `${e.ecosystem} ${oneLine(e.name)}${e.version ? `@${oneLine(e.version)}` : ''}`;
  const rules = e.rules?.length ? ` (${e.rules.join(', ')}${e.advisories?.length ? ` ${e.advisories.join(', ')}` : ''})` : '';
  const removed = e.removed?.length ? ` removed ${removedText(e.removed)}` : '';
  const reason = e.reason ? `: ${oneLine(e.reason)}` : '';
  return `${PREFIX}${e.decision.toUpperCase()} ${id}${rules}${removed}${reason}`;
}

/** Versions listed in full up to this many; the audit file always has them all. */
const LISTED_VERSIONS = 6;

/** `1.1.0, 1.2.0`, or for many: `27 versions: 0.0.0, 0.0.1, 0.0.2 … 1.2.4, 1.2.5` (first and last three). */
export function removedText(versions: readonly string[]): string {
  if (versions.length <= LISTED_VERSIONS) return versions.map(oneLine).join(', ');
  const half = LISTED_VERSIONS / 2;
  return `${versions.length} versions: ${versions.slice(0, half).map(oneLine).join(', ')} … ${versions.slice(-half).map(oneLine).join(', ')}`;
}

/** Control characters in registry data cannot forge extra log lines or move the terminal cursor. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
