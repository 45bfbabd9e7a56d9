import type { EcosystemPlugin } from '../types.js';
import { gradleLockfileParser } from './gradle-lockfile.js';
import { pomXmlParser } from './pom-xml.js';
import { compareMavenVersions } from './version.js';

/** Maven Central and Gradle builds: names are `groupId:artifactId`, ordered by Maven's ComparableVersion. */
export const mavenPlugin: EcosystemPlugin = {
  ecosystem: 'Maven',
  purlType: 'maven',
  parsers: [gradleLockfileParser, pomXmlParser],
  compareVersions: compareMavenVersions,
  // Maven coordinates are case-sensitive; `group:artifact` is already canonical.
  normalizeName: (name) => name,
};
