// Precomputes the typosquat index: each bundled popularity snapshot (packages/core/data/popularity-*.tsv.gz) with
// its imitation targets' comparison forms and lookup index (folding and splitting 25,000 names and hashing their
// neighbourhoods took ~1 s on every `check`). Runs after tsc: it uses the core's own compiled functions, so the
// run time and the index cannot disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { GENERATED, ROOT } from './paths.mjs';

const dist = join(ROOT, 'packages', 'core', 'dist', 'typosquat');

/** Writes generated/typosquat-<ecosystem>.bin for every ecosystem with a bundled snapshot. */
export async function generate() {
  const snapshots = await import(join(dist, 'popularity-snapshot.js'));
  const { computeTargetForms } = await import(join(dist, 'target-forms.js'));
  const { TargetIndex } = await import(join(dist, 'target-lookup.js'));
  const { encodeBundledIndex } = await import(join(dist, 'bundled-index.js'));
  const { DEFAULT_MIN_EDIT_LENGTH, DEFAULT_TARGET_TOP } = await import(join(dist, 'typosquat-detector.js'));
  for (const ecosystem of snapshots.SNAPSHOT_ECOSYSTEMS) {
    const file = join(ROOT, 'packages', 'core', 'data', snapshots.bundledSnapshotFile(ecosystem));
    const snapshot = snapshots.parsePopularitySnapshot(ecosystem, gunzipSync(readFileSync(file)).toString('utf8'));
    // npm scores are monthly downloads (null where the snapshot has none); PyPI scores are ranks.
    const scores = snapshot.names.map((n) => (ecosystem === 'npm' ? (snapshot.downloads(n) ?? null) : snapshot.rank(n)));
    // The default detector's targets; a detector with other options computes its own.
    const forms = computeTargetForms(ecosystem, snapshot.names.slice(0, Math.min(DEFAULT_TARGET_TOP[ecosystem], snapshot.names.length)));
    const index = TargetIndex.build(forms, DEFAULT_MIN_EDIT_LENGTH);
    const names = snapshot.names;
    const encoded = encodeBundledIndex({
      description: snapshot.description,
      names,
      nameOrder: snapshots.sortedNameOrder(names),
      scores,
      scopes: snapshots.scopesOf(names),
      forms,
      index,
    });
    writeFileSync(join(GENERATED, snapshots.bundledIndexFile(ecosystem)), encoded);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await generate();
