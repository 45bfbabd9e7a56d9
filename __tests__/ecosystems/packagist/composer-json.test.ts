import { describe, expect, it } from 'vitest';
import { allManifestParsers, ParseError } from '@lockwarden/core';

const manifest = (await allManifestParsers()).find((m) => m.id === 'composer.json');
const parse = (text: string) => manifest!.parse(text, 'composer.json');

describe('composer.json manifest parser', () => {
  it('declares require and require-dev, without platform packages', () => {
    const deps = parse(`{
  "name": "acme/app",
  "require": {
    "php": "^8.2",
    "ext-json": "*",
    "lib-curl": "*",
    "composer-runtime-api": "^2",
    "Symfony/Console": "^7.0",
    "monolog/monolog": "^3.5",
    "php-http/curl-client": "^2.0"
  },
  "require-dev": {
    "phpunit/phpunit": "^10.5"
  }
}`);
    expect(deps).toEqual([
      { ecosystem: 'Packagist', name: 'symfony/console', specifier: '^7.0', purl: 'pkg:composer/symfony/console', scopes: [], location: { file: 'composer.json', line: 8 } },
      { ecosystem: 'Packagist', name: 'monolog/monolog', specifier: '^3.5', purl: 'pkg:composer/monolog/monolog', scopes: [], location: { file: 'composer.json', line: 9 } },
      { ecosystem: 'Packagist', name: 'php-http/curl-client', specifier: '^2.0', purl: 'pkg:composer/php-http/curl-client', scopes: [], location: { file: 'composer.json', line: 10 } },
      { ecosystem: 'Packagist', name: 'phpunit/phpunit', specifier: '^10.5', purl: 'pkg:composer/phpunit/phpunit', scopes: ['dev'], location: { file: 'composer.json', line: 13 } },
    ]);
  });

  it('rejects what Composer rejects, with a line', () => {
    expect(() => parse('{\n  "require": {\n    "monolog": "^3"\n  }\n}')).toThrow('composer.json:3: require: "monolog" is not a vendor/package name');
    expect(() => parse('{"require": ["a/b"]}')).toThrow(ParseError);
    expect(() => parse('{"require": {"a/b": 1}}')).toThrow('the constraint of "a/b" must be a string');
    expect(() => parse('[]')).toThrow('composer.json:1:1: composer.json must hold an object');
    expect(() => parse('{"require": {')).toThrow(ParseError);
  });
});
