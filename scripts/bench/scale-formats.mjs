// Synthetic lockfiles of the non-JS formats at any size, for the scale bench (scripts/bench/scale.bench.mjs):
// `count` packages with deterministic names, versions and hashes, and a head that upgrades 1% and adds 1%, as a
// typical pull request does. Hosts are example hosts; nothing here is fetched.
import { prng } from './harness.mjs';

function hex(rand, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/** [name, version, hash] rows for `count` packages; the head bumps 1% of the versions and appends 1% new rows. */
function rows(count, seed, head) {
  const rand = prng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push({ i, version: `${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 10)}`, hash: hex(rand, 64) });
  }
  if (!head) return out;
  const bump = prng(seed + 1);
  for (let k = 0; k < Math.max(1, Math.floor(count / 100)); k++) {
    const r = out[Math.floor(bump() * out.length)];
    const [a, b, c] = r.version.split('.').map(Number);
    r.version = `${a}.${b}.${c + 1}`;
    r.hash = hex(bump, 64);
  }
  for (let k = 0; k < Math.max(1, Math.floor(count / 100)); k++) out.push({ i: count + k, version: '1.0.0', hash: hex(bump, 64) });
  return out;
}

const id = (i) => i.toString(36);

/** file name -> (rows) => text, one per format. */
export const FORMATS = {
  'Cargo.lock': (rs) =>
    'version = 3\n\n' +
    rs.map((r) => `[[package]]\nname = "crate-${id(r.i)}"\nversion = "${r.version}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${r.hash}"\n${r.i > 0 ? `dependencies = [\n "crate-${id(r.i - 1)}",\n]\n` : ''}`).join('\n'),
  'poetry.lock':
    (rs) =>
      rs.map((r) => `[[package]]\nname = "pkg-${id(r.i)}"\nversion = "${r.version}"\ndescription = ""\noptional = false\npython-versions = "*"\nfiles = [\n    {file = "pkg_${id(r.i)}-${r.version}.tar.gz", hash = "sha256:${r.hash}"},\n]\n`).join('\n') +
      '\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.9"\ncontent-hash = "0"\n',
  'uv.lock': (rs) =>
    'version = 1\nrequires-python = ">=3.9"\n\n' +
    rs.map((r) => `[[package]]\nname = "pkg-${id(r.i)}"\nversion = "${r.version}"\nsource = { registry = "https://pypi.example.org/simple" }\nsdist = { url = "https://files.example.org/pkg-${id(r.i)}-${r.version}.tar.gz", hash = "sha256:${r.hash}" }\n`).join('\n'),
  'requirements.txt': (rs) => rs.map((r) => `pkg-${id(r.i)}==${r.version} \\\n    --hash=sha256:${r.hash}\n`).join(''),
  'Pipfile.lock': (rs) =>
    JSON.stringify(
      { _meta: { hash: { sha256: '0' }, 'pipfile-spec': 6, requires: {}, sources: [] }, default: Object.fromEntries(rs.map((r) => [`pkg-${id(r.i)}`, { hashes: [`sha256:${r.hash}`], version: `==${r.version}` }])), develop: {} },
      null,
      4,
    ),
  'go.mod': (rs) => `module example.org/app\n\ngo 1.21\n\nrequire (\n${rs.map((r) => `\texample.org/mod-${id(r.i)} v${r.version}\n`).join('')})\n`,
  'Gemfile.lock': (rs) =>
    `GEM\n  remote: https://rubygems.example.org/\n  specs:\n${rs.map((r) => `    gem-${id(r.i)} (${r.version})\n${r.i > 0 ? `      gem-${id(r.i - 1)} (>= 0)\n` : ''}`).join('')}\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  gem-0\n\nBUNDLED WITH\n   2.5.0\n`,
  'composer.lock': (rs) =>
    JSON.stringify(
      { 'content-hash': '0', packages: rs.map((r) => ({ name: `vendor/pkg-${id(r.i)}`, version: r.version, dist: { type: 'zip', url: `https://repo.example.org/pkg-${id(r.i)}.zip`, shasum: r.hash.slice(0, 40) } })), 'packages-dev': [] },
      null,
      4,
    ),
  'gradle.lockfile': (rs) => `# Gradle lockfile\n${rs.map((r) => `org.example:artifact-${id(r.i)}:${r.version}=compileClasspath,runtimeClasspath\n`).join('')}empty=\n`,
  'packages.lock.json': (rs) =>
    JSON.stringify({ version: 1, dependencies: { 'net8.0': Object.fromEntries(rs.map((r) => [`Pkg.N${id(r.i)}`, { type: 'Transitive', resolved: r.version, contentHash: Buffer.from(r.hash, 'hex').toString('base64') }])) } }, null, 2),
  'pubspec.lock': (rs) =>
    `packages:\n${rs.map((r) => `  pkg_${id(r.i)}:\n    dependency: transitive\n    description:\n      name: pkg_${id(r.i)}\n      sha256: "${r.hash}"\n      url: "https://pub.example.org"\n    source: hosted\n    version: "${r.version}"\n`).join('')}sdks:\n  dart: ">=3.0.0 <4.0.0"\n`,
  'mix.lock': (rs) => `%{\n${rs.map((r) => `  "pkg_${id(r.i)}": {:hex, :pkg_${id(r.i)}, "${r.version}", "${r.hash}", [:mix], [], "hexpm", "${r.hash}"},\n`).join('')}}\n`,
  'Podfile.lock': (rs) =>
    `PODS:\n${rs.map((r) => `  - Pod${id(r.i)} (${r.version})\n`).join('')}\nDEPENDENCIES:\n  - Pod0\n\nSPEC CHECKSUMS:\n${rs.map((r) => `  Pod${id(r.i)}: ${r.hash.slice(0, 40)}\n`).join('')}\nCOCOAPODS: 1.15.2\n`,
  'Package.resolved': (rs) =>
    JSON.stringify({ pins: rs.map((r) => ({ identity: `pkg-${id(r.i)}`, kind: 'remoteSourceControl', location: `https://git.example.org/o/pkg-${id(r.i)}.git`, state: { revision: r.hash.slice(0, 40), version: r.version } })), version: 2 }, null, 2),
};

/** Base and head text of `file` with `count` packages. */
export function syntheticPair(file, count) {
  const render = FORMATS[file];
  return [render(rows(count, 7, false)), render(rows(count, 7, true))];
}
