import { buildPurl } from '../../model/purl.js';
import type { Package } from '../../model/package.js';
import { isCommitSha, referencePackage } from '../reference-package.js';

/**
 * A Hub repository id: `name` (legacy canonical models such as `gpt2`) or `owner/name`, with the Hub's allowed
 * characters. Paths (`./model`, `/models/x`, `a/b/c`) and URLs are local or remote files, not Hub ids.
 */
export function isHubId(text: string): boolean {
  return /^(?:[A-Za-z0-9][\w.-]{0,95}\/)?[A-Za-z0-9][\w.-]{0,95}$/.test(text) && !/\.\.|--/.test(text) && !text.endsWith('.');
}

/** What a call or key says about one Hub repository. */
export interface HubReferenceInput {
  id: string;
  kind: 'model' | 'dataset';
  revision?: string;
  trustRemoteCode?: boolean;
  file: string;
  line: number;
  via: string;
}

/**
 * The purl spec's huggingface type: `pkg:huggingface/<owner>/<name>@<commit>` (lowercase commit). Datasets are not
 * in the spec; lockwarden writes them under a `datasets/` namespace, as the Hub's own URLs do.
 * The package name of a dataset carries the same `datasets/` prefix, so a model and a dataset never collide.
 */
export function hubPackage(input: HubReferenceInput): Package {
  const slash = input.id.indexOf('/');
  const owner = slash >= 0 ? input.id.slice(0, slash) : undefined;
  const name = slash >= 0 ? input.id.slice(slash + 1) : input.id;
  const namespace = input.kind === 'dataset' ? ['datasets', owner].filter(Boolean).join('/') : owner;
  const pinned = isCommitSha(input.revision);
  const version = input.revision ? (pinned ? input.revision.toLowerCase() : input.revision) : '';
  return referencePackage({
    ecosystem: 'Hugging Face',
    name: input.kind === 'dataset' ? `datasets/${input.id}` : input.id,
    version,
    purl: buildPurl('huggingface', namespace, name, version || undefined),
    file: input.file,
    line: input.line,
    registry: true,
    reference: {
      kind: input.kind,
      pinned,
      via: input.via,
      ...(input.revision ? { ref: input.revision } : {}),
      ...(input.trustRemoteCode ? { trustRemoteCode: true } : {}),
    },
  });
}

/** Calls that load a Hub repository, by the callable's last name: which argument holds the id, and its kind. */
export interface LoaderCall {
  /** Keyword names of the id argument. */
  idKeywords: readonly string[];
  /** 0-based position of the id when passed positionally. */
  idPosition: number;
  kind: 'model' | 'dataset';
}

/** The loaders of transformers, diffusers, huggingface_hub, sentence-transformers and datasets. */
export const PYTHON_LOADERS: ReadonlyMap<string, LoaderCall> = new Map<string, LoaderCall>([
  ['from_pretrained', { idKeywords: ['pretrained_model_name_or_path', 'model_id', 'repo_id'], idPosition: 0, kind: 'model' }],
  ['pipeline', { idKeywords: ['model'], idPosition: 1, kind: 'model' }],
  ['hf_hub_download', { idKeywords: ['repo_id'], idPosition: 0, kind: 'model' }],
  ['snapshot_download', { idKeywords: ['repo_id'], idPosition: 0, kind: 'model' }],
  ['SentenceTransformer', { idKeywords: ['model_name_or_path'], idPosition: 0, kind: 'model' }],
  ['CrossEncoder', { idKeywords: ['model_name', 'model_name_or_path'], idPosition: 0, kind: 'model' }],
  ['load_dataset', { idKeywords: ['path'], idPosition: 0, kind: 'dataset' }],
]);
