/**
 * fetch refuses URLs with credentials (`https://user:pw@mirror/`); npm, pip and curl send them as HTTP basic auth
 * instead, and so do lockwarden's clients. The URL without its userinfo, and the header to send, if any.
 */
export function splitUrlCredentials(url: string): { url: string; authorization?: string } {
  if (!url.includes('@')) return { url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  if (parsed.username === '' && parsed.password === '') return { url };
  const user = safeDecode(parsed.username);
  const password = safeDecode(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.href, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** Userinfo is percent-encoded in a URL; a stray `%` is taken literally, as pip does. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
