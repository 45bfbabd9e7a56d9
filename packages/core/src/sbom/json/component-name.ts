import { parsePurl } from '../../model/purl.js';
import { GROUPED_PURL_TYPES } from '../bom-terms.js';

/** CycloneDX `group` and `name` of a component. */
export interface GroupAndName {
  group: string | undefined;
  name: string;
}

const encodeNamespace = (s: string): string => encodeURIComponent(s).replace(/%3A/g, ':').replace(/%2F/g, '/');
const encodeVersion = (s: string): string => encodeURIComponent(s).replace(/%3A/g, ':').replace(/%2B/g, '+');
/** A type as packageurl-js writes it (lowercase, nothing to decode). */
const CANONICAL_TYPE = /^[a-z][a-z0-9.+-]*$/;
/** purl types whose namespace and name packageurl-js lowercases. */
const LOWERCASED = new Set(['npm', 'composer']);

/**
 * `group` and `name` for a package with a registry purl: for npm, Maven and composer the purl's namespace is the
 * group and its name the name; other ecosystems keep the package's whole name.
 *
 * The parsers build purls with packageurl-js, so a purl is usually canonical: `pkg:TYPE/NAMESPACE/NAME@VERSION`
 * exactly as packageurl-js writes it. Such a purl is split and percent-decoded here (what `PackageURL.fromString`
 * would give back, without a WHATWG URL per package); any other shape (qualifiers, a subpath, encodings or case
 * packageurl-js would normalise) goes through packageurl-js.
 */
export function groupAndName(purl: string, packageName: string): GroupAndName {
  const slash = purl.indexOf('/');
  const type = purl.startsWith('pkg:') && slash > 4 ? purl.slice(4, slash) : undefined;
  if (type !== undefined && CANONICAL_TYPE.test(type)) {
    if (!GROUPED_PURL_TYPES.has(type)) return { group: undefined, name: packageName };
    const parts = canonicalParts(type, purl.slice(slash + 1));
    if (parts) return parts.namespace ? { group: parts.namespace, name: parts.name } : { group: undefined, name: packageName };
  }
  const parsed = parsePurl(purl);
  return GROUPED_PURL_TYPES.has(parsed.type) && parsed.namespace ? { group: parsed.namespace, name: parsed.name } : { group: undefined, name: packageName };
}

/** Namespace and name of `NAMESPACE/NAME@VERSION` when packageurl-js wrote it so; `undefined` otherwise. */
function canonicalParts(type: string, rest: string): { namespace: string | undefined; name: string } | undefined {
  if (rest.includes('?') || rest.includes('#')) return undefined;
  const at = rest.indexOf('@');
  const path = at < 0 ? rest : rest.slice(0, at);
  if (at >= 0) {
    const version = decode(rest.slice(at + 1));
    if (version === undefined || version === '' || encodeVersion(version) !== rest.slice(at + 1) || version.trim() !== version) return undefined;
  }
  const lastSlash = path.lastIndexOf('/');
  const encodedName = path.slice(lastSlash + 1);
  const name = decode(encodedName);
  if (name === undefined || name === '' || encodeURIComponent(name) !== encodedName || name.trim() !== name) return undefined;
  if (lastSlash < 0) return LOWERCASED.has(type) && name.toLowerCase() !== name ? undefined : { namespace: undefined, name };
  const encodedNamespace = path.slice(0, lastSlash);
  const namespace = decode(encodedNamespace);
  if (namespace === undefined || namespace === '' || encodeNamespace(namespace) !== encodedNamespace) return undefined;
  // packageurl-js collapses empty segments and strips outer slashes of a namespace.
  if (namespace.startsWith('/') || namespace.endsWith('/') || namespace.includes('//')) return undefined;
  if (LOWERCASED.has(type) && (namespace.toLowerCase() !== namespace || name.toLowerCase() !== name)) return undefined;
  return { namespace, name };
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
