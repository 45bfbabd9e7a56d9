import type { TargetForms } from './target-forms.js';
import { TargetIndex, type SerializedTargetIndex } from './target-lookup.js';

/**
 * The precomputed typosquat data of one ecosystem, as written to `packages/core/generated/typosquat-<eco>.json` by
 * `scripts/generate/typosquat-index.mjs`: the popularity snapshot, its targets' comparison forms and their index.
 * String lists are joined by newlines (a JSON string parses far faster than an array of 50,000 strings), typed
 * arrays are base64, and a form equal to the target name is stored empty.
 */
export interface EncodedBundledIndex {
  description: string;
  names: string;
  /** npm: monthly downloads (null where unknown); PyPI: ranks. */
  scores: Array<number | null>;
  forms: Record<keyof TargetForms, string>;
  index: SerializedTargetIndex;
}

/** The decoded data: what the snapshot and the detector are built from. */
export interface BundledIndex {
  description: string;
  names: string[];
  scores: Array<number | null>;
  forms: TargetForms;
  index: TargetIndex;
}

/** Encodes the data for the generated file. */
export function encodeBundledIndex(data: BundledIndex): EncodedBundledIndex {
  const { forms } = data;
  const sameAsTarget = (list: readonly string[]): string => list.map((f, i) => (f === forms.targets[i] ? '' : f)).join('\n');
  return {
    description: data.description,
    names: data.names.join('\n'),
    scores: data.scores,
    forms: {
      targets: forms.targets.join('\n'),
      editForm: sameAsTarget(forms.editForm),
      rawForm: sameAsTarget(forms.rawForm),
      squashed: forms.squashed.join('\n'),
      reorder: forms.reorder.map((r) => r ?? '').join('\n'),
      cores: forms.cores.map((c) => c.join(' ')).join('\n'),
    },
    index: data.index.serialize(),
  };
}

/** Decodes the generated file's content. */
export function decodeBundledIndex(encoded: EncodedBundledIndex): BundledIndex {
  const f = encoded.forms;
  const targets = f.targets.split('\n');
  const orTarget = (text: string): string[] => text.split('\n').map((v, i) => v || targets[i]!);
  const forms: TargetForms = {
    targets,
    editForm: orTarget(f.editForm),
    rawForm: orTarget(f.rawForm),
    squashed: f.squashed.split('\n'),
    reorder: f.reorder.split('\n').map((r) => r || null),
    cores: f.cores.split('\n').map((c) => (c ? c.split(' ') : [])),
  };
  return {
    description: encoded.description,
    names: encoded.names.split('\n'),
    scores: encoded.scores,
    forms,
    index: TargetIndex.deserialize(encoded.index, forms),
  };
}
