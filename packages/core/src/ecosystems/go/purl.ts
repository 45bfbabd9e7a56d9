import { buildPurl } from '../../model/purl.js';

/**
 * `pkg:golang/<namespace>/<name>@v<version>`: the module path is split at its last `/`, and the version keeps
 * Go's `v` (the purl convention), although lockwarden stores Go versions without it. The Go standard library
 * (`stdlib`) is versioned by Go release (`1.17`), which is not a module version, so it stays as written.
 */
export function goPurl(path: string, version: string | undefined): string {
  const slash = path.lastIndexOf('/');
  const namespace = slash > 0 ? path.slice(0, slash) : undefined;
  const name = slash > 0 ? path.slice(slash + 1) : path;
  if (!version) return buildPurl('golang', namespace, name, undefined);
  const v = path === 'stdlib' || version.startsWith('v') ? version : `v${version}`;
  return buildPurl('golang', namespace, name, v);
}
