import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HubRegistryClient,
  hubSettings,
  RegistryClients,
  RegistryEnrichmentSource,
  RegistryFetcher,
  RegistryHttp,
  runCheck,
  SourceUnavailableError,
} from '@lockwarden/core';
import { REPO_ROOT } from '../../helpers/conformance.js';
import { sendJson, startTestServer, type TestServer } from '../../helpers/http-server.js';

const BERT = JSON.parse(readFileSync(join(REPO_ROOT, '__tests__/fixtures/huggingface/model-google-bert-bert-base-uncased.json'), 'utf8')) as Record<string, unknown>;
const PINNED = '1111111111111111111111111111111111111111';
/** A gated repository with pickle weights only, in the same shape as the recorded answer. */
const PICKLE_ONLY = {
  ...BERT,
  _id: '65f0000000000000000000aa',
  id: 'acme/pickle-only',
  modelId: 'acme/pickle-only',
  author: 'acme',
  sha: '2222222222222222222222222222222222222222',
  gated: 'manual',
  cardData: { license: 'cc-by-nc-4.0' },
  siblings: [{ rfilename: '.gitattributes' }, { rfilename: 'config.json' }, { rfilename: 'pytorch_model.bin' }],
};

let hub: TestServer;
let outage: TestServer;

beforeAll(async () => {
  hub = await startTestServer((req, res) => {
    const path = req.url.split('?')[0] ?? '';
    if (path === '/api/models/google-bert/bert-base-uncased') return sendJson(res, 200, BERT);
    if (path === `/api/models/google-bert/bert-base-uncased/revision/${PINNED}`) return sendJson(res, 200, { ...BERT, sha: PINNED, lastModified: '2023-01-01T00:00:00.000Z' });
    if (path === '/api/models/acme/pickle-only') return sendJson(res, 200, PICKLE_ONLY);
    if (path === '/api/datasets/acme/corpus') return sendJson(res, 200, { _id: 'x', id: 'acme/corpus', sha: '3'.repeat(40), lastModified: '2024-05-01T00:00:00.000Z', gated: false, cardData: { license: 'mit' }, siblings: [{ rfilename: 'data.parquet' }] });
    // What the Hub answers without a token for a repository that does not exist (or is private).
    return sendJson(res, 401, { error: 'Repository Not Found for url: ...' }, { 'x-error-code': 'RepoNotFound' });
  });
  outage = await startTestServer((_req, res) => sendJson(res, 503, { error: 'down' }));
});
afterAll(async () => {
  await hub.close();
  await outage.close();
});

function client(endpoint: string, token?: string): HubRegistryClient {
  const http = new RegistryHttp({ retries: 1, baseDelayMs: 1, sleep: async () => {} });
  return new HubRegistryClient({ endpoint, ...(token ? { token } : {}) }, new RegistryFetcher({ http }));
}

describe('Hugging Face Hub client against a local server speaking the Hub API', () => {
  it('reads existence, license from cardData, gating, files and lastModified', async () => {
    const meta = await client(hub.url).getPackage('google-bert/bert-base-uncased');
    expect(meta.exists).toBe(true);
    expect(meta.license).toBe('Apache-2.0');
    expect(meta.latest).toBe('86b5e0934494bd15c9632b12f734a8a67f723594');
    expect(meta.versions).toEqual([{ version: '86b5e0934494bd15c9632b12f734a8a67f723594', publishedAt: '2024-02-19T11:06:12.000Z', license: 'Apache-2.0', publishing: { level: 'none' } }]);
    expect(meta.hub).toMatchObject({ kind: 'model', gated: false, pickleOnly: false, pipelineTag: 'fill-mask', libraryName: 'transformers', card: { license: 'Apache-2.0', datasets: ['bookcorpus', 'wikipedia'] } });
    expect(meta.hub?.files).toContain('model.safetensors');
  });

  it('tells a pickle-only gated repository from one with safetensors', async () => {
    const meta = await client(hub.url).getPackage('acme/pickle-only');
    expect(meta.hub).toMatchObject({ gated: 'manual', pickleOnly: true, card: { license: 'CC-BY-NC-4.0' } });
  });

  it('reads a pinned revision from /api/models/{id}/revision/{rev}', async () => {
    const version = await client(hub.url).getVersion('google-bert/bert-base-uncased', PINNED);
    expect(version).toEqual({ version: PINNED, publishedAt: '2023-01-01T00:00:00.000Z', license: 'Apache-2.0', publishing: { level: 'none' } });
    expect(await client(hub.url).getVersion('google-bert/bert-base-uncased', 'f'.repeat(40))).toBeUndefined();
  });

  it('reads datasets from /api/datasets/{id}', async () => {
    const meta = await client(hub.url).getPackage('datasets/acme/corpus');
    expect(meta.exists).toBe(true);
    expect(meta.hub?.kind).toBe('dataset');
    expect(hub.requests.some((r) => r.url === '/api/datasets/acme/corpus')).toBe(true);
  });

  it("reads the Hub's 401 RepoNotFound as does-not-exist, and sends HF_TOKEN as a bearer token", async () => {
    const meta = await client(hub.url, 'hf_test_token').getPackage('acme/hallucinated-model');
    expect(meta.exists).toBe(false);
    const last = hub.requests[hub.requests.length - 1];
    expect(last?.headers.authorization).toBe('Bearer hf_test_token');
  });

  it('fails closed on an outage instead of answering does-not-exist', async () => {
    await expect(client(outage.url).getPackage('google-bert/bert-base-uncased')).rejects.toBeInstanceOf(SourceUnavailableError);
  });

  it('takes the endpoint from HF_ENDPOINT and the token from HF_TOKEN', () => {
    expect(hubSettings({ HF_ENDPOINT: 'https://hub.example.org/', HF_TOKEN: 't' })).toEqual({ endpoint: 'https://hub.example.org', token: 't' });
    expect(hubSettings({}).endpoint).toBe('https://huggingface.co');
  });
});

describe('Hub data in a check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockwarden-hub-check-'));
    writeFileSync(
      join(dir, 'train.py'),
      [
        'from transformers import AutoModel',
        `a = AutoModel.from_pretrained("google-bert/bert-base-uncased", revision="${PINNED}")`,
        'b = AutoModel.from_pretrained("acme/pickle-only", revision="2222222222222222222222222222222222222222")',
        'c = AutoModel.from_pretrained("acme/hallucinated-model", revision="4444444444444444444444444444444444444444")',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'lockwarden.yml'), 'extends: [lockwarden:baseline]\nrules:\n  model-license: { action: block, allow: [Apache-2.0, MIT] }\n  release-age: { action: off }\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flags the nonexistent model, the pickle-only one and the non-allowed license', async () => {
    const registry = new RegistryEnrichmentSource(new RegistryClients({ cwd: dir, env: { HF_ENDPOINT: hub.url }, cacheDir: null }));
    const result = await runCheck({ cwd: dir, mode: 'audit' }, { registry });
    const got = result.decision.findings.map((f) => `${f.rule} ${f.name}`).sort();
    expect(got).toEqual(['model-format acme/pickle-only', 'model-license acme/pickle-only', 'nonexistent acme/hallucinated-model']);
    expect(result.decision.verdict).toBe('fail');
  });
});

describe('sbom --model-cards', () => {
  it('attaches a CycloneDX 1.6 modelCard from the Hub to the pinned model, read at its revision, and validates', async () => {
    const { runCli } = await import('../../helpers/run-cli.js');
    const { validateSbomJson } = await import('@lockwarden/core');
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-model-cards-'));
    try {
      writeFileSync(join(dir, 'app.py'), `from transformers import AutoModel\nAutoModel.from_pretrained("google-bert/bert-base-uncased", revision="${PINNED}")\nAutoModel.from_pretrained("acme/hallucinated-model")\n`);
      const r = await runCli(['sbom', '--model-cards'], { cwd: dir, env: { HF_ENDPOINT: hub.url } });
      expect(r.code).toBe(0);
      const bom = JSON.parse(r.stdout) as { components: Array<{ name: string; type: string; modelCard?: Record<string, unknown> }> };
      const bert = bom.components.find((c) => c.name === 'google-bert/bert-base-uncased');
      expect(bert?.type).toBe('machine-learning-model');
      expect(bert?.modelCard).toEqual({
        modelParameters: { task: 'fill-mask', architectureFamily: 'transformers', datasets: [{ type: 'dataset', name: 'bookcorpus' }, { type: 'dataset', name: 'wikipedia' }] },
        properties: [
          { name: 'huggingface:sha', value: PINNED },
          { name: 'huggingface:lastModified', value: '2023-01-01T00:00:00.000Z' },
        ],
      });
      expect(bom.components.find((c) => c.name === 'acme/hallucinated-model')?.modelCard).toBeUndefined();
      expect(hub.requests.some((q) => q.url === `/api/models/google-bert/bert-base-uncased/revision/${PINNED}`)).toBe(true);
      expect((await validateSbomJson(r.stdout, 'sbom.json')).issues).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
