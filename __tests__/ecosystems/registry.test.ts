import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ECOSYSTEM_PLUGINS,
  allLockfileFormats,
  allLockfileParsers,
  allManifestFormats,
  loadLockfileParser,
  matchesFileName,
  formatForFileName,
  formatsForPath,
  type EcosystemPlugin,
} from '@lockwarden/core';
import { CONFORMANCE_DIR } from '../helpers/conformance.js';
import { REPO_ROOT } from '../helpers/conformance.js';

const ECOSYSTEMS_DIR = join(REPO_ROOT, 'packages', 'core', 'src', 'ecosystems');
const folders = readdirSync(ECOSYSTEMS_DIR).filter((f) => statSync(join(ECOSYSTEMS_DIR, f)).isDirectory());

function isPlugin(value: unknown): value is EcosystemPlugin {
  return typeof value === 'object' && value !== null && 'ecosystem' in value && 'lockfiles' in value && 'compareVersions' in value;
}

describe('ecosystem plug-in registry', () => {
  it.each(folders)('folder %s exports a plug-in that the registry lists', async (folder) => {
    const mod = (await import(join(ECOSYSTEMS_DIR, folder, 'index.ts'))) as Record<string, unknown>;
    const plugins = Object.values(mod).filter(isPlugin);
    expect(plugins).toHaveLength(1);
    const plugin = plugins[0] as EcosystemPlugin;
    expect(ECOSYSTEM_PLUGINS.get(plugin.ecosystem)).toBe(plugin);
  });

  it('lists no plug-in without a folder', () => {
    expect(ECOSYSTEM_PLUGINS.size).toBe(folders.length);
  });

  it('gives every parser a unique id and fixtures to be tested on', async () => {
    const ids = (await allLockfileParsers()).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const parser of await allLockfileParsers()) {
      const corpus = (parser.conformance ?? []).filter((c) => existsSync(join(CONFORMANCE_DIR, 'lockfiles', c, 'expected.json')));
      const folder = [...folders].find((f) => existsSync(join(REPO_ROOT, '__tests__', 'ecosystems', f, 'fixtures')));
      expect(corpus.length > 0 || folder !== undefined, `${parser.id} has no conformance folder and no fixtures`).toBe(true);
      expect(await loadLockfileParser(parser.id)).toBe(parser);
    }
  });

  it('declares in each index what the loaded parser says of itself (discovery reads the declaration only)', async () => {
    const pick = (p: object, keys: readonly string[]) =>
      Object.fromEntries(keys.flatMap((k) => (k in p && (p as Record<string, unknown>)[k] !== undefined ? [[k, (p as Record<string, unknown>)[k]]] : [])));
    const KEYS = ['id', 'ecosystem', 'fileNames', 'conformance', 'pathPatterns', 'scanner'];
    for (const format of allLockfileFormats()) {
      const parser = await format.load();
      expect(pick(format, KEYS), format.id).toEqual(pick(parser, KEYS));
      expect(format.binary === true, `${format.id}: binary iff parseBytes`).toBe(typeof parser.parseBytes === 'function');
      expect(await format.load(), `${format.id}: loaded once`).toBe(parser);
    }
    for (const format of allManifestFormats()) {
      const parser = await format.load();
      expect(pick(format, ['id', 'ecosystem', 'fileNames']), format.id).toEqual(pick(parser, ['id', 'ecosystem', 'fileNames']));
    }
  });

  it("gives a scanner's quick test (mayMatch) no false negative: every file its parser finds something in passes it", async () => {
    // Every text file of the repository's tests and examples that a scanner with a quick test claims.
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (statSync(path).size < 1_000_000) files.push(path);
      }
    };
    for (const dir of ['__tests__', 'examples']) walk(join(REPO_ROOT, dir));
    const quick = allLockfileFormats().filter((f) => f.mayMatch !== undefined);
    expect(quick.map((f) => f.id).sort()).toEqual(['*.js', '*.py', 'kubernetes.yaml', 'model-config']);
    let found = 0;
    for (const format of quick) {
      const parser = await format.load();
      for (const file of files.filter((f) => formatsForPath(f.slice(REPO_ROOT.length + 1)).includes(format))) {
        const text = readFileSync(file, 'utf8');
        let count = 0;
        try {
          count = parser.parse(text, file).packages.length;
        } catch {
          // A file the scanner rejects is not one it finds something in.
        }
        if (count > 0) found++;
        if (count > 0) expect(format.mayMatch!(text), `${format.id}: ${file}`).toBe(true);
      }
    }
    // The scanners' own tests keep their inputs inline; these are files each one does find something in, so the
    // check above cannot pass vacuously.
    const samples: Record<string, [string, string][]> = {
      '*.py': [['train.py', 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model")\n'], ['emb.py', 'SentenceTransformer("org/st")\n']],
      '*.js': [['app.mjs', "const p = await pipeline(\n  'sentiment-analysis',\n  'org/js-model',\n);\n"]],
      'model-config': [['train.yaml', 'model_name_or_path: org/some-model\n'], ['adapter_config.json', '{"base_model_name_or_path": "x", "base_model": "org/base"}']],
      'kubernetes.yaml': [['deploy.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n']],
    };
    for (const format of quick) {
      const parser = await format.load();
      for (const [name, text] of samples[format.id] ?? []) {
        expect(parser.parse(text, name).packages.length, `${format.id}: ${name}`).toBeGreaterThan(0);
        expect(format.mayMatch!(text), `${format.id}: ${name}`).toBe(true);
        found++;
      }
    }
    expect(found).toBeGreaterThanOrEqual(6);
  });

  it('claims each conventional lockfile name for exactly one parser', async () => {
    for (const parser of (await allLockfileParsers()).filter((p) => !p.scanner)) {
      for (const name of parser.fileNames.filter((n) => !n.includes('*'))) {
        expect(formatForFileName(name)?.id, name).toBe(parser.id);
      }
    }
  });

  it('never lets a scanner take a file a lockfile parser claims', async () => {
    for (const parser of (await allLockfileParsers()).filter((p) => !p.scanner)) {
      for (const name of parser.fileNames.filter((n) => !n.includes('*'))) {
        expect(formatsForPath(`sub/${name}`).map((p) => p.id), name).toEqual([parser.id]);
      }
    }
    // pnpm-lock.yaml is YAML, but the Kubernetes and model-config scanners must not see it.
    expect(formatsForPath('pnpm-lock.yaml').map((p) => p.id)).toEqual(['pnpm-lock.yaml']);
  });

  it('runs every scanner that claims a file, by name or by path', () => {
    expect(formatsForPath('app/train.py').map((p) => p.id)).toEqual(['*.py']);
    expect(formatsForPath('.github/workflows/ci.yml').map((p) => p.id)).toEqual(['.github/workflows/*.yml', 'kubernetes.yaml', 'model-config']);
    expect(formatsForPath('svc/.github/workflows/ci.yaml').map((p) => p.id)).toContain('.github/workflows/*.yml');
    expect(formatsForPath('ci.yml').map((p) => p.id)).not.toContain('.github/workflows/*.yml');
    expect(formatsForPath('docker/Dockerfile').map((p) => p.id)).toEqual(['Dockerfile']);
    expect(formatsForPath('models/model.safetensors').map((p) => p.id)).toEqual(['model-file']);
    expect(formatsForPath('README.md')).toEqual([]);
  });

  it('matches simple globs', () => {
    expect(matchesFileName('requirements*.txt', 'requirements-dev.txt')).toBe(true);
    expect(matchesFileName('requirements*.txt', 'requirements.txt')).toBe(true);
    expect(matchesFileName('requirements*.txt', 'requirements.txt.bak')).toBe(false);
    expect(matchesFileName('*.lock.json', 'x.lock.json')).toBe(true);
    expect(matchesFileName('a*b*c', 'abc')).toBe(true);
    expect(matchesFileName('a*b*c', 'ac')).toBe(false);
  });
});
