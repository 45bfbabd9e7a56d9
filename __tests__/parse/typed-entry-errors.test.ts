import { describe, expect, it } from 'vitest';
import { allLockfileParsers, allManifestParsers, buildPurl, InvalidPurlError, versionFromFilename } from '@lockwarden/core';
import { errorOf } from '../helpers/errors.js';

const manifestParsers = new Map((await allManifestParsers()).map((p) => [p.id, p]));
const lockfileParsers = new Map((await allLockfileParsers()).map((p) => [p.id, p]));
const manifest = (id: string) => {
  const parser = manifestParsers.get(id);
  if (!parser) throw new Error(`no manifest parser ${id}`);
  return (text: string) => parser.parse(text, id);
};
const lockfile = (id: string) => {
  const parser = lockfileParsers.get(id);
  if (!parser) throw new Error(`no lockfile parser ${id}`);
  return (text: string) => parser.parse(text, id);
};

const LONE = '\ud800';
const LONG = 'b'.repeat(40_000);

describe('entries that are not valid packages are ParseErrors at their line', () => {
  it('package.json: an empty dependency name', () => {
    const err = errorOf(() => manifest('package.json')('{\n  "dependencies": {\n    "": ""\n  }\n}\n'));
    expect(err.reason).toBe('empty package name');
    expect(err.line).toBe(3);
  });

  it('package.json: a lone surrogate in a name', () => {
    const err = errorOf(() => manifest('package.json')(`{"dependencies": {"a\\ud800": "1.0.0"}}`));
    expect(err.reason).toMatch(/unpaired surrogate/);
    expect(err.line).toBe(1);
  });

  it('composer.json: a lone surrogate in a name', () => {
    const err = errorOf(() => manifest('composer.json')(`{\n"require": {\n"a/b${LONE}": "^1.0"\n}\n}`));
    expect(err.reason).toMatch(/unpaired surrogate/);
    expect(err.line).toBe(3);
  });

  it('Pipfile.lock: a lone surrogate in a name and in a version', () => {
    const name = errorOf(() => lockfile('Pipfile.lock')(`{"_meta": {}, "default": {"a\\ud800": {"version": "==1.0"}}}`));
    expect(name.reason).toMatch(/unpaired surrogate/);
    const version = errorOf(() => lockfile('Pipfile.lock')(`{"_meta": {}, "default": {"a": {"version": "==1.0\\ud800"}}}`));
    expect(version.reason).toMatch(/unpaired surrogate/);
    expect(version.line).toBe(1);
  });

  it('pdm.lock: a lone surrogate in a name (text handed in through the API)', () => {
    const err = errorOf(() => lockfile('pdm.lock')(`[metadata]\n\n[[package]]\nname = "a${LONE}"\nversion = "1.0"\n`));
    expect(err.reason).toMatch(/unpaired surrogate/);
    expect(err.line).toBe(3);
  });

  it('buildPurl throws its own typed error, never packageurl-js errors or URIError', () => {
    expect(() => buildPurl('npm', undefined, '', '1.0.0')).toThrow(InvalidPurlError);
    expect(() => buildPurl('npm', undefined, 'a', `1${LONE}`)).toThrow(InvalidPurlError);
    expect(() => buildPurl('npm', `@x${LONE}`, 'a', '1')).toThrow(InvalidPurlError);
    expect(buildPurl('npm', undefined, 'emoji-\u{1F600}', '1.0.0')).toBe('pkg:npm/emoji-%F0%9F%98%80@1.0.0');
  });
});

describe('data is never compiled into a regular expression', () => {
  it('composer.json: a 40,000-character package name', () => {
    const deps = manifest('composer.json')(`{\n"require": {\n"php": ">=8",\n"a/${LONG}": "^1.0"\n}\n}`);
    expect(deps.map((d) => [d.name.length, d.location?.line])).toEqual([[40_002, 4]]);
  });

  it('composer.lock: a 40,000-character package name', () => {
    const text = JSON.stringify({ packages: [{ name: `a/${LONG}`, version: '1.0.0' }], 'packages-dev': [] }, null, 2);
    const inventory = lockfile('composer.lock')(text);
    expect(inventory.packages.map((p) => [p.name.length, p.location?.line])).toEqual([[40_002, 4]]);
  });

  it('pyproject.toml: a 40,000-character key and table name', () => {
    const text = `[tool.poetry.dependencies]\npython = "^3.9"\n${LONG} = "^1.0"\n\n[tool.poetry.group.${LONG}.dependencies]\nrequests = "*"\n`;
    const deps = manifest('pyproject.toml')(text);
    expect(deps.map((d) => [d.name.length, d.location?.line])).toEqual([
      [40_000, 3],
      [8, 6],
    ]);
  });

  it('registry file names: a name with pattern characters is compared as text', () => {
    expect(versionFromFilename('a.b', 'a_b-1.0.tar.gz')).toBe('1.0');
    expect(versionFromFilename('a.b', 'axb-1.0.tar.gz')).toBeUndefined();
    expect(versionFromFilename('(x+)+', '(x+)+-2.0-py3-none-any.whl')).toBe('2.0');
    expect(versionFromFilename(LONG, `${LONG}-3.0.zip`)).toBe('3.0');
  });
});
