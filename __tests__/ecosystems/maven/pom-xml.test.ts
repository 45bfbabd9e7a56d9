import { describe, expect, it } from 'vitest';
import { loadLockfileParser, type ParseContext } from '@lockwarden/core';
import { errorOf } from '../../helpers/errors.js';

const parser = await loadLockfileParser('pom.xml');


function files(map: Record<string, string>): ParseContext {
  return { readRelated: (rel) => map[rel] };
}

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>app</artifactId>
  <version>2.1.0</version>
  <properties>
    <jackson.version>2.15.2</jackson.version>
    <alias>\${jackson.version}</alias>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>\${alias}</version>
    </dependency>
    <dependency>
      <groupId>junit</groupId>
      <artifactId>junit</artifactId>
      <version>4.13.2</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>\${project.groupId}</groupId>
      <artifactId>app-core</artifactId>
      <version>\${project.version}</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>jakarta.servlet</groupId>
      <artifactId>jakarta.servlet-api</artifactId>
      <scope>provided</scope>
    </dependency>
    <dependency>
      <groupId>org.unknown</groupId>
      <artifactId>unresolved</artifactId>
      <version>\${not.defined}</version>
    </dependency>
  </dependencies>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>jakarta.servlet</groupId>
        <artifactId>jakarta.servlet-api</artifactId>
        <version>6.0.0</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
</project>
`;

describe('pom.xml', () => {
  it('reads declared dependencies with interpolation, managed versions, scopes, purls and lines', () => {
    const inv = parser.parse(POM, 'pom.xml');
    expect(inv.ecosystem).toBe('Maven');
    expect(inv.packages.map((p) => [p.name, p.version, p.scopes, p.location.line])).toEqual([
      ['com.fasterxml.jackson.core:jackson-databind', '2.15.2', [], 12],
      ['junit:junit', '4.13.2', ['test'], 17],
      ['org.example:app-core', '2.1.0', ['optional'], 23],
      ['jakarta.servlet:jakarta.servlet-api', '6.0.0', ['provided'], 29],
      // An unresolvable property leaves the version unknown rather than made up.
      ['org.unknown:unresolved', '', [], 34],
    ]);
    expect(inv.packages[0]?.purl).toBe('pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2');
    expect(inv.packages.every((p) => p.direct)).toBe(true);
  });

  it('uses the lower bound of a version range', () => {
    const pom = `<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>
      <version>[1.2.0,2.0)</version></dependency></dependencies></project>`;
    expect(parser.parse(pom, 'pom.xml').packages[0]?.version).toBe('1.2.0');
  });

  it('inherits dependencies, properties and managed versions from a local parent, child first', () => {
    const child = `<project>
      <parent><groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version></parent>
      <artifactId>child</artifactId>
      <dependencies>
        <dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>\${a.version}</version></dependency>
        <dependency><groupId>org.b</groupId><artifactId>b</artifactId></dependency>
        <dependency><groupId>org.c</groupId><artifactId>c</artifactId><version>\${project.parent.version}.5</version></dependency>
      </dependencies>
    </project>`;
    const parent = `<project>
      <groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version>
      <properties><a.version>3.0</a.version></properties>
      <dependencyManagement><dependencies>
        <dependency><groupId>org.b</groupId><artifactId>b</artifactId><version>7.7</version><scope>runtime</scope></dependency>
      </dependencies></dependencyManagement>
      <dependencies>
        <dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>0.1</version></dependency>
        <dependency><groupId>org.d</groupId><artifactId>d</artifactId><version>9</version></dependency>
      </dependencies>
    </project>`;
    // The default relativePath is ../pom.xml.
    const inv = parser.parse(child, 'svc/pom.xml', files({ '../pom.xml': parent }));
    expect(inv.packages.map((p) => [p.name, p.version, p.scopes, p.location.file])).toEqual([
      ['org.a:a', '3.0', [], 'svc/pom.xml'],
      ['org.b:b', '7.7', ['runtime'], 'svc/pom.xml'],
      ['org.c:c', '1.5', [], 'svc/pom.xml'],
      ['org.d:d', '9', [], 'pom.xml'],
    ]);
  });

  it('ignores a local POM whose coordinates differ from the declared parent, and stops on cycles', () => {
    const child = `<project><parent><groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version>
      <relativePath>../other</relativePath></parent>
      <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version></dependency></dependencies></project>`;
    const other = `<project><groupId>org.q</groupId><artifactId>other</artifactId><version>1</version>
      <dependencies><dependency><groupId>bad</groupId><artifactId>bad</artifactId><version>1</version></dependency></dependencies></project>`;
    expect(parser.parse(child, 'pom.xml', files({ '../other/pom.xml': other })).packages).toHaveLength(1);

    const selfParent = `<project><groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version>
      <parent><groupId>org.p</groupId><artifactId>parent</artifactId><version>1</version><relativePath>pom.xml</relativePath></parent>
      <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version></dependency></dependencies></project>`;
    const inv = parser.parse(selfParent, 'pom.xml', files({ 'pom.xml': selfParent }));
    expect(inv.packages).toHaveLength(1);
  });

  it('terminates on self-referencing properties', () => {
    const pom = `<project><properties><a>\${b}</a><b>\${a}</b></properties><dependencies>
      <dependency><groupId>g</groupId><artifactId>x</artifactId><version>\${a}</version></dependency></dependencies></project>`;
    expect(parser.parse(pom, 'pom.xml').packages[0]?.version).toBe('');
  });

  it('rejects malformed XML with file, line and column', () => {
    const err = errorOf(() => parser.parse('<project>\n  <dependencies>\n    <dependency>\n</project>', 'pom.xml'));
    expect(err.file).toBe('pom.xml');
    expect(err.line).toBe(4);
    expect(err.column).toBeGreaterThan(0);
    expect(err.message).toMatch(/^pom\.xml:4:\d+: invalid XML: /);
  });

  it('rejects truncated input, binary garbage and a document that is not a POM', () => {
    const truncated = POM.slice(0, Math.floor(POM.length / 2));
    expect(errorOf(() => parser.parse(truncated, 'pom.xml')).reason).toMatch(/^invalid XML/);
    const garbage = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => (i * 37) % 256));
    expect(errorOf(() => parser.parse(garbage, 'pom.xml')).line).toBe(1);
    expect(errorOf(() => parser.parse('<settings><x/></settings>', 'pom.xml')).reason).toBe(
      'not a Maven POM: no <project> root element',
    );
  });

  it('refuses DOCTYPE declarations: no external entities (XXE), no entity expansion', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<project><dependencies><dependency><groupId>&xxe;</groupId><artifactId>a</artifactId></dependency></dependencies></project>`;
    const err = errorOf(() => parser.parse(xxe, 'pom.xml'));
    expect(err.reason).toBe('DOCTYPE declarations are not allowed in a POM');
    expect(err.line).toBe(2);
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><project>&lol2;</project>`;
    expect(errorOf(() => parser.parse(laughs, 'pom.xml')).line).toBe(1);
  });

  it('rejects absurdly deep nesting without overflowing the stack', () => {
    const deep = `<project>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</project>`;
    expect(errorOf(() => parser.parse(deep, 'pom.xml')).reason).toMatch(/nested/i);
  });

  it('copes with an enormous line', () => {
    const pom = `<project><description>${'x'.repeat(500_000)}</description><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version></dependency></dependencies></project>`;
    expect(parser.parse(pom, 'pom.xml').packages).toHaveLength(1);
  });
});
