import { DeleteIndex, KeyIndex } from './delete-index.js';
import type { PageSource } from './paged-file.js';
import type { ReadonlyColumn } from './string-column.js';
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

/** The index as plain data: typed arrays only (the keys are the forms, stored once beside it). */
export interface TargetIndexArrays {
  minEditLength: number;
  edit: DeleteArrays;
  rawOnly: DeleteArrays;
  coreEdit: DeleteArrays;
  squashed: Uint32Array;
  reorder: Uint32Array;
  core: Uint32Array;
  target: Uint32Array;
  /** Every (core, target id) pair of the forms, flattened: the core index's ids are positions in it. */
  corePairs: CorePairs;
}

interface DeleteArrays {
  offsets: Uint32Array;
  entries: Uint32Array;
}

/** The targets' cores as (core, owner) pairs; the core index sorts pair positions by core. */
export interface CorePairs {
  keys: ReadonlyColumn<string>;
  owners: ReadonlyColumn<number>;
}

/** Every (core, target id) pair of the forms, flattened. */
export function corePairs(forms: TargetForms): { keys: string[]; owners: number[] } {
  const keys: string[] = [];
  const owners: number[] = [];
  for (let id = 0; id < forms.cores.length; id++) {
    for (const c of forms.cores.at(id)!) {
      keys.push(c);
      owners.push(id);
    }
  }
  return { keys, owners };
}

/**
 * Every relation the detector asks about, as lookups: symmetric-delete indexes for single edits and sorted ids
 * for exact forms. Plain data throughout, so the bundled one is built at build time and a check costs a few
 * binary searches from the first name on.
 */
export class TargetIndex {
  private readonly pairs: CorePairs;

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
    pairs: CorePairs,
  ) {
    this.pairs = pairs;
  }

  /** Builds the index of `forms`; single-edit relations only for targets of at least `minEditLength` characters. */
  static build(forms: TargetForms, minEditLength: number): TargetIndex {
    const editForms: string[] = [];
    const editIds: number[] = [];
    const rawForms: string[] = [];
    const rawIds: number[] = [];
    const coreForms: string[] = [];
    const coreIds: number[] = [];
    for (let id = 0; id < forms.targets.length; id++) {
      if (forms.targets.at(id)!.length >= minEditLength) {
        editForms.push(forms.editForm.at(id)!);
        editIds.push(id);
        if (forms.rawForm.at(id) !== forms.editForm.at(id)) {
          rawForms.push(forms.rawForm.at(id)!);
          rawIds.push(id);
        }
      }
      for (const c of forms.cores.at(id)!) {
        if (c.length >= minEditLength) {
          coreForms.push(c);
          coreIds.push(id);
        }
      }
    }
    const n = forms.targets.length;
    const pairs = corePairs(forms);
    return new TargetIndex(
      minEditLength,
      new DeleteIndex(editForms, editIds),
      new DeleteIndex(rawForms, rawIds),
      new DeleteIndex(coreForms, coreIds),
      KeyIndex.build(n, (id) => forms.squashed.at(id)),
      KeyIndex.build(n, (id) => forms.reorder.at(id) ?? undefined),
      KeyIndex.build(pairs.keys.length, (p) => pairs.keys[p]),
      KeyIndex.build(n, (id) => forms.targets.at(id)),
      pairs,
    );
  }

  /**
   * Restores an index from the arrays `toArrays` returned for the same forms (no set-up: views, not copies);
   * `pages` when they are views of a file read on demand.
   */
  static fromArrays(data: TargetIndexArrays, forms: TargetForms, pages?: PageSource): TargetIndex {
    const keys = data.corePairs.keys;
    return new TargetIndex(
      data.minEditLength,
      new DeleteIndex(data.edit, undefined, pages),
      new DeleteIndex(data.rawOnly, undefined, pages),
      new DeleteIndex(data.coreEdit, undefined, pages),
      new KeyIndex(data.squashed, (id) => forms.squashed.at(id), pages),
      new KeyIndex(data.reorder, (id) => forms.reorder.at(id) ?? undefined, pages),
      new KeyIndex(data.core, (p) => keys.at(p), pages),
      new KeyIndex(data.target, (id) => forms.targets.at(id), pages),
      data.corePairs,
    );
  }

  /** The index as plain arrays (what the build writes to the binary index). */
  toArrays(): TargetIndexArrays {
    return {
      minEditLength: this.minEditLength,
      edit: this.edit.toArrays(),
      rawOnly: this.rawOnly.toArrays(),
      coreEdit: this.coreEditIndex.toArrays(),
      squashed: this.squashedIndex.toArray(),
      reorder: this.reorderIndex.toArray(),
      core: this.coreIndex.toArray(),
      target: this.targetIndex.toArray(),
      corePairs: this.pairs,
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
      coreIsCore: probe.cores.map((c) => this.coreIndex.get(c).map((p) => this.pairs.owners.at(p)!)),
      coreEdit: probe.coreEdit === undefined ? [] : this.coreEditIndex.candidates(probe.coreEdit),
    };
  }

  /** The id of a target by canonical name (the most popular, if several canonicalise alike). */
  idOf(name: string): number | undefined {
    return this.targetIndex.get(name)[0];
  }
}
