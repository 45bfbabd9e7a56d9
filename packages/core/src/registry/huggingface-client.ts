import spdxLicenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { SourceUnavailableError } from '../errors.js';
import { isRecord } from '../parse/json.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import type { HubRepoFacts, PackageMetadata, RegistryClient, VersionMetadata } from './types.js';

/** The endpoint huggingface_hub uses when `HF_ENDPOINT` is not set. */
export const HF_DEFAULT_ENDPOINT = 'https://huggingface.co';

/** Weight files that unpickle on load. */
const PICKLE_WEIGHTS = /\.(?:bin|pt|pth|pkl|pickle|ckpt|joblib)$/i;
/** Weight files that carry no code. */
const SAFE_WEIGHTS = /\.(?:safetensors|gguf|onnx|msgpack|h5|tflite)$/i;

let spdxIds: Map<string, string> | undefined;

/**
 * The Hub writes license ids in lowercase (`apache-2.0`, `mit`); SPDX ids are case-sensitive in the lists a policy
 * names, so known ids are given their canonical case. Hub-only ids (`openrail`, `llama3`) stay as written.
 */
export function canonicalLicenseId(id: string): string {
  if (!spdxIds) {
    spdxIds = new Map((spdxLicenseIds as string[]).map((i) => [i.toLowerCase(), i]));
  }
  return spdxIds.get(id.toLowerCase()) ?? id;
}

/** The Hub's base URL and token, read the way huggingface_hub reads them (`HF_ENDPOINT`, `HF_TOKEN`). */
export function hubSettings(env: Record<string, string | undefined>): { endpoint: string; token?: string } {
  const endpoint = (env.HF_ENDPOINT || HF_DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const token = env.HF_TOKEN || env.HUGGING_FACE_HUB_TOKEN;
  return { endpoint, ...(token ? { token } : {}) };
}

/**
 * The Hugging Face Hub API: `/api/models/{id}` (and `/api/datasets/{id}`) for existence, gating, license
 * (`cardData.license`), files (`siblings`) and `lastModified`; `/api/models/{id}/revision/{rev}` for a pinned
 * commit. Package names of datasets start with `datasets/`. Without a token the Hub answers 401 with
 * `X-Error-Code: RepoNotFound` for a repository that does not exist (or is private): that is "does not exist",
 * not an outage; a gated repository is listed (its metadata is public).
 */
export class HubRegistryClient implements RegistryClient {
  readonly ecosystem = 'Hugging Face' as const;

  constructor(
    private readonly settings: { endpoint: string; token?: string },
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const doc = await this.fetch(name);
    const registry = this.settings.endpoint;
    if (!doc) return { ecosystem: this.ecosystem, name, exists: false, registry, versions: [] };
    const hub = hubFacts(doc, name.startsWith('datasets/') ? 'dataset' : 'model');
    const versions: VersionMetadata[] = hub.sha
      ? [{ version: hub.sha, ...(hub.lastModified ? { publishedAt: hub.lastModified } : {}), publishing: { level: 'none' } }]
      : [];
    const meta: PackageMetadata = { ecosystem: this.ecosystem, name, exists: true, registry, versions, hub };
    if (hub.sha) meta.latest = hub.sha;
    if (typeof doc.createdAt === 'string') meta.firstPublishedAt = doc.createdAt;
    if (hub.card?.license) {
      meta.license = hub.card.license;
      if (versions[0]) versions[0].license = hub.card.license;
    }
    if (typeof doc.downloads === 'number') meta.downloadsLastMonth = doc.downloads;
    return meta;
  }

  /** The repository at one revision: `undefined` when the Hub has no such revision. */
  async getVersion(name: string, version: string): Promise<VersionMetadata | undefined> {
    const doc = await this.fetch(name, version);
    if (!doc) return undefined;
    const hub = hubFacts(doc, name.startsWith('datasets/') ? 'dataset' : 'model');
    return {
      version,
      ...(hub.lastModified ? { publishedAt: hub.lastModified } : {}),
      ...(hub.card?.license ? { license: hub.card.license } : {}),
      publishing: { level: 'none' },
    };
  }

  /** The repository's facts at `revision` (default: main), or undefined when the Hub has no such repository or revision. */
  async getRepo(name: string, revision?: string): Promise<HubRepoFacts | undefined> {
    const doc = await this.fetch(name, revision);
    return doc ? hubFacts(doc, name.startsWith('datasets/') ? 'dataset' : 'model') : undefined;
  }

  private async fetch(name: string, revision?: string): Promise<Record<string, unknown> | undefined> {
    const dataset = name.startsWith('datasets/');
    const id = dataset ? name.slice('datasets/'.length) : name;
    const path = `${dataset ? 'datasets' : 'models'}/${id.split('/').map(encodeURIComponent).join('/')}`;
    const url = `${this.settings.endpoint}/api/${path}${revision ? `/revision/${encodeURIComponent(revision)}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.settings.token) headers.authorization = `Bearer ${this.settings.token}`;
    const res = await this.fetcher.get(url, 'Hugging Face Hub', headers, undefined, {
      notFound: (r) => r.status === 401 && /^(?:RepoNotFound|RevisionNotFound|EntryNotFound)$/.test(r.headers.get('x-error-code') ?? ''),
    });
    if (res.status === 404) return undefined;
    let doc: unknown;
    try {
      doc = JSON.parse(res.body);
    } catch {
      throw new SourceUnavailableError('Hugging Face Hub', `the metadata of ${name} is not JSON`);
    }
    if (!isRecord(doc)) throw new SourceUnavailableError('Hugging Face Hub', `the metadata of ${name} is not an object`);
    return doc;
  }
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const out = value.filter((v): v is string => typeof v === 'string');
    return out.length > 0 ? out : undefined;
  }
  return undefined;
}

/** The facts of one `/api/models/{id}` answer. */
export function hubFacts(doc: Record<string, unknown>, kind: 'model' | 'dataset'): HubRepoFacts {
  const files = (Array.isArray(doc.siblings) ? doc.siblings : [])
    .filter(isRecord)
    .map((s) => s.rfilename)
    .filter((f): f is string => typeof f === 'string')
    .sort();
  const card = isRecord(doc.cardData) ? doc.cardData : {};
  const license = strings(card.license);
  const facts: HubRepoFacts = {
    kind,
    gated: doc.gated === false || doc.gated === undefined ? false : String(doc.gated),
    files,
    pickleOnly: kind === 'model' && files.some((f) => PICKLE_WEIGHTS.test(f)) && !files.some((f) => SAFE_WEIGHTS.test(f)),
  };
  if (typeof doc.sha === 'string') facts.sha = doc.sha;
  if (doc.private === true) facts.private = true;
  if (typeof doc.lastModified === 'string') facts.lastModified = doc.lastModified;
  if (typeof doc.pipeline_tag === 'string') facts.pipelineTag = doc.pipeline_tag;
  if (typeof doc.library_name === 'string') facts.libraryName = doc.library_name;
  const cardFacts: NonNullable<HubRepoFacts['card']> = {};
  const licenses = license?.map(canonicalLicenseId);
  if (licenses?.[0]) cardFacts.license = licenses.length === 1 ? licenses[0] : licenses.join(' OR ');
  const datasets = strings(card.datasets);
  if (datasets) cardFacts.datasets = datasets;
  const baseModel = strings(card.base_model);
  if (baseModel) cardFacts.baseModel = baseModel;
  const language = strings(card.language);
  if (language) cardFacts.language = language;
  const tags = strings(card.tags);
  if (tags) cardFacts.tags = tags;
  if (Object.keys(cardFacts).length > 0) facts.card = cardFacts;
  return facts;
}
