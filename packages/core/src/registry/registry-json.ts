import { checkShape, UnexpectedResponseError, type JsonSchema } from '../http/response-shape.js';

/**
 * Parses a registry's JSON answer and checks its shape. Both failures are `UnexpectedResponseError` (a source
 * failure, exit 2): a body that is not JSON or not the documented shape says nothing about the package.
 */
export async function parseRegistryJson<T = Record<string, unknown>>(body: string, schema: JsonSchema, source: string, what: string): Promise<T> {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new UnexpectedResponseError(source, `${what} is not JSON`);
  }
  await checkShape(schema, doc, source, what);
  return doc as T;
}

/** A `BodyCheck` for `RegistryFetcher.get`: the body parsed as JSON and checked against `schema`. */
export function jsonBody(schema: JsonSchema, source: string, what: string): (body: string) => Promise<unknown> {
  return (body) => parseRegistryJson(body, schema, source, what);
}
