/**
 * ` (CODE: message)` of an error's cause, or `''`. fetch rejects with a bare "fetch failed"; what went wrong (a
 * refused connection, a certificate the runtime does not trust, a name that does not resolve) is only in its cause.
 */
export function causeSuffix(err: Error): string {
  const cause = err.cause;
  if (!(cause instanceof Error)) return '';
  const rawCode = (cause as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const message = cause.message !== err.message ? cause.message : '';
  if (code && message && !message.includes(code)) return ` (${code}: ${message})`;
  return message || code ? ` (${message || code})` : '';
}
