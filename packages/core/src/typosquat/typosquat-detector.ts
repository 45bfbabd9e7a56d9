import type { Ecosystem } from '../model/ecosystem.js';
import { DeleteIndex } from './delete-index.js';
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

const DEFAULT_TARGET_TOP: Partial<Record<Ecosystem, number>> = { npm: 25_000, PyPI: 15_000 };

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
 * Finds names that imitate popular ones, offline, from a popularity snapshot. Built once per ecosystem; every index
 * is hashed so a check costs a few dozen lookups (single edits use the symmetric-delete scheme, see `DeleteIndex`,
 * and an exact distance check confirms).
 */
export class TyposquatDetector {
  readonly ecosystem: Ecosystem;
  private readonly snapshot: PopularitySnapshot;
  private readonly targets: string[];
  private readonly targetIds = new Map<string, number>();
  /** Per target id: its look-alike-folded, separator-unified form, and its undecorated cores. */
  private readonly editForm: string[] = [];
  private readonly cores: string[][] = [];
  private readonly deleteIndex: DeleteIndex;
  private readonly squashedIndex: IdIndex = new Map();
  private readonly reorderIndex: IdIndex = new Map();
  private readonly coreIndex: IdIndex = new Map();
  private readonly coreDeleteIndex: DeleteIndex;
  private readonly scopes = new Set<string>();
  private readonly options: Required<TyposquatDetectorOptions>;

  constructor(snapshot: PopularitySnapshot, options: TyposquatDetectorOptions = {}) {
    this.ecosystem = snapshot.ecosystem;
    this.snapshot = snapshot;
    this.options = {
      targetTop: options.targetTop ?? DEFAULT_TARGET_TOP[snapshot.ecosystem] ?? 10_000,
      minEditLength: options.minEditLength ?? 5,
      suppressDownloads: options.suppressDownloads ?? 50_000,
      suppressRank: options.suppressRank ?? 15_000,
      scopeTop: options.scopeTop ?? 1_000,
      popularityRatio: options.popularityRatio ?? 20,
    };
    this.targets = snapshot.names.slice(0, this.options.targetTop).map((n) => canonicalName(this.ecosystem, n));
    for (const name of snapshot.names) {
      if (name.startsWith('@')) this.scopes.add(name.slice(1, name.indexOf('/')));
    }
    const editForms: string[] = [];
    const editIds: number[] = [];
    const coreForms: string[] = [];
    const coreIds: number[] = [];
    this.targets.forEach((t, id) => {
      if (!this.targetIds.has(t)) this.targetIds.set(t, id);
      const folded = foldLookalikes(t);
      const unified = unifySeparators(folded);
      this.editForm[id] = unified;
      this.cores[id] = decorationCores(this.ecosystem, folded);
      if (t.length >= this.options.minEditLength) {
        editForms.push(unified);
        editIds.push(id);
      }
      push(this.squashedIndex, withoutSeparators(folded), id);
      const r = reorderKey(folded);
      if (r) push(this.reorderIndex, r, id);
      for (const core of this.cores[id]!) {
        push(this.coreIndex, core, id);
        // `openvc` for `opencv-python`: a typo of the target's undecorated core.
        if (core.length >= this.options.minEditLength) {
          coreForms.push(core);
          coreIds.push(id);
        }
      }
    });
    this.deleteIndex = new DeleteIndex(editForms, editIds);
    this.coreDeleteIndex = new DeleteIndex(coreForms, coreIds);
  }

  /** Judges one name; `undefined` when it imitates nothing (or is itself popular). */
  check(rawName: string, options: TyposquatCheckOptions = {}): TyposquatMatch | undefined {
    const name = canonicalName(this.ecosystem, rawName);
    const ignoreOwn = options.ignoreOwnPopularity ?? false;
    if (!options.ignoreSelf && this.targetIds.has(name)) return undefined;
    if (!ignoreOwn && this.isPopular(name)) return undefined;
    const ownRank = ignoreOwn ? undefined : this.snapshot.rank(name);
    const ownDownloads = ignoreOwn ? undefined : this.snapshot.downloads(name);

    // npm scopes are owned: nobody but the owner of a scope popular packages live in can publish into it.
    const scope = name.startsWith('@') ? name.slice(1, name.indexOf('/')) : undefined;
    if (scope !== undefined && this.scopes.has(scope) && !ignoreOwn) return undefined;

    // `rank` orders candidates: the technique's tier first, then how directly the target was found.
    const found: Array<{ id: number; technique: TyposquatTechnique; rank: number }> = [];
    const add = (id: number, technique: TyposquatTechnique, indirect = false): void => {
      const target = this.targets[id]!;
      if (target === name) return;
      // Within an owned scope, only names of the same scope can be confused with each other by the owner's users.
      if (scope !== undefined && this.scopes.has(scope) && !target.startsWith(`@${scope}/`)) return;
      if (!this.muchMorePopular(id, ownRank, ownDownloads)) return;
      found.push({ id, technique, rank: TECHNIQUE_TIER[technique] * 2 + (indirect ? 1 : 0) });
    };

    // Look-alike characters and separators: compare with both folded and separators removed. Folding the raw
    // (un-lowercased) name keeps a capital `I` distinguishable from `i`.
    const folded = foldLookalikes(this.ecosystem === 'PyPI' ? unifySeparators(rawName) : rawName);
    const squashed = withoutSeparators(folded);
    for (const id of ids(this.squashedIndex, squashed)) {
      const target = this.targets[id]!;
      const technique: TyposquatTechnique =
        target.startsWith('@') !== name.startsWith('@')
          ? 'scope'
          : withoutSeparators(target) === withoutSeparators(name)
            ? 'separator'
            : 'lookalike';
      add(id, technique);
    }

    // One edit: omission, repetition, insertion, substitution (keyboard or look-alike), adjacent swap.
    const unified = unifySeparators(folded);
    for (const id of this.deleteIndex.candidates(unified)) {
      const target = this.targets[id]!;
      const foldedTarget = this.editForm[id]!;
      // Equal here means only separators or look-alikes differ: the squashed comparison above named it.
      if (foldedTarget !== unified && osaDistance(unified, foldedTarget, 1) === 1) {
        const c = unifySeparators(name);
        const t = unifySeparators(target);
        const kind = classifyEdit(c, t);
        // An inserted digit is a version decoration (`react2`, `python3-dateutil`), not a slip of the finger.
        add(id, kind === 'insertion' && /\d/.test(insertedChar(c, t) ?? '') ? 'affix' : kind);
      }
    }

    const r = reorderKey(folded);
    if (r) for (const id of ids(this.reorderIndex, r)) add(id, 'reorder');

    // Decoration: strip `node-`, `-js`, `.js`, `py`, `python3-`, a version suffix... and compare the cores.
    for (const core of decorationCores(this.ecosystem, folded)) {
      for (const id of ids(this.squashedIndex, core)) add(id, 'affix');
      for (const id of ids(this.coreIndex, core)) add(id, 'affix', true);
    }
    // A typo of a decorated target's core: `openvc` for `opencv-python`.
    if (squashed.length >= this.options.minEditLength) {
      for (const id of this.coreDeleteIndex.candidates(squashed)) {
        if (this.cores[id]!.some((c) => osaDistance(squashed, c, 1) === 1)) add(id, 'affix', true);
      }
    }

    // Scope confusion: `@unknown-scope/lodash` borrowing a top unscoped name.
    if (scope !== undefined && !this.scopes.has(scope)) {
      const bareId = this.targetIds.get(name.slice(name.indexOf('/') + 1));
      if (bareId !== undefined && bareId < this.options.scopeTop) add(bareId, 'scope');
    }

    if (found.length === 0) return undefined;
    // One target found several ways: name the most specific way (`react2` is a decoration, not a stray key).
    found.sort((a, b) => a.rank - b.rank || a.id - b.id || PREFERRED.indexOf(a.technique) - PREFERRED.indexOf(b.technique));
    const best = found[0]!;
    const target = this.targets[best.id]!;
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
    const targetDownloads = this.snapshot.downloads(this.targets[targetId]!);
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

/** Most keys hold one id; storing it bare (not in an array) halves the allocations of building an index. */
type IdIndex = Map<string, number | number[]>;

function push(map: IdIndex, key: string, id: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'number') {
    if (cur !== id) map.set(key, [cur, id]);
  } else if (cur[cur.length - 1] !== id) cur.push(id);
}

const NONE: readonly number[] = [];

function ids(map: IdIndex, key: string): readonly number[] {
  const cur = map.get(key);
  return cur === undefined ? NONE : typeof cur === 'number' ? [cur] : cur;
}
