import { LockwardenError } from '../errors.js';
import { ECOSYSTEM_PLUGINS, ecosystemForPurlType } from '../ecosystems/registry.js';
import { parsePurl } from '../model/purl.js';
import type { Package, PackageRef } from '../model/package.js';

/** The parts of a package an advisory source needs; git pins contribute their commit. */
export function toPackageRef(pkg: Package): PackageRef {
  const ref: PackageRef = { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version };
  if (pkg.purl) ref.purl = pkg.purl;
  if (pkg.source.kind === 'git' && pkg.source.commit) ref.commit = pkg.source.commit;
  return ref;
}

/**
 * The package a versioned purl names, as an advisory source wants it (`pkg:npm/%40scope/name@1.0.0`,
 * `pkg:pypi/h11@0.14.0`). Throws USAGE_ERROR for a purl without a version or of a type lockwarden does not know.
 */
export function packageRefFromPurl(purl: string): PackageRef {
  let parsed: ReturnType<typeof parsePurl>;
  try {
    parsed = parsePurl(purl);
  } catch (err) {
    throw new LockwardenError('USAGE_ERROR', `not a package URL: "${purl}" (${err instanceof Error ? err.message : String(err)})`);
  }
  const plugin = [...ECOSYSTEM_PLUGINS.values()].find((p) => p.purlType === parsed.type);
  const ecosystem = plugin?.ecosystem ?? ecosystemForPurlType(parsed.type);
  if (!ecosystem) throw new LockwardenError('USAGE_ERROR', `unsupported purl type "${parsed.type}" in "${purl}"`);
  if (!parsed.version) throw new LockwardenError('USAGE_ERROR', `"${purl}" has no version (write it as ${purl}@VERSION)`);
  const separator = ecosystem === 'Maven' ? ':' : '/';
  const name = parsed.namespace ? `${parsed.namespace}${separator}${parsed.name}` : parsed.name;
  return { ecosystem, name, version: parsed.version, purl };
}
