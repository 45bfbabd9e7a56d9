import type { ReportInput } from './report-input.js';
import { packageLabel, verdictSentence } from './report-input.js';
import { describeException } from '../policy/exceptions.js';
import { capField, FIELD_MAX_LENGTH } from './untrusted-text.js';

/**
 * Control characters (and C1, bidi overrides) are dropped so a package name cannot move the terminal cursor, and
 * the text is capped, so one huge name cannot widen every row of a table.
 */
export function terminalSafe(text: string, max: number = FIELD_MAX_LENGTH): string {
  // eslint-disable-next-line no-control-regex
  return capField(text, max).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, ' ');
}

/** The widest table cell: a longer field is cut (with its length noted) instead of padding every row to it. */
const MAX_COLUMN = 200;

/** Aligned plain-text columns; the last column is not padded. */
export function renderColumns(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows].map((r) => r.map((cell) => terminalSafe(cell, MAX_COLUMN)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The terminal report: verdict line, one row per finding, then exceptions, gaps and warnings. */
export function renderTableReport(input: ReportInput): string {
  const d = input.decision;
  const out: string[] = [`lockwarden: ${verdictSentence(d)}`];
  if (d.findings.length > 0) {
    out.push(
      '',
      renderColumns(
        ['ACTION', 'SEVERITY', 'RULE', 'PACKAGE', 'WHY', 'REMEDY', 'LOCATION'],
        d.findings.map((f) => [
          f.action,
          f.severity,
          f.rule,
          `${f.ecosystem}:${packageLabel(f)}`,
          f.message,
          f.remedy ?? '',
          f.location ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}` : '',
        ]),
      ),
    );
  }
  if (d.exceptionsApplied.length > 0) {
    out.push('', 'Exceptions applied:');
    for (const a of d.exceptionsApplied) {
      out.push(
        terminalSafe(
          `  ${describeException(a.exception)}: ${a.exception.reason}${a.exception['approved-by'] ? ` (approved by ${a.exception['approved-by']})` : ''} — covers ${a.findings.map((f) => `${f.rule} on ${packageLabel(f)}`).join(', ')}`,
        ),
      );
    }
  }
  if (d.quarantineApproved.length > 0) {
    out.push('', 'Quarantine approved:');
    for (const f of d.quarantineApproved) out.push(terminalSafe(`  ${f.rule} on ${packageLabel(f)}: ${f.message}`));
  }
  if (d.notEvaluated.length > 0) {
    out.push('', 'Not evaluated:');
    for (const n of d.notEvaluated) out.push(terminalSafe(`  ${n.rule}: ${n.reason} (${n.count} package${n.count === 1 ? '' : 's'})`));
  }
  for (const w of d.warnings) out.push(terminalSafe(`warning: ${w}`));
  for (const e of d.errors) out.push(terminalSafe(`error: ${e}`));
  return `${out.join('\n')}\n`;
}
