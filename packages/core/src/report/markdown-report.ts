import { SEVERITIES, type Finding, type Severity } from '../findings/finding.js';
import { describeException } from '../policy/exceptions.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { packageLabel, verdictSentence, type ReportInput } from './report-input.js';

export interface MarkdownOptions {
  /**
   * Upper bound on the output length in characters. Longer reports keep the verdict and summary and shorten the
   * tables, saying how much was left out. GitHub comments take at most 65,536 characters.
   */
  maxLength?: number;
  /** Said where rows were left out, e.g. "See the job summary for the full report." */
  truncatedNote?: string;
  /** Heading level of the title (2 = `##`); sections are one level below. */
  headingLevel?: number;
}

export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;

/** Free text from packages and advisories is cut so one long string cannot crowd out the rest. */
const MAX_CELL = 300;

const SEVERITY_TITLE: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  unknown: 'Unknown severity',
};

const VERDICT_ICON = { pass: '✅', fail: '❌', error: '⚠️' } as const;

/**
 * The report a reviewer reads in a PR: verdict first, then a table per severity (package, version, rule, why,
 * remedy), the exceptions that were applied or expired, what could not be evaluated, and where the data came from.
 * Every string that came from a package, an advisory or a policy file is escaped to render as inert text.
 */
export function renderMarkdownReport(input: ReportInput, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const note = options.truncatedNote ?? 'Run `lockwarden check --format json` for the full list.';
  for (const limit of [Infinity, 100, 50, 25, 10, 5, 2, 0]) {
    const text = render(input, options.headingLevel ?? 2, limit, note);
    if (text.length <= maxLength) return text;
  }
  // Even the bare summary is too long (huge warnings or error text): cut at a line boundary.
  const text = render(input, options.headingLevel ?? 2, 0, note);
  const tail = `\n\n_Report cut to ${maxLength} characters. ${note}_\n`;
  const room = Math.max(0, maxLength - tail.length);
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut : room)}${tail}`.slice(0, maxLength);
}

/** An untrusted field, escaped and capped at MAX_CELL characters (with the original length noted). */
function cell(text: string | undefined): string {
  if (!text) return '';
  return escapeMarkdown(text, { max: MAX_CELL });
}

function code(text: string): string {
  return markdownCode(text, { max: MAX_CELL });
}

function render(input: ReportInput, level: number, limit: number, note: string): string {
  const d = input.decision;
  const h = (n: number) => '#'.repeat(Math.min(6, level + n));
  const out: string[] = [];
  out.push(`${h(0)} ${VERDICT_ICON[d.verdict]} lockwarden ${verdictSentence(d)}`, '');

  if (d.verdict === 'error') {
    for (const e of d.errors) out.push(`> **Could not evaluate:** ${cell(e)}`);
    out.push('> The check fails closed: an unreachable data source is not a clean result.', '');
  }
  const loud = d.warnings.filter((w) => w.startsWith('FAIL-OPEN'));
  for (const w of loud) out.push(`> [!WARNING]\n> ${cell(w)}`, '');

  const bySeverity = new Map<Severity, Finding[]>();
  for (const f of d.findings) {
    const list = bySeverity.get(f.severity) ?? [];
    list.push(f);
    bySeverity.set(f.severity, list);
  }
  for (const severity of SEVERITIES) {
    const list = bySeverity.get(severity);
    if (!list) continue;
    out.push(`${h(1)} ${SEVERITY_TITLE[severity]} (${list.length})`, '');
    out.push('| Package | Version | Rule | Action | Why | Remedy |', '|---|---|---|---|---|---|');
    for (const f of list.slice(0, limit)) {
      out.push(
        `| ${code(f.name)} | ${cell(f.version)} | ${f.rule} | ${f.action === 'block' || f.action === 'quarantine' ? `**${f.action}**` : f.action} | ${cell(f.message)} | ${cell(f.remedy)} |`,
      );
    }
    more(out, list.length - limit, 'finding', note);
    out.push('');
  }

  if (d.exceptionsApplied.length > 0) {
    out.push(`${h(1)} Exceptions applied (${d.exceptionsApplied.length})`, '');
    out.push('| Package | Rule | Reason | Expires | Approved by | Covers |', '|---|---|---|---|---|---|');
    for (const a of d.exceptionsApplied.slice(0, limit)) {
      const e = a.exception;
      out.push(
        `| ${code(e.package)} | ${cell([e.rule, e.id].filter(Boolean).join(' ') || 'any')} | ${cell(e.reason)} | ${cell(e.expires)} | ${cell(e['approved-by'])} | ${cell(a.findings.map((f) => `${f.rule} on ${packageLabel(f)}`).join(', '))} |`,
      );
    }
    more(out, d.exceptionsApplied.length - limit, 'exception', note);
    out.push('');
  }

  if (d.exceptionsExpired.length > 0) {
    out.push(`${h(1)} Expired exceptions (${d.exceptionsExpired.length})`, '');
    out.push('These no longer apply; renew them with a new date and reason, or fix the finding.', '');
    for (const x of d.exceptionsExpired.slice(0, limit)) {
      const hit = x.findings.length ? ` — no longer covers ${x.findings.map((f) => `${f.rule} on ${packageLabel(f)}`).join(', ')}` : '';
      out.push(`- ${cell(describeException(x.exception))}: ${cell(x.exception.reason)}${cell(hit)}`);
    }
    more(out, d.exceptionsExpired.length - limit, 'expired exception', note);
    out.push('');
  }

  if (d.quarantineApproved.length > 0) {
    out.push(`${h(1)} Quarantine approved (${d.quarantineApproved.length})`, '');
    for (const f of d.quarantineApproved.slice(0, limit)) out.push(`- ${code(packageLabel(f))} (${f.rule}): ${cell(f.message)}`);
    more(out, d.quarantineApproved.length - limit, 'approval', note);
    out.push('');
  }

  if (d.notEvaluated.length > 0) {
    out.push(`${h(1)} Not evaluated`, '');
    out.push('| Rule | Reason | Packages |', '|---|---|---|');
    for (const n of d.notEvaluated.slice(0, limit)) {
      const sample = n.packages.slice(0, 3).join(', ');
      out.push(`| ${n.rule} | ${cell(n.reason)} | ${n.count}${sample ? `: ${cell(sample)}${n.count > 3 ? ', …' : ''}` : ''} |`);
    }
    more(out, d.notEvaluated.length - limit, 'entry', note);
    out.push('');
  }

  // Expired exceptions have their own section above.
  const quiet = d.warnings.filter((w) => !w.startsWith('FAIL-OPEN') && !w.startsWith('exception expired:'));
  if (quiet.length > 0) {
    out.push(`${h(1)} Warnings`, '');
    for (const w of quiet.slice(0, limit)) out.push(`- ${cell(w)}`);
    more(out, quiet.length - limit, 'warning', note);
    out.push('');
  }

  const footer: string[] = [];
  if (input.policySources?.length) footer.push(`Policy: ${input.policySources.map(cell).join(' → ')}`);
  for (const src of d.data) {
    footer.push(`${src.kind === 'advisories' ? 'Advisories' : 'Registry'}: ${cell(src.source)}${src.asOf ? ` (data as of ${src.asOf.slice(0, 16).replace('T', ' ')} UTC${age(src.asOf, d.evaluatedAt)})` : ''}`);
  }
  if (input.base !== undefined) footer.push(`Compared ${cell(input.base)} → ${cell(input.head ?? 'work tree')}`);
  if (footer.length) out.push(`<sub>${footer.join(' · ')}</sub>`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** ", 3 days old" when the data is at least a day older than the decision. */
function age(asOf: string, evaluatedAt: string): string {
  const days = Math.floor((Date.parse(evaluatedAt) - Date.parse(asOf)) / 86_400_000);
  return days >= 1 ? `, ${days} day${days === 1 ? '' : 's'} old` : '';
}

function more(out: string[], hidden: number, what: string, note: string): void {
  if (hidden <= 0) return;
  out.push('', `_…and ${hidden} more ${what}${hidden === 1 ? '' : 's'} not shown. ${note}_`);
}
