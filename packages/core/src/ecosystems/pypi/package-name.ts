import { buildPurl } from '../../model/purl.js';

/** PEP 503 normal form: runs of `-`, `_` and `.` become one `-`, all lowercase (`Foo__Bar.baz` -> `foo-bar-baz`). */
export function normalizePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** `pkg:pypi/<normalised name>@<version>`; the version is left out when the lockfile pins none. */
export function pypiPurl(name: string, version: string): string {
  return buildPurl('pypi', undefined, normalizePypiName(name), version || undefined);
}

