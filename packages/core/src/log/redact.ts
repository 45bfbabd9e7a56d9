/**
 * Credentials travel inside URLs (`https://user:token@mirror/`, `?access_token=`), and URLs end up in log lines,
 * error messages and reports. Every logger and reporter passes its text through `redactSecrets`, so a secret
 * given in configuration is never printed, whichever path the URL took.
 */

/** Shown instead of a credential. */
export const REDACTED = '***';

/**
 * `scheme://userinfo@`: the userinfo runs to the last `@` before the host ends (`/`, `?`, `#`, whitespace or a
 * quote), as the WHATWG URL parser reads it, so a password with a raw `@` is covered too.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>`]*)@/gi;

/** `git@host` is ssh's fixed user name, not a secret; keeping it keeps git sources recognisable. */
const PUBLIC_USERS: ReadonlySet<string> = new Set(['git']);

/** Query parameters that carry credentials in the wild (registries, signed URLs, API keys). */
const SECRET_PARAM = /([?&](?:access_token|auth|authorization|token|api[_-]?key|key|password|passwd|secret|sig|signature|x-amz-signature|x-goog-signature)=)[^&#\s"'<>`]*/gi;

/** Replaces the userinfo and credential query parameters of every URL in `text` with `***`. */
export function redactSecrets(text: string): string {
  if (!text.includes('://') && !text.includes('=')) return text;
  return text
    .replace(USERINFO, (whole, scheme: string, userinfo: string) => (PUBLIC_USERS.has(userinfo) ? whole : `${scheme}${REDACTED}@`))
    .replace(SECRET_PARAM, `$1${REDACTED}`);
}

/**
 * A copy of `value` with every string passed through `redactSecrets` (objects and arrays walked, other values kept),
 * for structured reports whose renderers escape text afterwards and would hide the URL from a later pass.
 */
export function redactDeep<T>(value: T): T {
  return mapStrings(value, redactSecrets);
}

/** A copy of plain data `value` with `fn` applied to every string in it (class instances are kept as they are). */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out as T;
  }
  return value;
}
