import { buildPurl } from '../../model/purl.js';

/** `pkg:composer/<vendor>/<name>@<version>`; the purl spec lowercases both parts, as Packagist does. */
export function composerPurl(name: string, version: string | undefined): string {
  const slash = name.indexOf('/');
  const vendor = slash > 0 ? name.slice(0, slash) : undefined;
  return buildPurl('composer', vendor, slash > 0 ? name.slice(slash + 1) : name, version);
}
