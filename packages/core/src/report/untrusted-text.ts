import { redactSecrets } from '../log/redact.js';

/**
 * Package names, versions, advisory text and error messages come from strangers (a lockfile in a PR, a registry, an
 * advisory feed). Every reporter passes them through these functions: length-capped, invisible characters shown,
 * credentials redacted. The markdown-specific escaping is in `escape.ts`.
 */

/** The longest untrusted field any report prints; real names and versions are far shorter (npm allows 214). */
export const FIELD_MAX_LENGTH = 1000;

/**
 * Characters that change how text is shown without being seen: C0 and C1 controls (ESC starts terminal sequences),
 * DEL, bidi embeddings, overrides, isolates and marks (U+202E turns `exe.txt` into `txt.exe`), zero-width
 * characters and line/paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Cuts `text` to `max` characters (not inside a surrogate pair), noting the original length. */
export function capField(text: string, max: number = FIELD_MAX_LENGTH): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

/** Replaces each invisible character with a visible `<U+XXXX>`, so a reviewer sees that it is there. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** An untrusted field as plain text: redacted, capped, invisible characters made visible. Tabs and newlines too. */
export function plainText(text: string, max: number = FIELD_MAX_LENGTH): string {
  return visibleControls(capField(redactSecrets(text), max));
}
