import { PackageURL } from 'packageurl-js';
import { LockwardenError, ParseError } from '../errors.js';

/** A name or version no purl can hold (an empty name, a lone surrogate). Parsers report it at the entry's line. */
export class InvalidPurlError extends LockwardenError {
  override readonly name = 'InvalidPurlError';

  constructor(reason: string, options?: { cause?: unknown }) {
    super('PARSE_ERROR', reason, options);
  }
}

// In unicode mode a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Builds a canonical purl string with packageurl-js (its encoding and type-specific normalisation,
 * e.g. lowercase pypi names, are the spec's, not ours). Throws `InvalidPurlError`, never packageurl-js's plain
 * errors or the `URIError` of `encodeURIComponent`.
 */
export function buildPurl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  qualifiers?: Record<string, string>,
  subpath?: string,
): string {
  if (name.trim() === '') throw new InvalidPurlError('empty package name');
  const parts = [namespace, name, version, subpath, ...Object.entries(qualifiers ?? {}).flat()];
  if (parts.some((part) => part !== undefined && LONE_SURROGATE.test(part))) {
    throw new InvalidPurlError(`package ${JSON.stringify(name)} ${JSON.stringify(version ?? '')} holds an unpaired surrogate`);
  }
  try {
    return new PackageURL(type, namespace || undefined, name, version || undefined, qualifiers, subpath).toString();
  } catch (err) {
    throw new InvalidPurlError(`not a valid package: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/**
 * Runs `build` for one lockfile or manifest entry; an `InvalidPurlError` becomes a `ParseError` at the entry's
 * line, since an entry that is not a valid package is bad input, not a package to judge.
 */
export function atEntry<T>(file: string, line: number | undefined, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof InvalidPurlError) throw new ParseError(file, err.message, { line }, { cause: err });
    throw err;
  }
}

export interface ParsedPurl {
  type: string;
  namespace: string | undefined;
  name: string;
  version: string | undefined;
  qualifiers: Record<string, string> | undefined;
  subpath: string | undefined;
}

/** Parses a purl string; throws a `LockwardenError` with code USAGE_ERROR when it is not one. */
export function parsePurl(purl: string): ParsedPurl {
  const p = PackageURL.fromString(purl);
  return {
    type: p.type,
    namespace: p.namespace ?? undefined,
    name: p.name,
    version: p.version ?? undefined,
    qualifiers: (p.qualifiers as Record<string, string> | undefined) ?? undefined,
    subpath: p.subpath ?? undefined,
  };
}
