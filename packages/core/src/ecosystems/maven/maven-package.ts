import type { Location, Package, Scope } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';

/** A Maven package as every Maven-family parser reports it: name `group:artifact`, purl `pkg:maven/group/artifact@v`. */
export function mavenPackage(input: {
  group: string;
  artifact: string;
  version: string;
  direct: boolean;
  scopes: Scope[];
  location: Location;
}): Package {
  const name = `${input.group}:${input.artifact}`;
  return {
    id: `${name}@${input.version}`,
    ecosystem: 'Maven',
    name,
    version: input.version,
    purl: buildPurl('maven', input.group, input.artifact, input.version),
    direct: input.direct,
    scopes: input.scopes,
    integrity: [],
    source: { kind: 'registry' },
    location: input.location,
  };
}
