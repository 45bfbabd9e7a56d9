import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { SourceUnavailableError } from '../errors.js';

/** A JSON Schema (draft-07 subset) describing the part of a remote document lockwarden relies on. */
export type JsonSchema = Record<string, unknown>;

/**
 * A remote answered 200 with a document of the wrong shape (`{}`, an HTML error page parsed as JSON, an API
 * change). It is an outage of that source, never an answer: a registry saying `{}` does not mean "no such package".
 */
export class UnexpectedResponseError extends SourceUnavailableError {
  override readonly name: string = 'UnexpectedResponseError';
}

let ajv: Promise<Ajv> | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Ajv is loaded on the first remote document, not at import: a command that never talks to a registry pays
 * nothing for it (module loading time is part of every CLI run).
 */
function loadAjv(): Promise<Ajv> {
  ajv ??= import('ajv').then((mod) => {
    // Node gives the CommonJS module's named export; a bundler's interop may give it only under `default`.
    const loaded = mod as unknown as { Ajv?: typeof Ajv; default?: typeof Ajv | { Ajv?: typeof Ajv } };
    const fromDefault = loaded.default;
    const AjvClass = loaded.Ajv ?? (typeof fromDefault === 'function' ? fromDefault : fromDefault?.Ajv);
    if (!AjvClass) throw new Error('the ajv module exports no Ajv class');
    return new AjvClass({ allErrors: false, strict: false, validateSchema: false });
  });
  return ajv;
}

/**
 * Checks `doc` against `schema` (compiled once per process) and throws `UnexpectedResponseError` naming the
 * source, the document and the first mismatch when it does not fit.
 */
export async function checkShape(schema: JsonSchema, doc: unknown, source: string, what: string): Promise<void> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = (await loadAjv()).compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(doc)) return;
  throw new UnexpectedResponseError(source, `${what}: unexpected response shape (${describeError(validate.errors?.[0])})`);
}

function describeError(error: ErrorObject | undefined): string {
  if (!error) return 'does not match the expected schema';
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  // Ajv's messages ("must have required property 'versions'") are data-free; the path may hold a remote key,
  // so it is cut short.
  return `${where.length > 80 ? `${where.slice(0, 80)}…` : where} ${error.message ?? 'is invalid'}`;
}
