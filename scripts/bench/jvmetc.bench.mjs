// Parsers and version order of the Maven, NuGet, Pub, Hex, SwiftURL and CocoaPods plug-ins on synthetic inputs
// sized like large real projects. Uses the built core (npm run bench builds first).
import { compareVersions, loadLockfileParser } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const rand = prng(0x3a7);
const int = (n) => Math.floor(rand() * n);

// pom.xml: 2,000 declared dependencies, a third of them versioned through properties.
const props = [];
const deps = [];
for (let i = 0; i < 2000; i++) {
  const version = `${int(10)}.${int(30)}.${int(100)}`;
  const viaProperty = i % 3 === 0;
  if (viaProperty) props.push(`    <dep${i}.version>${version}</dep${i}.version>`);
  deps.push(
    `    <dependency>\n      <groupId>org.example.g${i % 50}</groupId>\n      <artifactId>artifact-${i}</artifactId>\n` +
      `      <version>${viaProperty ? `\${dep${i}.version}` : version}</version>${i % 7 === 0 ? '\n      <scope>test</scope>' : ''}\n    </dependency>`,
  );
}
const pom = `<?xml version="1.0"?>\n<project>\n  <properties>\n${props.join('\n')}\n  </properties>\n  <dependencies>\n${deps.join('\n')}\n  </dependencies>\n</project>\n`;

// gradle.lockfile: 3,000 modules.
const gradle = Array.from(
  { length: 3000 },
  (_, i) => `org.example.g${i % 80}:module-${i}:${int(10)}.${int(20)}.${int(50)}=compileClasspath,runtimeClasspath${i % 5 === 0 ? ',testRuntimeClasspath' : ''}`,
).join('\n');

// mix.lock: 1,000 Hex packages.
const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[int(16)]).join('');
const mix = `%{\n${Array.from(
  { length: 1000 },
  (_, i) =>
    `  "pkg_${i}": {:hex, :pkg_${i}, "${int(5)}.${int(20)}.${int(30)}", "${hex()}", [:mix], [{:dep_${i % 17}, "~> 1.0", [hex: :dep_${i % 17}, repo: "hexpm", optional: false]}], "hexpm", "${hex()}"},`,
).join('\n')}\n}\n`;

// 5,000 Maven versions with qualifiers, sorted.
const qualifiers = ['', '-alpha-1', '-beta2', '-rc1', '-SNAPSHOT', '.Final', '-sp1', '-jre', '.RELEASE'];
const mavenVersions = Array.from({ length: 5000 }, () => `${int(5)}.${int(20)}.${int(40)}${qualifiers[int(qualifiers.length)]}`);

const [pomParser, gradleParser, mixParser] = await Promise.all(['pom.xml', 'gradle.lockfile', 'mix.lock'].map(loadLockfileParser));
const cases = [
  ['pom.xml, 2,000 dependencies (interpolated)', () => pomParser.parse(pom, 'pom.xml')],
  ['gradle.lockfile, 3,000 modules', () => gradleParser.parse(gradle, 'gradle.lockfile')],
  ['mix.lock, 1,000 Hex packages', () => mixParser.parse(mix, 'mix.lock')],
  ['sort 5,000 Maven versions (ComparableVersion)', () => [...mavenVersions].sort((a, b) => compareVersions('Maven', a, b))],
];
for (const [name, fn] of cases) report(name, await medianMs(fn));
