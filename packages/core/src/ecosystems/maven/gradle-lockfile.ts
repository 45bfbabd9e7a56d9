import { ParseError } from '../../errors.js';
import type { Package } from '../../model/package.js';
import { stripBom } from '../../parse/json.js';
import type { LockfileParser } from '../types.js';
import { mavenPackage } from './maven-package.js';

/** Configurations that only feed tests; a dependency locked only in these is a test dependency. */
function isTestConfiguration(name: string): boolean {
  return /^test[A-Z]/.test(name) || name === 'test' || /^(integrationTest|functionalTest)/.test(name);
}

/** Configurations that only matter while building (annotation processors, dev-only tooling). */
function isBuildOnlyConfiguration(name: string): boolean {
  return /(^a|A)nnotationProcessor$/.test(name) || /^kapt/.test(name) || name === 'developmentOnly' || /^ksp/.test(name);
}

/** Offset of the first control character (other than tab/CR) or U+FFFD (undecodable bytes), or -1. */
function binaryOffset(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0xfffd) return i;
  }
  return -1;
}

function scopesFor(configurations: string[]): string[] {
  if (configurations.length === 0) return [];
  if (configurations.every(isTestConfiguration)) return ['test'];
  if (configurations.every((c) => isTestConfiguration(c) || isBuildOnlyConfiguration(c))) return ['dev'];
  return [];
}

/**
 * Gradle's dependency lock state (`gradle.lockfile`, `gradle/dependency-locks/*.lockfile`): one
 * `group:artifact:version=configuration,...` line per module. Lines that are not coordinates are skipped, as
 * Gradle and the peer extractor do (`empty=` lists configurations without dependencies); binary content is
 * rejected so a misdetected file is not read as "no dependencies".
 */
export const gradleLockfileParser: LockfileParser = {
  id: 'gradle.lockfile',
  ecosystem: 'Maven',
  fileNames: ['gradle.lockfile', 'buildscript-gradle.lockfile'],
  conformance: ['java/gradlelockfile'],
  parse(text, path) {
    const lines = stripBom(text).split('\n');
    const packages: Package[] = [];
    lines.forEach((raw, index) => {
      const line = raw.trim();
      const binary = binaryOffset(raw);
      if (binary >= 0) {
        throw new ParseError(path, 'binary content in a Gradle lockfile', { line: index + 1, column: binary + 1 });
      }
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const coordinates = eq >= 0 ? line.slice(0, eq) : line;
      const parts = coordinates.split(':');
      if (parts.length !== 3 || parts.some((p) => p === '' || /\s/.test(p))) return;
      const [group, artifact, version] = parts as [string, string, string];
      const configurations = eq >= 0 ? line.slice(eq + 1).split(',').filter((c) => c !== '') : [];
      packages.push(
        mavenPackage({
          group,
          artifact,
          version,
          // The lock state does not say which modules the build script declares.
          direct: false,
          scopes: scopesFor(configurations),
          location: { file: path, line: index + 1 },
        }),
      );
    });
    return { lockfile: path, format: 'gradle.lockfile', ecosystem: 'Maven', packages, projects: [] };
  },
};
