import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEcosystemPlugin, loadLockfileParser, formatForFileName, ParseError, type Inventory } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable } from '../../helpers/conformance.js';
import { checkTypedFailures, mutations } from '../../helpers/mutate-input.js';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('Gemfile.lock');
const parse = (text: string): Inventory => parser.parse(text, 'Gemfile.lock');

const parseError = (text: string): ParseError => errorOf(() => parse(text));

const LOCK = `GIT
  remote: https://github.com/hanami/controller.git
  revision: 027dbe2e56397b534e859fc283990cad1b6addd6
  branch: action-new
  specs:
    hanami-controller (2.0.0.alpha1)
      rack (~> 2.0)

PATH
  remote: vendor/gems/local-thing
  specs:
    local-thing (0.1.0)

GEM
  remote: https://rubygems.org/
  specs:
    nokogiri (1.16.0-arm64-darwin)
      racc (~> 1.4)
    nokogiri (1.16.0-x86_64-linux)
      racc (~> 1.4)
    racc (1.7.3)
    rack (2.2.8)

PLATFORMS
  arm64-darwin
  x86_64-linux

DEPENDENCIES
  hanami-controller!
  local-thing!
  nokogiri (~> 1.16)

CHECKSUMS
  nokogiri (1.16.0-x86_64-linux) sha256=5B0A7F0D6E1C2B3A4F5E6D7C8B9A0F1E2D3C4B5A6F7E8D9C0B1A2F3E4D5C6B7A
  racc (1.7.3) sha256=b785ab8a30ec43bce073c51dbbe791fd27000f68d1c996c95da98bf685316905
  rack (2.2.8)

BUNDLED WITH
   2.6.2
`;

describe('Gemfile.lock parser', () => {
  it('claims Gemfile.lock and gems.locked for RubyGems (purl type gem)', async () => {
    expect(await formatForFileName('gems.locked')?.load()).toBe(parser);
    expect(await formatForFileName('Gemfile.lock')?.load()).toBe(parser);
    expect(getEcosystemPlugin('RubyGems').purlType).toBe('gem');
  });

  it('reads GIT, PATH and GEM specs with sources, platforms, checksums, edges and direct gems', () => {
    const inv = parse(LOCK);
    expect(inv.packages.map((p) => `${p.id} direct=${p.direct} line=${p.location.line}`)).toEqual([
      'hanami-controller@2.0.0.alpha1 direct=true line=6',
      'local-thing@0.1.0 direct=true line=12',
      'nokogiri@1.16.0-arm64-darwin direct=true line=17',
      'nokogiri@1.16.0-x86_64-linux direct=true line=19',
      'racc@1.7.3 direct=false line=21',
      'rack@2.2.8 direct=false line=22',
    ]);
    const [controller, local, nokoArm, nokoX86, racc] = inv.packages;
    expect(controller?.source).toEqual({
      kind: 'git',
      url: 'https://github.com/hanami/controller.git',
      commit: '027dbe2e56397b534e859fc283990cad1b6addd6',
      ref: 'action-new',
    });
    expect(local?.source).toEqual({ kind: 'path', path: 'vendor/gems/local-thing' });
    expect(racc?.source).toEqual({ kind: 'registry', url: 'https://rubygems.org/' });
    expect(nokoArm?.version).toBe('1.16.0');
    expect(nokoArm?.purl).toBe('pkg:gem/nokogiri@1.16.0?platform=arm64-darwin');
    expect(nokoX86?.integrity).toEqual([{ algorithm: 'sha256', value: '5b0a7f0d6e1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a' }]);
    expect(nokoArm?.integrity).toEqual([]);
    expect(racc?.purl).toBe('pkg:gem/racc@1.7.3');
    expect(inv.edges).toEqual([
      { from: 'hanami-controller@2.0.0.alpha1', to: 'rack@2.2.8' },
      { from: 'nokogiri@1.16.0-arm64-darwin', to: 'racc@1.7.3' },
      { from: 'nokogiri@1.16.0-x86_64-linux', to: 'racc@1.7.3' },
      { from: '.', to: 'hanami-controller@2.0.0.alpha1' },
      { from: '.', to: 'local-thing@0.1.0' },
      { from: '.', to: 'nokogiri@1.16.0-arm64-darwin' },
      { from: '.', to: 'nokogiri@1.16.0-x86_64-linux' },
    ]);
    expect(inv.projects).toEqual([{ id: '.', path: '' }]);
  });

  it('reads CRLF files and skips unknown sections as Bundler does', () => {
    const inv = parse('GEM\r\n  remote: https://rubygems.org/\r\n  specs:\r\n    rake (13.1.0)\r\n\r\nSOMETHING NEW\r\n  whatever here\r\n');
    expect(inv.packages.map((p) => p.id)).toEqual(['rake@13.1.0']);
  });

  it('rejects conflicts, binary content, corrupt spec lines and non-lockfiles with file:line', () => {
    expect(parseError('GEM\n  specs:\n<<<<<<< HEAD\n    rack (2.2.8)\n').message).toBe(
      'Gemfile.lock:3:1: merge conflict marker: resolve the conflict and run bundle lock again',
    );
    expect(parseError('GEM\n  specs:\n    rack (2.2.8\n').message).toBe('Gemfile.lock:3:1: expected "name (version)" in specs');
    expect(parseError('GEM\n  specs:\n    rack (2.2.8 beta)\n').reason).toBe('invalid version "2.2.8 beta"');
    expect(parseError('GEM\n  specs:\n     rack (2.2.8)\n').line).toBe(3);
    expect(parseError('GEM\n  specs:\n    rack (2.2.8)\u0000\u0001\n').line).toBe(3);
    expect(parseError('DEPENDENCIES\n  rack (\n').line).toBe(2);
    expect(parseError('this is not a lockfile\nat all\n').message).toBe(
      'Gemfile.lock:1:1: not a Gemfile.lock: no GEM, GIT, PATH, PLATFORMS or DEPENDENCIES section',
    );
    expect(parse('').packages).toEqual([]);
  });

  it('handles an enormous line and 20,000 gems', () => {
    expect(parseError(`GEM\n  specs:\n    ${'a'.repeat(2_000_000)} (1.0\n`).line).toBe(3);
    const many = `GEM\n  remote: https://rubygems.org/\n  specs:\n${Array.from({ length: 20_000 }, (_, i) => `    gem${i} (1.0.${i})\n      gem${i + 1}\n`).join('')}`;
    const inv = parse(many);
    expect(inv.packages).toHaveLength(20_000);
    expect(inv.edges).toHaveLength(19_999);
  });

  it.skipIf(!conformanceAvailable())('never throws anything but a located ParseError on 2,000 mutated corpus files', () => {
    const dir = join(CONFORMANCE_DIR, 'lockfiles/ruby/gemfilelock/testdata');
    const seeds = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const inputs = mutations(seeds, 2000, 23);
    const result = checkTypedFailures(inputs, parse);
    expect(result.problems).toEqual([]);
    expect(result.rejected).toBeGreaterThan(0);
  });
});
