import { SourceUnavailableError } from '../errors.js';

/**
 * The one cap on a JSON document from any remote (OSV, every registry, the GitLab API). The largest real documents
 * are npm packuments of very busy packages (~30 MB); anything far beyond is a fault or an attack, and reading it
 * whole would cost a multiple of its size in memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The cap on a file download (OSV's per-ecosystem `all.zip` exports are a few hundred MB at most). */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** A remote sent (or announced) more bytes than allowed. Final: retrying would fetch the same body again. */
export class ResponseTooLargeError extends SourceUnavailableError {
  override readonly name: string = 'ResponseTooLargeError';
  readonly limitBytes: number;

  constructor(source: string, what: string, limitBytes: number) {
    super(source, `${what}: response is larger than the ${formatBytes(limitBytes)} allowed`);
    this.limitBytes = limitBytes;
  }
}

/** Refuses a response whose `Content-Length` already exceeds the cap, before a byte of the body is read. */
export async function refuseDeclaredOversize(response: Response, limitBytes: number, source: string, what: string): Promise<void> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(source, what, limitBytes);
  }
}

/**
 * Reads a body as text, counting bytes as they stream in and cancelling the stream the moment the cap is passed,
 * so an oversize body (declared or not, compressed or not) never sits in memory whole.
 */
export async function readCappedText(response: Response, limitBytes: number, source: string, what: string): Promise<string> {
  await refuseDeclaredOversize(response, limitBytes, source, what);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(source, what, limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  return `${n} bytes`;
}
