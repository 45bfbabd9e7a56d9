import { DeleteIndex, KeyIndex } from './delete-index.js';
import type { TargetForms } from './target-forms.js';

/** The forms of one checked name that are compared with the targets' forms. */
export interface Probe {
  /** Look-alikes folded, separators removed. */
  squashed: string;
  /** Look-alikes folded, separators unified. */
  edit: string;
  /** Separators unified, look-alikes kept. */
  raw: string;
  /** Sorted words, when the name has several. */
  reorder?: string;
  /** The name's undecorated cores. */
  cores: readonly string[];
  /** Compared with the targets' cores by one edit (the squashed form, when long enough). */
  coreEdit?: string;
}

/** The targets related to a probe, by relation. Edit relations may hold extra ids: callers confirm each. */
export interface Related {
  /** Targets whose squashed form equals the probe's. */
  squashed: number[];
  /** Targets (long enough for edit checks) whose folded form is within one edit of the probe's. */
  edit: number[];
  /** The same over the unfolded forms. */
  raw: number[];
  /** Targets whose sorted words equal the probe's. */
  reorder: number[];
  /** Per probe core: targets whose squashed form equals it. */
  coreIsTarget: number[][];
  /** Per probe core: targets that have it among their cores. */
  coreIsCore: number[][];
  /** Targets with a core (long enough for edit checks) within one edit of `coreEdit`. */
  coreEdit: number[];
}

/** The index as plain data: typed arrays as base64 (the keys are the forms, stored once beside it). */
export interface SerializedTargetIndex {
  minEditLength: number;
  edit: SerializedDeletes;
  rawOnly: SerializedDeletes;
  coreEdit: SerializedDeletes;
  squashed: string;
  reorder: string;
  core: string;
  target: string;
}

interface SerializedDeletes {
  offsets: string;
  entries: string;
}

/** Every (core, target id) pair of the forms, flattened. */
function corePairs(forms: TargetForms): { keys: string[]; owners: number[] } {
  const keys: string[] = [];
  const owners: number[] = [];
  forms.cores.forEach((cores, id) => {
    for (const c of cores) {
      keys.push(c);
      owners.push(id);
    }
  });
  return { keys, owners };
}

/**
 * Every relation the detector asks about, as lookups: symmetric-delete indexes for single edits and sorted ids
 * for exact forms. Plain data throughout, so the bundled one is built at build time and a check costs a few
 * binary searches from the first name on.
 */
export class TargetIndex {
  private readonly coreOwners: number[];

  private constructor(
    readonly minEditLength: number,
    private readonly edit: DeleteIndex,
    /** Targets whose raw form differs from their folded one; the others' raw form is in `edit`. */
    private readonly rawOnly: DeleteIndex,
    private readonly coreEditIndex: DeleteIndex,
    private readonly squashedIndex: KeyIndex,
    private readonly reorderIndex: KeyIndex,
    /** Over (core, owner) pairs: its ids are pair positions. */
    private readonly coreIndex: KeyIndex,
    private readonly targetIndex: KeyIndex,
    coreOwners: number[],
  ) {
    this.coreOwners = coreOwners;
  }

  /** Builds the index of `forms`; single-edit relations only for targets of at least `minEditLength` characters. */
  static build(forms: TargetForms, minEditLength: number): TargetIndex {
    const editForms: string[] = [];
    const editIds: number[] = [];
    const rawForms: string[] = [];
    const rawIds: number[] = [];
    const coreForms: string[] = [];
    const coreIds: number[] = [];
    forms.targets.forEach((t, id) => {
      if (t.length >= minEditLength) {
        editForms.push(forms.editForm[id]!);
        editIds.push(id);
        if (forms.rawForm[id] !== forms.editForm[id]) {
          rawForms.push(forms.rawForm[id]!);
          rawIds.push(id);
        }
      }
      for (const c of forms.cores[id]!) {
        if (c.length >= minEditLength) {
          coreForms.push(c);
          coreIds.push(id);
        }
      }
    });
    const n = forms.targets.length;
    const pairs = corePairs(forms);
    return new TargetIndex(
      minEditLength,
      new DeleteIndex(editForms, editIds),
      new DeleteIndex(rawForms, rawIds),
      new DeleteIndex(coreForms, coreIds),
      KeyIndex.build(n, (id) => forms.squashed[id]),
      KeyIndex.build(n, (id) => forms.reorder[id] ?? undefined),
      KeyIndex.build(pairs.keys.length, (p) => pairs.keys[p]),
      KeyIndex.build(n, (id) => forms.targets[id]),
      pairs.owners,
    );
  }

  /** Restores an index `serialize` wrote over the same forms. */
  static deserialize(data: SerializedTargetIndex, forms: TargetForms): TargetIndex {
    const deletes = (d: SerializedDeletes): DeleteIndex =>
      new DeleteIndex({ offsets: fromBase64(d.offsets), entries: fromBase64(d.entries) });
    const pairs = corePairs(forms);
    return new TargetIndex(
      data.minEditLength,
      deletes(data.edit),
      deletes(data.rawOnly),
      deletes(data.coreEdit),
      new KeyIndex(fromBase64(data.squashed), (id) => forms.squashed[id]),
      new KeyIndex(fromBase64(data.reorder), (id) => forms.reorder[id] ?? undefined),
      new KeyIndex(fromBase64(data.core), (p) => pairs.keys[p]),
      new KeyIndex(fromBase64(data.target), (id) => forms.targets[id]),
      pairs.owners,
    );
  }

  /** The index as plain data (JSON-safe; the forms are stored separately). */
  serialize(): SerializedTargetIndex {
    const deletes = (d: DeleteIndex): SerializedDeletes => {
      const { offsets, entries } = d.toArrays();
      return { offsets: toBase64(offsets), entries: toBase64(entries) };
    };
    return {
      minEditLength: this.minEditLength,
      edit: deletes(this.edit),
      rawOnly: deletes(this.rawOnly),
      coreEdit: deletes(this.coreEditIndex),
      squashed: toBase64(this.squashedIndex.toArray()),
      reorder: toBase64(this.reorderIndex.toArray()),
      core: toBase64(this.coreIndex.toArray()),
      target: toBase64(this.targetIndex.toArray()),
    };
  }

  /** Every target related to `probe`. */
  related(probe: Probe): Related {
    const raw = this.edit.candidates(probe.raw);
    for (const id of this.rawOnly.candidates(probe.raw)) if (!raw.includes(id)) raw.push(id);
    return {
      squashed: this.squashedIndex.get(probe.squashed),
      edit: this.edit.candidates(probe.edit),
      raw,
      reorder: probe.reorder === undefined ? [] : this.reorderIndex.get(probe.reorder),
      coreIsTarget: probe.cores.map((c) => this.squashedIndex.get(c)),
      coreIsCore: probe.cores.map((c) => this.coreIndex.get(c).map((p) => this.coreOwners[p]!)),
      coreEdit: probe.coreEdit === undefined ? [] : this.coreEditIndex.candidates(probe.coreEdit),
    };
  }

  /** The id of a target by canonical name (the most popular, if several canonicalise alike). */
  idOf(name: string): number | undefined {
    return this.targetIndex.get(name)[0];
  }
}

function toBase64(array: Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  // Copy into an aligned buffer: a Buffer from the pool may start at an offset that is not a multiple of 4.
  const out = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
