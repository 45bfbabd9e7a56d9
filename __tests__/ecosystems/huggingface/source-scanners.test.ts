import { describe, expect, it } from 'vitest';
import { loadLockfileParser, isHubId, ParseError, pythonStringValue } from '@lockwarden/core';

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const py = await loadLockfileParser('*.py');
const js = await loadLockfileParser('*.js');
const config = await loadLockfileParser('model-config');
const refs = (inv: ReturnType<typeof py.parse>) =>
  inv.packages.map((p) => ({ name: p.name, version: p.version, line: p.location.line, pinned: p.reference?.pinned, trust: p.reference?.trustRemoteCode ?? false, kind: p.reference?.kind, via: p.reference?.via }));

describe('Python source (Lezer parser)', () => {
  it('finds each loader with its id, revision, trust_remote_code and line', () => {
    const text = [
      'import datasets',
      'from huggingface_hub import hf_hub_download, snapshot_download',
      'from sentence_transformers import SentenceTransformer',
      'MODEL_ID = "acme/const-model"',
      'tok = AutoTokenizer.from_pretrained(MODEL_ID)',
      `m = AutoModelForCausalLM.from_pretrained(pretrained_model_name_or_path="acme/kw-model", revision="${SHA}", trust_remote_code=True)`,
      "p = pipeline('summarization', 'acme/positional-model', revision='main')",
      'path = hf_hub_download(repo_id="acme/data", filename="x.csv", repo_type="dataset")',
      'snapshot_download("acme/snap")',
      'st = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")',
      'ds = datasets.load_dataset("acme/corpus", split="train")',
      '',
    ].join('\n');
    expect(refs(py.parse(text, 'train.py'))).toEqual([
      { name: 'acme/const-model', version: '', line: 5, pinned: false, trust: false, kind: 'model', via: 'from_pretrained' },
      { name: 'acme/kw-model', version: SHA, line: 6, pinned: true, trust: true, kind: 'model', via: 'from_pretrained' },
      { name: 'acme/positional-model', version: 'main', line: 7, pinned: false, trust: false, kind: 'model', via: 'pipeline' },
      { name: 'datasets/acme/data', version: '', line: 8, pinned: false, trust: false, kind: 'dataset', via: 'hf_hub_download' },
      { name: 'acme/snap', version: '', line: 9, pinned: false, trust: false, kind: 'model', via: 'snapshot_download' },
      { name: 'sentence-transformers/all-MiniLM-L6-v2', version: '', line: 10, pinned: false, trust: false, kind: 'model', via: 'SentenceTransformer' },
      { name: 'datasets/acme/corpus', version: '', line: 11, pinned: false, trust: false, kind: 'dataset', via: 'load_dataset' },
    ]);
  });

  it('is not fooled by comments, strings, docstrings or f-strings', () => {
    const text = [
      '"""Load with AutoModel.from_pretrained("acme/in-docstring")."""',
      '# AutoModel.from_pretrained("acme/in-comment")',
      'x = "AutoModel.from_pretrained(\'acme/in-string\')"',
      'y = AutoModel.from_pretrained(f"acme/{name}")',
      'z = AutoModel.from_pretrained("./local/checkpoint")',
      'w = AutoModel.from_pretrained(os.environ["MODEL"])',
      '',
    ].join('\n');
    expect(py.parse(text, 'a.py').packages).toEqual([]);
  });

  it('gives purls per the purl spec, with the lowercase commit as version', () => {
    const inv = py.parse(`AutoModel.from_pretrained("Acme/Model", revision="${SHA.toUpperCase()}")\n`, 'a.py');
    expect(inv.packages[0]?.purl).toBe(`pkg:huggingface/Acme/Model@${SHA}`);
  });

  it('decodes Python string literals', () => {
    expect(pythonStringValue("'a\\'b'")).toBe("a'b");
    expect(pythonStringValue('r"a\\nb"')).toBe('a\\nb');
    expect(pythonStringValue('"""x"""')).toBe('x');
    expect(pythonStringValue('b"x"')).toBeUndefined();
  });

  it('accepts Hub ids and rejects paths and URLs', () => {
    expect(isHubId('gpt2')).toBe(true);
    expect(isHubId('org/model-1.5')).toBe(true);
    expect(isHubId('./model')).toBe(false);
    expect(isHubId('a/b/c')).toBe(false);
    expect(isHubId('https://example.org/x')).toBe(false);
  });
});

describe('JavaScript source (meriyah)', () => {
  it('finds @huggingface/transformers pipeline and from_pretrained calls', () => {
    const text = [
      "import { pipeline, AutoModel } from '@huggingface/transformers';",
      "// pipeline('x', 'acme/in-comment')",
      "const p = await pipeline('sentiment-analysis', 'Xenova/distilbert-base-uncased', { revision: 'main' });",
      `const m = await AutoModel.from_pretrained('acme/pinned', { revision: '${SHA}' });`,
      "const s = \"pipeline('x', 'acme/in-string')\";",
      '',
    ].join('\n');
    expect(refs(js.parse(text, 'app.mjs'))).toEqual([
      { name: 'Xenova/distilbert-base-uncased', version: 'main', line: 3, pinned: false, trust: false, kind: 'model', via: 'pipeline' },
      { name: 'acme/pinned', version: SHA, line: 4, pinned: true, trust: false, kind: 'model', via: 'from_pretrained' },
    ]);
  });

  it('names file, line and column for JavaScript it cannot parse', () => {
    const err = (() => {
      try {
        js.parse("pipeline('a', 'b/c'\n  {{{", 'bad.js');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).message).toMatch(/^bad\.js:2:\d+: invalid JavaScript/);
  });
});

describe('configuration keys', () => {
  it('reads model_name_or_path with a revision sibling from YAML and JSON, with lines', () => {
    const yaml = `model:\n  model_name_or_path: acme/base\n  revision: ${SHA}\n  trust_remote_code: true\ndataset_name: acme/corpus\n`;
    expect(refs(config.parse(yaml, 'train.yaml')).sort((a, b) => (a.line ?? 0) - (b.line ?? 0))).toEqual([
      { name: 'acme/base', version: SHA, line: 2, pinned: true, trust: true, kind: 'model', via: 'model_name_or_path' },
      { name: 'datasets/acme/corpus', version: '', line: 5, pinned: false, trust: false, kind: 'dataset', via: 'dataset_name' },
    ]);
    const json = '{\n  "base_model": "acme/base-json"\n}\n';
    expect(refs(config.parse(json, 'adapter_config.json'))).toEqual([
      { name: 'acme/base-json', version: '', line: 2, pinned: false, trust: false, kind: 'model', via: 'base_model' },
    ]);
  });

  it('leaves files without those keys alone, even when they are not valid YAML', () => {
    expect(config.parse('a: [unclosed\n', 'x.yaml').packages).toEqual([]);
  });
});
