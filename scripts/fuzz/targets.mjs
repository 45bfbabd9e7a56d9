import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Seed files larger than this are skipped: mutations of them would be slow without finding more. */
const MAX_SEED_BYTES = 200_000;
/** Seeds kept per target (the smallest first), so a format with a large corpus does not dominate memory. */
const MAX_SEEDS = 80;

/** Small, realistic manifests, for targets the fixture folders and the corpus hold no files of. */
const BUILT_IN_SEEDS = {
  'manifest:package.json': '{\n  "name": "app",\n  "dependencies": { "lodash": "^4.17.21", "@scope/pkg": "npm:other@1.0.0" },\n  "devDependencies": { "vitest": "~4.1.0" }\n}\n',
  'manifest:go.mod': 'module example.org/app\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/text v0.14.0\n\tgithub.com/pkg/errors v0.9.1 // indirect\n)\n\nreplace example.org/old => ../old\n',
  'manifest:Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nserde = { version = "1.0", features = ["derive"] }\nrand = "0.8"\n\n[dev-dependencies]\ntokio = "1"\n',
  'manifest:Gemfile': "source 'https://rubygems.example.org'\n\ngem 'rails', '~> 7.1'\ngem 'pg', '>= 1.1', require: false\ngroup :test do\n  gem 'rspec'\nend\n",
  'manifest:composer.json': '{\n  "require": { "php": ">=8.1", "monolog/monolog": "^3.0" },\n  "require-dev": { "phpunit/phpunit": "^10" }\n}\n',
  'manifest:pyproject.toml': '[project]\nname = "app"\ndependencies = ["requests>=2.31", "rich[jupyter]; python_version > \'3.8\'"]\n\n[project.optional-dependencies]\ndev = ["pytest"]\n\n[tool.poetry.dependencies]\npython = "^3.9"\nhttpx = { version = "^0.27", extras = ["http2"] }\n',
  '.github/workflows/*.yml':
    'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a # v4\n      - uses: ./.github/actions/local\n  call:\n    uses: org/repo/.github/workflows/reuse.yml@main\n',
  'action.yml': "name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n    - run: echo hi\n      shell: bash\n",
  '.gitlab-ci.yml':
    'image: node:20\ninclude:\n  - project: group/templates\n    ref: v1.2\n    file: /ci.yml\n  - component: gitlab.example.org/org/comp/lint@1.0\nbuild:\n  image: { name: "alpine@sha256:' + 'a'.repeat(64) + '" }\n  services: [postgres:16]\n  script: [make]\n',
  Dockerfile: 'ARG BASE=node:20\nFROM ${BASE} AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20@sha256:' + 'b'.repeat(64) + '\nCOPY --from=build /app /app\n',
  'compose.yaml': 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: "redis@sha256:' + 'c'.repeat(64) + '"\n',
  'kubernetes.yaml': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  initContainers:\n    - image: busybox\n',
  '*.py':
    'from transformers import AutoModel, pipeline\n# AutoModel.from_pretrained("not/this")\nm = AutoModel.from_pretrained("org/model", revision="' + 'd'.repeat(40) + '")\np = pipeline("text-generation", model="org/other", trust_remote_code=True)\n',
  '*.js': "import { pipeline } from '@huggingface/transformers';\nconst p = await pipeline('sentiment-analysis', 'Xenova/model');\n",
  'model-config': '{"model_name_or_path": "org/model", "revision": "main"}\n',
  // A protocol 2 pickle whose payload calls posix.system, as latin1 text (the target reads it back as bytes).
  'model-file': '\x80\x02cposix\nsystem\nq\x00X\x02\x00\x00\x00lsq\x01\x85q\x02Rq\x03.',
  'manifest:requirements.in': '# direct dependencies\nrequests>=2.31\n-c constraints.txt\nDjango[argon2]~=5.0 ; python_version >= "3.10"\ngit+https://git.example.org/lib.git@v1#egg=lib\n',
};

/**
 * Every fuzz target: each lockfile and manifest parser of the ecosystem registry, and the policy loader.
 * `core` is the loaded `@lockwarden/core` module (the built package in scripts/fuzz.mjs, the source in tests).
 */
export async function fuzzTargets(core) {
  const related = { readRelated: () => undefined };
  const [lockfileParsers, manifestParsers] = await Promise.all([core.allLockfileParsers(), core.allManifestParsers()]);
  return [
    ...lockfileParsers.map((p) => ({
      id: p.id,
      kind: 'lockfile',
      fileNames: p.fileNames,
      conformance: p.conformance ?? [],
      // Binary scanners (model files) read bytes: the mutated text is their bytes, one per character.
      parse: p.parseBytes
        ? (text) => {
            const bytes = Buffer.from(text, 'latin1');
            return p.parseBytes(bytes, 'fuzz/model.pkl', { fileSize: bytes.length });
          }
        : (text) => p.parse(text, `fuzz/${p.id}`, related),
    })),
    ...manifestParsers.map((p) => ({
      id: `manifest:${p.id}`,
      kind: 'manifest',
      fileNames: p.fileNames,
      conformance: [],
      parse: (text) => p.parse(text, `fuzz/${p.id}`),
    })),
    {
      id: 'policy',
      kind: 'policy',
      fileNames: ['lockwarden.yml', 'lockwarden.yaml', '*.policy.yml'],
      conformance: [],
      // The loader as `check` runs it: the file, its `extends` packs, validation and merging.
      parse: (text) =>
        core.loadPolicy({ root: '/fuzz', file: 'lockwarden.yml', readFile: (path) => (path === '/fuzz/lockwarden.yml' ? text : undefined) }),
    },
  ];
}

function walk(dir, out) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'node_modules' || entry === '.git' || entry === 'dist') continue;
    const full = join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) walk(full, out);
    else if (stat.size <= MAX_SEED_BYTES) out.push({ path: full, size: stat.size });
  }
}

/**
 * Seed texts per target id: the target's conformance folders in `conformanceDir`, plus every file under
 * `fixtureDirs` (and, for manifests, the whole corpus) whose name the target claims; policy targets also take
 * the shipped packs and examples. Returns the seeds and the list of targets that found none.
 */
export function collectSeeds(targets, { core, conformanceDir, fixtureDirs, policyDirs }) {
  const fixtures = [];
  for (const dir of fixtureDirs) walk(dir, fixtures);
  const corpus = [];
  if (conformanceDir && existsSync(conformanceDir)) walk(join(conformanceDir, 'lockfiles'), corpus);
  const policies = [];
  for (const dir of policyDirs) walk(dir, policies);
  const claims = (target, path) => target.fileNames.some((pattern) => core.matchesFileName(pattern, basename(path)));
  const seeds = new Map();
  const missing = [];
  for (const target of targets) {
    const files = new Map();
    const add = (f) => files.set(f.path, f);
    if (target.kind === 'policy') {
      for (const f of policies) if (/\.ya?ml$/.test(f.path)) add(f);
    } else {
      for (const folder of target.conformance) {
        const testdata = [];
        walk(join(conformanceDir ?? '', 'lockfiles', folder, 'testdata'), testdata);
        testdata.forEach(add);
      }
      for (const f of target.kind === 'manifest' ? [...fixtures, ...corpus] : fixtures) if (claims(target, f.path)) add(f);
    }
    const chosen = [...files.values()].sort((a, b) => a.size - b.size || (a.path < b.path ? -1 : 1)).slice(0, MAX_SEEDS);
    const texts = chosen.map((f) => readFileSync(f.path, 'utf8'));
    if (BUILT_IN_SEEDS[target.id]) texts.push(BUILT_IN_SEEDS[target.id]);
    if (texts.length === 0) missing.push(target.id);
    seeds.set(target.id, texts.length > 0 ? texts : ['']);
  }
  return { seeds, missing };
}
