import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEcosystemPlugin, loadLockfileParser, normalizePackageName, ParseError, type Inventory } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../../helpers/conformance.js';
import { checkTypedFailures, mutations } from '../../helpers/mutate-input.js';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('composer.lock');
const parse = (text: string, related: Record<string, string> = {}): Inventory =>
  parser.parse(text, 'app/composer.lock', { readRelated: (rel) => related[rel] });

const parseError = (text: string): ParseError => errorOf(() => parse(text));

const LOCK = `{
    "content-hash": "439b16dd5df2e0730bd1cc4352654d09",
    "packages": [
        {
            "name": "Monolog/Monolog",
            "version": "3.5.0",
            "source": { "type": "git", "url": "https://github.com/Seldaek/monolog.git", "reference": "C915E2634718DBC8A4A15C61B0E62E7A44E14448" },
            "dist": { "type": "zip", "url": "https://api.github.com/repos/Seldaek/monolog/zipball/c915e2634718dbc8a4a15c61b0e62e7a44e14448", "reference": "c915e2634718dbc8a4a15c61b0e62e7a44e14448", "shasum": "" },
            "require": { "php": ">=8.1", "ext-json": "*", "psr/log": "^2.0 || ^3.0" },
            "type": "library",
            "license": ["MIT"],
            "authors": [{ "name": "Jordi Boggiano" }]
        },
        {
            "name": "psr\\/log",
            "version": "3.0.0",
            "dist": { "type": "zip", "url": "https://packages.example.org/psr-log-3.0.0.zip", "shasum": "FE5EA303B0887D5CAEFD3D431C3E61AD47037001" },
            "license": ["MIT", "Apache-2.0"]
        },
        {
            "name": "drupal/tfa",
            "version": "2.0.0-alpha4",
            "source": { "type": "git", "url": "https://git.drupalcode.org/project/tfa.git", "reference": "2.0.0-alpha4" },
            "type": "composer-plugin"
        }
    ],
    "packages-dev": [
        {
            "name": "phpunit/phpunit",
            "version": "10.5.0",
            "dist": { "type": "path", "url": "../phpunit" },
            "require": { "monolog/monolog": "^3" }
        }
    ]
}
`;

describe('composer.lock parser', () => {
  it('is registered for Packagist with the composer purl type and lowercase names', () => {
    expect(getEcosystemPlugin('Packagist').purlType).toBe('composer');
    expect(normalizePackageName('Packagist', 'Monolog/Monolog')).toBe('monolog/monolog');
  });

  it('reads packages and packages-dev with sources, hashes, licenses, plugins and edges', () => {
    const inv = parse(LOCK);
    expect(inv.packages.map((p) => `${p.id} [${p.scopes.join(',')}] direct=${p.direct} line=${p.location.line}`)).toEqual([
      'monolog/monolog@3.5.0 [] direct=false line=5',
      'psr/log@3.0.0 [] direct=false line=15',
      'drupal/tfa@2.0.0-alpha4 [] direct=true line=21',
      'phpunit/phpunit@10.5.0 [dev] direct=true line=29',
    ]);
    const [monolog, log, tfa, phpunit] = inv.packages;
    expect(monolog?.source).toEqual({ kind: 'git', url: 'https://github.com/Seldaek/monolog.git', commit: 'c915e2634718dbc8a4a15c61b0e62e7a44e14448' });
    expect(monolog?.integrity).toEqual([]);
    expect(monolog?.license).toBe('MIT');
    expect(monolog?.purl).toBe('pkg:composer/monolog/monolog@3.5.0');
    expect(log?.source).toEqual({ kind: 'tarball', url: 'https://packages.example.org/psr-log-3.0.0.zip' });
    expect(log?.integrity).toEqual([{ algorithm: 'sha1', value: 'fe5ea303b0887d5caefd3d431c3e61ad47037001' }]);
    expect(log?.license).toBe('(MIT OR Apache-2.0)');
    expect(tfa?.source).toEqual({ kind: 'git', url: 'https://git.drupalcode.org/project/tfa.git', ref: '2.0.0-alpha4' });
    expect(tfa?.hasInstallScript).toBe(true);
    expect(phpunit?.source).toEqual({ kind: 'path', path: '../phpunit' });
    expect(inv.edges).toEqual([
      { from: 'monolog/monolog@3.5.0', to: 'psr/log@3.0.0' },
      { from: 'phpunit/phpunit@10.5.0', to: 'monolog/monolog@3.5.0' },
      { from: '.', to: 'drupal/tfa@2.0.0-alpha4' },
      { from: '.', to: 'phpunit/phpunit@10.5.0' },
    ]);
  });

  it('takes direct packages from the sibling composer.json when it can be read', () => {
    const inv = parse(LOCK, { 'composer.json': '{"require": {"monolog/monolog": "^3.5", "php": ">=8.1"}, "require-dev": {"PHPUnit/PHPUnit": "^10"}}' });
    expect(inv.packages.filter((p) => p.direct).map((p) => p.name)).toEqual(['monolog/monolog', 'phpunit/phpunit']);
    const broken = parse(LOCK, { 'composer.json': '{"require": ' });
    expect(broken.packages.filter((p) => p.direct).map((p) => p.name)).toEqual(['drupal/tfa', 'phpunit/phpunit']);
  });

  it('rejects malformed lockfiles with a located ParseError', () => {
    expect(parseError('null').message).toBe('app/composer.lock:1:1: not a composer.lock: the top level must be an object');
    expect(parseError('this is not json!').line).toBe(1);
    expect(parseError('{\n  "packages": [\n    {"name": "a/b", "version": "1.0.0"},\n').line).toBe(4);
    expect(parseError('{\n  "packages": {"name": "a/b"}\n}').message).toBe('app/composer.lock:2: "packages" must be an array');
    expect(parseError('{\n  "packages": [\n    {"name": "a/b"}\n  ]\n}').message).toBe('app/composer.lock:3: packages[0]: missing or invalid "version"');
    expect(parseError('{"packages-dev": [{"name": "no-vendor", "version": "1.0"}]}').reason).toBe(
      'packages-dev[0]: missing or invalid "name" (expected vendor/package)',
    );
    expect(parseError('{"packages": [{"name": "a/b", "version": "1", "require": []}]}').reason).toBe('packages[0]: "require" must be an object');
    expect(parseError(`{"packages": ${'['.repeat(100_000)}`).line).toBe(1);
    expect(parseError('\u0000\u0001PK\u0003\u0004binary').line).toBe(1);
  });

  it('keeps __proto__ keys as data and handles an enormous line', () => {
    const inv = parse('{"__proto__": {"polluted": true}, "packages": [{"name": "a/b", "version": "1.0.0", "require": {"__proto__": "*"}}]}');
    expect(inv.packages).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const long = parse(`{"packages": [{"name": "a/b", "version": "1.0.0", "description": "${'x'.repeat(5_000_000)}"}]}`);
    expect(long.packages[0]?.location.line).toBe(1);
  });

  it.skipIf(!conformanceAvailable())('never throws anything but a located ParseError on 2,000 mutated corpus files', () => {
    const dir = join(CONFORMANCE_DIR, 'lockfiles/php/composerlock/testdata');
    const seeds = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const inputs = mutations(seeds, 2000, 31);
    const result = checkTypedFailures(inputs, (text) => parse(text));
    expect(result.problems).toEqual([]);
    expect(result.rejected).toBeGreaterThan(0);
  });
});
