import type { Ecosystem } from '../model/ecosystem.js';
import type { PopularitySnapshot } from './popularity-snapshot.js';
import {
  canonicalName,
  classifyEdit,
  decorationCores,
  foldLookalikes,
  osaDistance,
  reorderKey,
  withoutSeparators,
  type EditKind,
  insertedChar,
  unifySeparators,
} from './name-forms.js';
import { computeTargetForms, type TargetForms } from './target-forms.js';
import { TargetIndex } from './target-lookup.js';

/** How a candidate imitates its target. */
export type TyposquatTechnique = EditKind | 'separator' | 'reorder' | 'affix' | 'scope';

/** A name that imitates a popular one: the value the `typosquat` rule turns into a finding. */
export interface TyposquatMatch {
  /** The checked name, canonical form. */
  name: string;
  /** The popular name it imitates ("did you mean `target`?"). */
  target: string;
  technique: TyposquatTechnique;
  /** The target's rank in the snapshot (1 = most popular). */
  targetRank: number;
  /** The target's monthly downloads, when the snapshot records them. */
  targetDownloads?: number;
}

/** Tuning knobs; the defaults are the ones measured in docs/detection.md. */
export interface TyposquatDetectorOptions {
  /** Only the `targetTop` most popular names are imitation targets. Default: 25,000 (npm), 15,000 (PyPI). */
  targetTop?: number;
  /** Single-edit checks only for targets at least this long: short names have many honest neighbours. Default 5. */
  minEditLength?: number;
  /** npm: a candidate with at least this many monthly downloads is itself popular and never flagged. Default 50,000. */
  suppressDownloads?: number;
  /** PyPI (rank-only data): a candidate ranked at or above this is itself popular. Default 15,000 (the whole list). */
  suppressRank?: number;
  /** `@scope/x` is flagged when `x` is among the `scopeTop` most popular names and the scope is unknown. Default 1,000. */
  scopeTop?: number;
  /**
   * A candidate found in the snapshot below the suppression threshold is flagged only when its target is at least
   * this many times more popular (downloads for npm, rank for PyPI). Default 20.
   */
  popularityRatio?: number;
}

/** Options for one check. */
export interface TyposquatCheckOptions {
  /** Never match the name against itself, even when it is a snapshot name (measuring false positives). */
  ignoreSelf?: boolean;
  /** Judge the name as if it were new: ignore its own popularity entirely (measuring false positives). */
  ignoreOwnPopularity?: boolean;
}

/** Single-edit checks apply to targets at least this long unless `minEditLength` says otherwise. */
export const DEFAULT_MIN_EDIT_LENGTH = 5;

/** How many of the most popular names are imitation targets, per ecosystem, unless `targetTop` says otherwise. */
export const DEFAULT_TARGET_TOP: Partial<Record<Ecosystem, number>> = { npm: 25_000, PyPI: 15_000 };

// Tiers of evidence: the same letters rearranged or disguised, then one typing slip, then a decorated name. Within
// a tier the most popular target is the likeliest intent.
const TECHNIQUE_TIER: Record<TyposquatTechnique, number> = {
  lookalike: 0,
  scope: 0,
  separator: 0,
  reorder: 0,
  swap: 1,
  omission: 1,
  repetition: 1,
  keyboard: 1,
  substitution: 1,
  insertion: 1,
  affix: 1,
};

const PREFERRED: readonly TyposquatTechnique[] = [
  'lookalike',
  'scope',
  'separator',
  'reorder',
  'affix',
  'swap',
  'omission',
  'repetition',
  'keyboard',
  'substitution',
  'insertion',
];

/**
 * Finds names that imitate popular ones, offline, from a popularity snapshot. Every relation is a lookup in a
 * `TargetIndex` (symmetric-delete hashes for single edits, sorted keys for exact forms), confirmed by an exact
 * distance check. The bundled detectors load their index precomputed at build time, so judging the two names a
 * pull request adds costs a few milliseconds; an index for other options or another snapshot is built once.
 */
export class TyposquatDetector {
  readonly ecosystem: Ecosystem;
  private readonly snapshot: PopularitySnapshot;
  private readonly forms: TargetForms;
  private index: TargetIndex | undefined;
  private readonly options: Required<TyposquatDetectorOptions>;

  /**
   * `precomputed`: the targets' forms and index from the build (used when they match the options); computed from
   * the snapshot otherwise.
   */
  constructor(
    snapshot: PopularitySnapshot,
    options: TyposquatDetectorOptions = {},
    precomputed?: { forms: TargetForms; index?: TargetIndex },
  ) {
    this.ecosystem = snapshot.ecosystem;
    this.snapshot = snapshot;
    this.options = {
      targetTop: options.targetTop ?? DEFAULT_TARGET_TOP[snapshot.ecosystem] ?? 10_000,
      minEditLength: options.minEditLength ?? DEFAULT_MIN_EDIT_LENGTH,
      suppressDownloads: options.suppressDownloads ?? 50_000,
      suppressRank: options.suppressRank ?? 15_000,
      scopeTop: options.scopeTop ?? 1_000,
      popularityRatio: options.popularityRatio ?? 20,
    };
    const top = Math.min(this.options.targetTop, snapshot.size);
    const fits = precomputed !== undefined && precomputed.forms.targets.length === top;
    this.forms = fits ? precomputed.forms : computeTargetForms(this.ecosystem, snapshot.names.slice(0, top));
    if (fits && precomputed.index?.minEditLength === this.options.minEditLength) this.index = precomputed.index;
  }

  /** The target index, built on first use unless it was precomputed. */
  private get lookup(): TargetIndex {
    this.index ??= TargetIndex.build(this.forms, this.options.minEditLength);
    return this.index;
  }

  /** Scopes popular packages are published in: owned, so nobody else can publish there. */
  private get scopes(): ReadonlySet<string> {
    return this.snapshot.scopes();
  }

  /** Judges one name; `undefined` when it imitates nothing (or is itself popular). */
  check(rawName: string, options: TyposquatCheckOptions = {}): TyposquatMatch | undefined {
    const lookup = this.lookup;
    const targets = this.forms.targets;
    const name = canonicalName(this.ecosystem, rawName);
    const ignoreOwn = options.ignoreOwnPopularity ?? false;
    if (!options.ignoreSelf && lookup.idOf(name) !== undefined) return undefined;
    if (!ignoreOwn && this.isPopular(name)) return undefined;
    const ownRank = ignoreOwn ? undefined : this.snapshot.rank(name);
    const ownDownloads = ignoreOwn ? undefined : this.snapshot.downloads(name);

    // npm scopes are owned: nobody but the owner of a scope popular packages live in can publish into it.
    const scope = name.startsWith('@') ? name.slice(1, name.indexOf('/')) : undefined;
    if (scope !== undefined && this.scopes.has(scope) && !ignoreOwn) return undefined;

    // `rank` orders candidates: the technique's tier first, then how directly the target was found.
    const found: Array<{ id: number; technique: TyposquatTechnique; rank: number }> = [];
    const add = (id: number, technique: TyposquatTechnique, indirect = false): void => {
      const target = targets.at(id)!;
      if (target === name) return;
      // Within an owned scope, only names of the same scope can be confused with each other by the owner's users.
      if (scope !== undefined && this.scopes.has(scope) && !target.startsWith(`@${scope}/`)) return;
      if (!this.muchMorePopular(id, ownRank, ownDownloads)) return;
      found.push({ id, technique, rank: TECHNIQUE_TIER[technique] * 2 + (indirect ? 1 : 0) });
    };

    // Look-alike characters and separators: compared folded and with separators removed. Folding the raw
    // (un-lowercased) name keeps a capital `I` distinguishable from `i`.
    const folded = foldLookalikes(this.ecosystem === 'PyPI' ? unifySeparators(rawName) : rawName);
    const squashed = withoutSeparators(folded);
    const unified = unifySeparators(folded);
    // Single edits are compared both folded and raw: folding turns `rn` into `m`, so a swap that creates an `rn`
    // (`unrar` → `urnar`) is two edits from the folded target and one from the raw one.
    const c = unifySeparators(name);
    const cores = decorationCores(this.ecosystem, folded);
    const reorder = reorderKey(folded);
    const related = lookup.related({
      squashed,
      edit: unified,
      raw: c,
      cores,
      ...(reorder ? { reorder } : {}),
      ...(squashed.length >= this.options.minEditLength ? { coreEdit: squashed } : {}),
    });
    for (const id of related.squashed) {
      const target = targets.at(id)!;
      const technique: TyposquatTechnique =
        target.startsWith('@') !== name.startsWith('@')
          ? 'scope'
          : withoutSeparators(target) === withoutSeparators(name)
            ? 'separator'
            : 'lookalike';
      add(id, technique);
    }

    // One edit: omission, repetition, insertion, substitution (keyboard or look-alike), adjacent swap.
    const addEdit = (id: number): void => {
      const t = unifySeparators(targets.at(id)!);
      const kind = classifyEdit(c, t);
      // An inserted digit is a version decoration (`react2`, `python3-dateutil`), not a slip of the finger.
      add(id, kind === 'insertion' && /\d/.test(insertedChar(c, t) ?? '') ? 'affix' : kind);
    };
    for (const id of related.edit) {
      const foldedTarget = this.forms.editForm.at(id)!;
      // Equal here means only separators or look-alikes differ: the squashed comparison above named it.
      if (foldedTarget !== unified && osaDistance(unified, foldedTarget, 1) === 1) addEdit(id);
    }
    for (const id of related.raw) {
      const rawTarget = this.forms.rawForm.at(id)!;
      if (rawTarget !== c && osaDistance(c, rawTarget, 1) === 1) addEdit(id);
    }

    for (const id of related.reorder) add(id, 'reorder');

    // Decoration: strip `node-`, `-js`, `.js`, `py`, `python3-`, a version suffix... and compare the cores.
    for (let i = 0; i < cores.length; i++) {
      for (const id of related.coreIsTarget[i]!) add(id, 'affix');
      for (const id of related.coreIsCore[i]!) add(id, 'affix', true);
    }
    // A typo of a decorated target's core: `openvc` for `opencv-python`.
    for (const id of related.coreEdit) {
      if (this.forms.cores.at(id)!.some((core) => osaDistance(squashed, core, 1) === 1)) add(id, 'affix', true);
    }

    // Scope confusion: `@unknown-scope/lodash` borrowing a top unscoped name.
    if (scope !== undefined && !this.scopes.has(scope)) {
      const bareId = lookup.idOf(name.slice(name.indexOf('/') + 1));
      if (bareId !== undefined && bareId < this.options.scopeTop) add(bareId, 'scope');
    }

    if (found.length === 0) return undefined;
    // One target found several ways: name the most specific way (`react2` is a decoration, not a stray key).
    found.sort((a, b) => a.rank - b.rank || a.id - b.id || PREFERRED.indexOf(a.technique) - PREFERRED.indexOf(b.technique));
    const best = found[0]!;
    const target = targets.at(best.id)!;
    const targetDownloads = this.snapshot.downloads(target);
    return {
      name,
      target,
      technique: best.technique,
      targetRank: best.id + 1,
      ...(targetDownloads === undefined ? {} : { targetDownloads }),
    };
  }

  /** A known candidate needs a target `popularityRatio` times more popular than itself to be judged its squat. */
  private muchMorePopular(targetId: number, ownRank: number | undefined, ownDownloads: number | undefined): boolean {
    if (ownRank === undefined) return true;
    const ratio = this.options.popularityRatio;
    const targetDownloads = this.snapshot.downloads(this.forms.targets.at(targetId)!);
    if (ownDownloads !== undefined && targetDownloads !== undefined) return targetDownloads >= ratio * ownDownloads;
    return ownRank >= ratio * (targetId + 1);
  }

  /** True when the name is popular enough in the snapshot that it is never judged a squat. */
  isPopular(name: string): boolean {
    const canonical = canonicalName(this.ecosystem, name);
    const downloads = this.snapshot.downloads(canonical);
    if (downloads !== undefined) return downloads >= this.options.suppressDownloads;
    const rank = this.snapshot.rank(canonical);
    return rank !== undefined && rank <= this.options.suppressRank;
  }
}
