import { ParseError } from '../../errors.js';
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
  let purl: string;
  try {
    purl = buildPurl('maven', input.group, input.artifact, input.version);
  } catch (err) {
    throw new ParseError(input.location.file, `"${name}" is not a valid Maven coordinate`, input.location, { cause: err });
  }
  return {
    id: `${name}@${input.version}`,
    ecosystem: 'Maven',
    name,
    version: input.version,
    purl,
    direct: input.direct,
    scopes: input.scopes,
    integrity: [],
    source: { kind: 'registry' },
    location: input.location,
  };
}
