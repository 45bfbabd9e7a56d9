const SHA = 'a'.repeat(40);

/**
 * A small generated project (file name → text) for every non-scanner lockfile format: the SBOM round trip
 * (every-format-roundtrip.test.ts) and the direct JSON writer's byte-equality test (json-writer.test.ts) run on them.
 */
export const FORMAT_PROJECTS: Record<string, Record<string, string>> = {
  'package-lock.json': {
    'package-lock.json': JSON.stringify({
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0' } },
        'node_modules/left-pad': {
          version: '1.3.0',
          resolved: 'https://registry.example.org/left-pad/-/left-pad-1.3.0.tgz',
          integrity: 'sha512-' + Buffer.alloc(64, 1).toString('base64'),
        },
      },
    }),
  },
  'yarn.lock': {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0' } }),
    'yarn.lock': `# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n  resolved "https://registry.example.org/left-pad/-/left-pad-1.3.0.tgz#${'b'.repeat(40)}"\n  integrity sha512-${Buffer.alloc(64, 2).toString('base64')}\n`,
  },
  'pnpm-lock.yaml': {
    'pnpm-lock.yaml': `lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      left-pad:\n        specifier: ^1.3.0\n        version: 1.3.0\n\npackages:\n  left-pad@1.3.0:\n    resolution: {integrity: sha512-${Buffer.alloc(64, 3).toString('base64')}}\n\nsnapshots:\n  left-pad@1.3.0: {}\n`,
  },
  'bun.lock': {
    'bun.lock': `{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "app",\n      "dependencies": { "left-pad": "^1.3.0" },\n    },\n  },\n  "packages": {\n    "left-pad": ["left-pad@1.3.0", "", {}, "sha512-${Buffer.alloc(64, 4).toString('base64')}"],\n  }\n}\n`,
  },
  'go.mod': {
    'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/google/uuid v1.6.0\n\tgolang.org/x/text v0.14.0 // indirect\n)\n',
    'go.sum': `github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\ngolang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=\n`,
  },
  'Cargo.lock': {
    'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n',
    'Cargo.lock': `version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["itoa"]\n\n[[package]]\nname = "itoa"\nversion = "1.0.11"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${'c'.repeat(64)}"\n`,
  },
  'Gemfile.lock': {
    'Gemfile.lock': 'GEM\n  remote: https://rubygems.example.org/\n  specs:\n    rack (3.0.8)\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  rack\n\nBUNDLED WITH\n   2.5.3\n',
  },
  'composer.lock': {
    'composer.json': JSON.stringify({ name: 'acme/app', require: { 'monolog/monolog': '^3.5' } }),
    'composer.lock': JSON.stringify({
      packages: [{ name: 'monolog/monolog', version: '3.5.0', dist: { type: 'zip', url: 'https://example.org/m.zip', shasum: '' } }],
      'packages-dev': [],
    }),
  },
  'requirements.txt': { 'requirements.txt': 'requests==2.31.0\nidna==3.6 --hash=sha256:' + 'd'.repeat(64) + '\n' },
  'poetry.lock': {
    'poetry.lock': '[[package]]\nname = "requests"\nversion = "2.31.0"\ndescription = ""\noptional = false\npython-versions = ">=3.7"\nfiles = []\n\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.11"\ncontent-hash = "x"\n',
  },
  'Pipfile.lock': {
    'Pipfile.lock': JSON.stringify({ _meta: {}, default: { requests: { version: '==2.31.0', hashes: [] } }, develop: {} }),
  },
  'uv.lock': {
    'uv.lock': `version = 1\nrequires-python = ">=3.11"\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [{ name = "requests" }]\n\n[[package]]\nname = "requests"\nversion = "2.31.0"\nsource = { registry = "https://pypi.example.org/simple" }\n`,
  },
  'pdm.lock': {
    'pdm.lock': '[metadata]\ngroups = ["default"]\nlock_version = "4.4.1"\ncontent_hash = "sha256:x"\n\n[[package]]\nname = "requests"\nversion = "2.31.0"\nrequires_python = ">=3.7"\nsummary = ""\n',
  },
  'pylock.toml': {
    'pylock.toml': 'lock-version = "1.0"\ncreated-by = "pip"\n\n[[packages]]\nname = "requests"\nversion = "2.31.0"\n',
  },
  'gradle.lockfile': { 'gradle.lockfile': 'org.slf4j:slf4j-api:2.0.9=compileClasspath,runtimeClasspath\nempty=\n' },
  'pom.xml': {
    'pom.xml': `<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.example</groupId>\n  <artifactId>app</artifactId>\n  <version>1.0.0</version>\n  <dependencies>\n    <dependency>\n      <groupId>org.slf4j</groupId>\n      <artifactId>slf4j-api</artifactId>\n      <version>2.0.9</version>\n    </dependency>\n  </dependencies>\n</project>\n`,
  },
  'packages.lock.json': {
    'packages.lock.json': JSON.stringify({
      version: 1,
      dependencies: { 'net8.0': { 'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.3, )', resolved: '13.0.3', contentHash: 'abc=' } } },
    }),
  },
  'pubspec.lock': {
    'pubspec.yaml': 'name: my_app\nversion: 1.2.0\n',
    'pubspec.lock': 'packages:\n  http:\n    dependency: "direct main"\n    description:\n      name: http\n      url: "https://pub.example.org"\n    source: hosted\n    version: "1.2.0"\nsdks:\n  dart: ">=3.0.0 <4.0.0"\n',
  },
  'mix.lock': {
    'mix.exs': 'defmodule MyApp.MixProject do\n  use Mix.Project\n  @version "0.4.0"\n  # app: :not_this_one\n  def project do\n    [app: :my_app, version: @version, deps: deps()]\n  end\nend\n',
    'mix.lock': `%{\n  "jason": {:hex, :jason, "1.4.1", "${'e'.repeat(64)}", [:mix], [], "hexpm", "${'f'.repeat(64)}"},\n}\n`,
  },
  'Package.resolved': {
    'Package.resolved': JSON.stringify({
      pins: [{ identity: 'swift-nio', kind: 'remoteSourceControl', location: 'https://github.com/apple/swift-nio.git', state: { revision: SHA, version: '2.65.0' } }],
      version: 2,
    }),
  },
  'Podfile.lock': {
    'Podfile.lock': 'PODS:\n  - Alamofire (5.8.1)\n\nDEPENDENCIES:\n  - Alamofire\n\nSPEC REPOS:\n  trunk:\n    - Alamofire\n\nSPEC CHECKSUMS:\n  Alamofire: 3ca42e259043ee0dc5c0cdd76c4bc568b8e42af7\n\nPODFILE CHECKSUM: 0\n\nCOCOAPODS: 1.14.3\n',
  },
};
