/**
 * Quotes a piece of untrusted input for an error message: JSON-escaped (no raw control characters or
 * newlines) and cut to `max` characters, so a 500k-character hostile token cannot become a 500k error.
 */
export function quoteInput(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
