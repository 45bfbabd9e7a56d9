import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { compareMavenVersions } from './version.js';

/** Maven Central and Gradle builds: names are `groupId:artifactId`, ordered by Maven's ComparableVersion. */
export const mavenPlugin: EcosystemPlugin = {
  ecosystem: 'Maven',
  purlType: 'maven',
  lockfiles: [
    lockfileFormat(
      { id: 'gradle.lockfile', ecosystem: 'Maven', fileNames: ['gradle.lockfile', 'buildscript-gradle.lockfile'], conformance: ['java/gradlelockfile'] },
      async () => (await import('./gradle-lockfile.js')).gradleLockfileParser,
    ),
    lockfileFormat(
      { id: 'pom.xml', ecosystem: 'Maven', fileNames: ['pom.xml'], conformance: ['java/pomxml'] },
      async () => (await import('./pom-xml.js')).pomXmlParser,
    ),
  ],
  compareVersions: compareMavenVersions,
  // Maven coordinates are case-sensitive; `group:artifact` is already canonical.
  normalizeName: (name) => name,
};
