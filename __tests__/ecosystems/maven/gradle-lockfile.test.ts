import { describe, expect, it } from 'vitest';
import { loadLockfileParser, ParseError } from '@lockwarden/core';

const parser = await loadLockfileParser('gradle.lockfile');

const LOCK = [
  '# This is a Gradle generated file for dependency locking.',
  'com.google.guava:guava:32.1.2-jre=compileClasspath,runtimeClasspath,testCompileClasspath',
  'junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath',
  'org.projectlombok:lombok:1.18.30=annotationProcessor,compileClasspath',
  'com.google.auto.service:auto-service:1.1.1=annotationProcessor',
  'empty=signatures',
  '',
].join('\n');

describe('gradle.lockfile', () => {
  it('reads coordinates, purls, lines and scopes from configurations', () => {
    const inv = parser.parse(LOCK, 'gradle.lockfile');
    expect(inv.ecosystem).toBe('Maven');
    expect(inv.packages).toHaveLength(4);
    const [guava, junit, lombok, auto] = inv.packages;
    expect(guava).toMatchObject({
      name: 'com.google.guava:guava',
      version: '32.1.2-jre',
      purl: 'pkg:maven/com.google.guava/guava@32.1.2-jre',
      scopes: [],
      location: { file: 'gradle.lockfile', line: 2 },
    });
    expect(junit?.scopes).toEqual(['test']);
    // compileClasspath makes lombok part of the main build, not build-only.
    expect(lombok?.scopes).toEqual([]);
    expect(auto?.scopes).toEqual(['dev']);
  });

  it('skips lines that are not coordinates, as Gradle does', () => {
    const inv = parser.parse('>>>\na:b\na:b:c:d=x\n a : b : c\n g:a:1.0=runtimeClasspath\n', 'x.lockfile');
    expect(inv.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['g:a@1.0']);
  });

  it('keeps a truncated last line when it still names a version', () => {
    const inv = parser.parse('g:a:1.0=compileCla', 'gradle.lockfile');
    expect(inv.packages).toHaveLength(1);
  });

  it('rejects binary content with the line and column', () => {
    const err = (() => {
      try {
        parser.parse('g:a:1.0=x\n\u0000\u0001\u00ff garbage', 'gradle.lockfile');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).line).toBe(2);
    expect((err as ParseError).column).toBe(1);
    expect((err as ParseError).message).toBe('gradle.lockfile:2:1: binary content in a Gradle lockfile');
  });

  it('copes with an enormous line', () => {
    const inv = parser.parse(`g:a:1.0=${'c,'.repeat(500_000)}\n`, 'gradle.lockfile');
    expect(inv.packages).toHaveLength(1);
  });
});
