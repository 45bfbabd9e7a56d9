export * from './escape.js';
export * from './untrusted-text.js';
export * from './report-input.js';
export * from './render-report.js';
export { renderJsonReport, JSON_REPORT_VERSION } from './json-report.js';
export { renderMarkdownReport, DEFAULT_MARKDOWN_MAX_LENGTH, type MarkdownOptions } from './markdown-report.js';
export { renderSarifReport, SARIF_SCHEMA_URI } from './sarif-report.js';
export { renderTableReport, renderColumns, terminalSafe } from './table-report.js';
