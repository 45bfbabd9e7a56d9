import { PackageURL } from 'packageurl-js';

/**
 * Builds a canonical purl string with packageurl-js (its encoding and type-specific normalisation,
 * e.g. lowercase pypi names, are the spec's, not ours).
 */
export function buildPurl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  qualifiers?: Record<string, string>,
  subpath?: string,
): string {
  return new PackageURL(type, namespace || undefined, name, version || undefined, qualifiers, subpath).toString();
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
