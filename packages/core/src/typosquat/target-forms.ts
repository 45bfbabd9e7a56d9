import type { Ecosystem } from '../model/ecosystem.js';
import { canonicalName, decorationCores, foldLookalikes, reorderKey, unifySeparators, withoutSeparators } from './name-forms.js';
import type { ReadonlyColumn } from './string-column.js';

/**
 * The comparison forms of every imitation target, by target id (0 = most popular). Computing them folds and
 * splits 25,000 names (most of the cost of building a detector), so the bundled ones are computed at build time
 * (`scripts/generate/typosquat-index.mjs`) and shipped as data, decoded one form at a time as lookups reach them.
 */
export interface TargetForms {
  /** Canonical target names. */
  targets: ReadonlyColumn<string>;
  /** Look-alikes folded, separators unified: what single-edit checks compare. */
  editForm: ReadonlyColumn<string>;
  /** Separators unified, look-alikes kept: a slip that creates or breaks an `rn`/`vv` is one edit only here. */
  rawForm: ReadonlyColumn<string>;
  /** Look-alikes folded, separators removed. */
  squashed: ReadonlyColumn<string>;
  /** Sorted words of the folded form; null for one-word names. */
  reorder: ReadonlyColumn<string | null>;
  /** Undecorated cores of the folded form (`node-fabric` → `fabric`). */
  cores: ReadonlyColumn<readonly string[]>;
}

/** The forms of `names` (most popular first), as the detector compares them. */
export function computeTargetForms(ecosystem: Ecosystem, names: readonly string[]): TargetForms {
  const targets: string[] = [];
  const editForm: string[] = [];
  const rawForm: string[] = [];
  const squashed: string[] = [];
  const reorder: Array<string | null> = [];
  const cores: string[][] = [];
  for (const name of names) {
    const target = canonicalName(ecosystem, name);
    const folded = foldLookalikes(target);
    targets.push(target);
    editForm.push(unifySeparators(folded));
    rawForm.push(unifySeparators(target));
    squashed.push(withoutSeparators(folded));
    reorder.push(reorderKey(folded) ?? null);
    cores.push(decorationCores(ecosystem, folded));
  }
  return { targets, editForm, rawForm, squashed, reorder, cores };
}

/**
 * True when `a` and `b` are at most one edit apart (insertion, deletion, substitution or adjacent swap): the
 * optimal-string-alignment distance ≤ 1, decided in one pass without a table. Most pairs of unrelated names
 * fail on their first characters, which makes a scan of every target cheap.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  const min = la < lb ? la : lb;
  while (i < min && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === min) return true;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
