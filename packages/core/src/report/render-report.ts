import { LockwardenError } from '../errors.js';
import { redactSecrets } from '../log/redact.js';
import { renderJsonReport } from './json-report.js';
import { renderMarkdownReport, type MarkdownOptions } from './markdown-report.js';
import type { ReportInput } from './report-input.js';
import { renderSarifReport } from './sarif-report.js';
import { renderTableReport } from './table-report.js';

/** The report formats; `--format` choices derive from this list. */
export const REPORT_FORMATS = ['table', 'json', 'markdown', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Renders a decision in one of the report formats. The result is redacted (`redactSecrets`): error text names the
 * URLs that failed, and those may carry credentials. Markdown escapes its fields, so `escapeMarkdown` redacts first.
 */
export function renderReport(format: ReportFormat, input: ReportInput, options: { markdown?: MarkdownOptions } = {}): string {
  return redactSecrets(renderUnredacted(format, input, options));
}

function renderUnredacted(format: ReportFormat, input: ReportInput, options: { markdown?: MarkdownOptions }): string {
  switch (format) {
    case 'table':
      return renderTableReport(input);
    case 'json':
      return renderJsonReport(input);
    case 'markdown':
      return renderMarkdownReport(input, options.markdown);
    case 'sarif':
      return renderSarifReport(input);
    default:
      throw new LockwardenError('USAGE_ERROR', `unknown report format "${String(format)}"`);
  }
}
