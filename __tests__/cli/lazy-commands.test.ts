import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Help } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_CATALOG } from '../../packages/cli/src/commands/catalog.js';
import { COMMANDS } from '../../packages/cli/src/commands/index.js';
import { EXIT, type CliIO } from '../../packages/cli/src/io.js';
import { REPO_ROOT } from '../helpers/conformance.js';
import { modulesLoadedByScript } from '../helpers/module-census.js';

// The CLI's separate modules (the `lockwarden` command runs the bundle built from them; see bundle.test.ts).
const BIN = join(REPO_ROOT, '__tests__/helpers/cli-modules.mjs');
const work = mkdtempSync(join(tmpdir(), 'lw-lazy-'));
copyFileSync(join(REPO_ROOT, 'examples/basic/head/package-lock.json'), join(work, 'package-lock.json'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The owners of the modules a CLI run loads: `core:<folder>`, `cli:<file>` or a package name. */
function loadedBy(args: string[]): Set<string> {
  // Exit 1 is a verdict (the example head has blocking advisories); 2 would mean the run failed.
  return new Set(
    modulesLoadedByScript(BIN, args, work, [0, 1]).map((f) => {
      const own = /packages\/(core|cli)\/dist\/([^/.]+)/.exec(f);
      if (own) return `${own[1]}:${own[2]}`;
      const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
      return dep ? (dep[1] as string) : f;
    }),
  );
}

const HEAVY = ['core:advisories', 'core:policy', 'core:engine', 'core:sbom', 'core:report', 'ajv', '@cyclonedx/cyclonedx-library', 'xmlbuilder2'];

describe('the CLI loads only what a command uses (built CLI, fresh process)', () => {
  it('--version and --help load commander and the command catalog, no core module but the error type', () => {
    for (const args of [['--version'], ['--help']]) {
      const loaded = [...loadedBy(args)];
      expect(loaded.filter((o) => o.startsWith('core:')), args.join(' ')).toEqual(['core:errors']);
      expect(loaded.filter((o) => !o.startsWith('core:') && !o.startsWith('cli:') && !o.startsWith('/')), args.join(' ')).toEqual(['commander']);
      expect(loaded).not.toContain('cli:gitlab');
    }
  });

  it('ls loads the lockfile parsers, and no advisory, policy, engine, SBOM or Ajv module', () => {
    const loaded = loadedBy(['ls', '--format', 'json']);
    expect(loaded).toContain('core:lockfiles');
    for (const heavy of HEAVY) expect(loaded, heavy).not.toContain(heavy);
  });

  it('check loads no SBOM or XML writer unless --gitlab asks for the GitLab reports', () => {
    const loaded = loadedBy(['check', '--base-dir', '.', '--head-dir', '.', '--offline', '--db', join(REPO_ROOT, 'examples/osv-db')]);
    expect(loaded).toContain('core:engine');
    // The SBOM reader (for --base-sbom) is small; the GitLab report writers, the CycloneDX library and the XML writer are not loaded.
    for (const absent of ['@cyclonedx/cyclonedx-library', 'xmlbuilder2']) expect(loaded, absent).not.toContain(absent);
  });

  // Base and head lockfiles: an empty project at base, `head` at head (every package added, so each is queried).
  function pair(name: string, headLock: object): { base: string; head: string } {
    const base = join(work, name, 'base');
    const head = join(work, name, 'head');
    mkdirSync(base, { recursive: true });
    mkdirSync(head, { recursive: true });
    writeFileSync(join(base, 'package-lock.json'), JSON.stringify({ name, lockfileVersion: 3, packages: { '': { name } } }));
    writeFileSync(join(head, 'package-lock.json'), JSON.stringify(headLock));
    return { base, head };
  }
  const offline = ['--offline', '--db', join(REPO_ROOT, 'examples/osv-db'), '--format', 'json'];

  it('check offline, with no advisory matched, loads neither the OSV API client nor the CVSS calculator', () => {
    // One package with no record in the example database: nothing to rate, nothing to fetch.
    const { base, head } = pair('quiet', {
      name: 'quiet',
      lockfileVersion: 3,
      packages: { '': { name: 'quiet', dependencies: { 'left-pad': '1.3.0' } }, 'node_modules/left-pad': { version: '1.3.0' } },
    });
    const files = modulesLoadedByScript(BIN, ['check', '--base-dir', base, '--head-dir', head, ...offline], work, [0]);
    expect(files.some((f) => f.endsWith('/advisories/osv-offline-source.js'))).toBe(true);
    for (const absent of ['/advisories/osv-api-source.js', '/advisories/cvss-score.js', '/http/http-client.js', '/node_modules/ae-cvss-calculator/', '/node_modules/p-limit/']) {
      expect(files.filter((f) => f.includes(absent)), absent).toEqual([]);
    }
  });

  it('check loads the CVSS calculator once an advisory matches', () => {
    const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/basic/head/package-lock.json'), 'utf8')) as object;
    const { base, head } = pair('vulnerable', example);
    const files = modulesLoadedByScript(BIN, ['check', '--base-dir', base, '--head-dir', head, ...offline], work, [1]);
    expect(files.some((f) => f.includes('/node_modules/ae-cvss-calculator/'))).toBe(true);
  });

  it('a scanner is imported only for files its quick test admits: no YAML or JavaScript parser for plain files', () => {
    // A Node project: its package.json, source that loads no model, a YAML file that is neither a model config
    // nor a Kubernetes manifest. Every one is claimed by a scanner (model-config, *.js, kubernetes.yaml).
    const project = join(work, 'scanned');
    mkdirSync(project, { recursive: true });
    copyFileSync(join(REPO_ROOT, 'examples/basic/head/package-lock.json'), join(project, 'package-lock.json'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scanned', dependencies: { minimist: '1.2.5' } }));
    writeFileSync(join(project, 'index.js'), "import minimist from 'minimist';\nconsole.log(minimist(process.argv));\n");
    writeFileSync(join(project, 'settings.yaml'), 'retries: 3\nlevel: debug\n');
    const quiet = modulesLoadedByScript(BIN, ['ls', '--format', 'json', project], work, [0]);
    for (const absent of ['/node_modules/yaml/', '/node_modules/js-yaml/', '/node_modules/meriyah/', '/ecosystems/huggingface/config-keys.js', '/ecosystems/docker/kubernetes-manifest.js']) {
      expect(quiet.filter((f) => f.includes(absent)), absent).toEqual([]);
    }
    // Once a file names a Hub loader, its scanner is imported and finds the model.
    writeFileSync(join(project, 'train.yaml'), 'model_name_or_path: org/some-model\n');
    writeFileSync(join(project, 'app.js'), "const p = await pipeline('sentiment-analysis', 'org/js-model');\n");
    const scanned = modulesLoadedByScript(BIN, ['ls', '--format', 'json', project], work, [0]);
    expect(scanned.some((f) => f.endsWith('/ecosystems/huggingface/config-keys.js'))).toBe(true);
    expect(scanned.some((f) => f.includes('/node_modules/meriyah/'))).toBe(true);
  });

  it('sbom writes JSON without loading Ajv; only sbom verify validates', () => {
    expect(loadedBy(['sbom', '--reproducible'])).not.toContain('ajv');
  });
});

describe('the command catalog', () => {
  it('lists every command with the usage and description its registration gives', () => {
    const program = new Command('lockwarden');
    const ctx = { io: { stdout: () => {}, stderr: () => {}, cwd: work, env: {} } as CliIO, logger: { debug() {}, info() {}, warn() {} }, exitCode: EXIT.ok };
    for (const register of COMMANDS) register(program, ctx);
    const help = new Help();
    const real = program.commands.map((c) => ({ term: help.subcommandTerm(c), description: c.description() }));
    expect(COMMAND_CATALOG.map((c) => ({ term: [c.name, c.usage].filter(Boolean).join(' '), description: c.description }))).toEqual(real);
  });

  it('loads each command from its own module', async () => {
    for (const entry of COMMAND_CATALOG) {
      const program = new Command('lockwarden');
      const register = await entry.load();
      register(program, { io: { stdout: () => {}, stderr: () => {}, cwd: work, env: {} }, logger: { debug() {}, info() {}, warn() {} }, exitCode: 0 });
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
    }
  });
});
