import type { Logger } from '../log/logger.js';

/** Redirects followed per request, as browsers and npm do (20 in fetch; 5 is plenty for registries and mirrors). */
export const MAX_REDIRECTS = 5;

/** Headers that are safe to send to any origin; everything else (authorization, tokens, cookies) is a credential. */
const HEADERS_FOR_ANY_ORIGIN = new Set(['accept', 'accept-encoding', 'accept-language', 'user-agent', 'content-type']);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RedirectContext {
  /** Names the remote in log lines. */
  source: string;
  logger?: Logger;
  fetch?: typeof fetch;
}

/**
 * `fetch` with redirects followed by hand, because credentials must not travel to another origin: a registry or
 * mirror that redirects elsewhere gets the request repeated without `authorization`, tokens or cookies, and the
 * hop is reported in the log. A redirect from https to plain http is not followed at all (the answer would be
 * forgeable). 303, and 301/302 after a POST, become a GET without a body, as fetch does.
 */
export async function fetchWithRedirects(url: string, init: RequestInit & { headers: Record<string, string> }, context: RedirectContext): Promise<Response> {
  const doFetch = context.fetch ?? globalThis.fetch;
  let current = url;
  let headers: Record<string, string> = { ...init.headers };
  let method = init.method ?? 'GET';
  let body = init.body;
  for (let hop = 0; ; hop++) {
    const response = await doFetch(current, { ...init, method, headers, body: body ?? null, redirect: 'manual' });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects from ${safeUrl(url)}`);
    const next = new URL(location, current);
    const from = new URL(current);
    if (from.protocol === 'https:' && next.protocol !== 'https:') {
      throw new RedirectError(`${safeUrl(current)} redirected to ${safeUrl(next.href)}, from https to ${next.protocol.replace(':', '')}; not followed`);
    }
    if (next.origin !== from.origin) {
      const dropped = Object.keys(headers).filter((h) => !HEADERS_FOR_ANY_ORIGIN.has(h.toLowerCase()));
      headers = Object.fromEntries(Object.entries(headers).filter(([h]) => HEADERS_FOR_ANY_ORIGIN.has(h.toLowerCase())));
      context.logger?.warn(
        `${context.source}: ${safeUrl(current)} redirected to another origin (${next.origin})` +
          (dropped.length > 0 ? `; followed without credentials (${dropped.sort().join(', ')} not sent)` : '; followed'),
      );
    }
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    current = next.href;
  }
}

/** A redirect lockwarden will not follow; final, not retried. */
export class RedirectError extends Error {
  override readonly name = 'RedirectError';
}

/** A URL for log lines: userinfo, query and fragment removed (tokens travel there). */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
