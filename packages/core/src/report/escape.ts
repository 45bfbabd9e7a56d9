import { redactSecrets } from '../log/redact.js';
import { capField, FIELD_MAX_LENGTH, visibleControls } from './untrusted-text.js';

/**
 * Package names, versions and advisory text come from strangers. In a PR comment or MR note they must render as
 * plain text: no tables broken by `|`, no HTML, no links or images, and no @mentions, #references, `!12` merge
 * requests, `GH-12`, emoji shortcodes or autolinks (`www.`, `http://`) that notify someone or look like ours.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#!|~&:@$%]/g;

/**
 * Characters that start a reference or shortcode on GitHub or GitLab (`#1`, `!1`, `@user`, `~label`, `%milestone`,
 * `$snippet`, `&epic`, `:smile:`, `https:`). References are resolved after entities are decoded, so entities alone
 * do not stop them: a zero-width space after the character does.
 */
const STARTS_REFERENCE = new Set(['#', '!', '@', '~', '%', '$', '&', ':']);

/** Escapes one markdown-special character, and breaks a reference it could start (only text can follow one). */
function escapeChar(c: string, at: number, whole: string): string {
  const escaped = c === '@' ? c : `&#${c.charCodeAt(0)};`;
  const next = whole[at + 1];
  return STARTS_REFERENCE.has(c) && next !== undefined && next !== ' ' ? `${escaped}\u200b` : escaped;
}

/**
 * Escapes text for inline use in GitHub/GitLab-flavoured markdown, including inside table cells. Redacted and capped
 * first (to `options.max` characters); tabs and newlines become a space, invisible characters a visible `<U+XXXX>`.
 * (An options object, not a number, so `list.map(escapeMarkdown)` cannot pass an index as the cap.)
 */
export function escapeMarkdown(text: string, options: { max?: number } = {}): string {
  // Redacted before escaping: once `:` and `@` are entities no later pass can recognise a URL's credentials.
  const plain = visibleControls(capField(redactSecrets(text), options.max ?? FIELD_MAX_LENGTH).replace(/[\r\n\t]+/g, ' '));
  return (
    plain
      // Extended autolinks and GitHub's `GH-12` need no special character, so they are broken where they start.
      .replace(/\b(www)\./gi, '$1\u200b.')
      .replace(/\b(GH)-(?=\d)/gi, '$1\u200b-')
      .replace(MARKDOWN_SPECIAL, escapeChar)
  );
}

/**
 * Wraps text in a code span that its own backticks cannot end, for names a reviewer may copy. Inside a code span
 * nothing is a link or reference; it is redacted, capped and its invisible characters are made visible.
 */
export function markdownCode(text: string, options: { max?: number } = {}): string {
  const clean = visibleControls(capField(redactSecrets(text), options.max ?? FIELD_MAX_LENGTH).replace(/[\r\n]+/g, ' '));
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  // Inside a table a code span still ends the cell at `|`, so pipes are escaped there too.
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}
