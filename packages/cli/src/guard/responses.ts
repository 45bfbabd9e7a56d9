import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An error as npm-style clients print it: `{"error": "..."}` (npm appends `body.error` to its own error line).
 * Sent only when nothing was written yet.
 */
export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

/** A document with an ETag; a client's matching `If-None-Match` gets 304 without the body. */
export function sendBody(req: IncomingMessage, res: ServerResponse, body: Buffer, contentType: string, etag: string): void {
  // The judgement can change with the clock (release age), so clients must revalidate instead of caching blindly.
  const headers = { 'content-type': contentType, etag, 'cache-control': 'no-cache' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': body.byteLength });
  res.end(req.method === 'HEAD' ? undefined : body);
}
