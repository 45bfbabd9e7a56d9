import { redactSecrets } from '../log/redact.js';

/**
 * Package names, versions and advisory text come from strangers. In a PR comment they must render as
 * plain text: no tables broken by `|`, no HTML, no links or images, no @mentions or #references that notify.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#!|~&:]/g;

/** Escapes text for inline use in GitHub/GitLab-flavoured markdown, including inside table cells. */
export function escapeMarkdown(text: string): string {
  return (
    // Redacted before escaping: once `:` and `@` are entities no later pass can recognise a URL's credentials.
    redactSecrets(text)
      .replace(/[\r\n\t]+/g, ' ')
      // Control characters carry no meaning for a reviewer and can hide text.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(MARKDOWN_SPECIAL, (c) => `&#${c.charCodeAt(0)};`)
      // Mentions and references are resolved after entity decoding, so break them with a zero-width space.
      .replace(/@/g, '@\u200b')
  );
}

/** Wraps text in a code span that its own backticks cannot end, for names a reviewer may copy. */
export function markdownCode(text: string): string {
  const clean = redactSecrets(text).replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  // Inside a table a code span still ends the cell at `|`, so pipes are escaped there too.
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}
