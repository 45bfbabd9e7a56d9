import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '@lockwarden/core';
import { allLockfileParsers, allManifestParsers, isLockwardenError } from '@lockwarden/core';
import { CONFORMANCE_DIR, conformanceAvailable, REPO_ROOT } from '../helpers/conformance.js';
import { mutateSeeds, seededRandom } from '../helpers/mutate-input.js';
import { collectSeeds, fuzzTargets } from '../../scripts/fuzz/targets.mjs';
import { runFuzz } from '../../scripts/fuzz/run.mjs';

/** Mutated inputs per target in the default run; `npm run fuzz` does 100,000 in all. */
const PER_TARGET = Number(process.env.LOCKWARDEN_FUZZ_RUNS ?? 60);

const available = conformanceAvailable();
const seedDirs = {
  conformanceDir: available ? CONFORMANCE_DIR : undefined,
  fixtureDirs: [join(REPO_ROOT, '__tests__'), join(REPO_ROOT, 'examples')],
  policyDirs: [join(REPO_ROOT, 'policies'), join(REPO_ROOT, 'examples'), join(REPO_ROOT, '__tests__', 'fixtures')],
};
const targets = await fuzzTargets(core);
const { seeds, missing } = collectSeeds(targets, { core, ...seedDirs });

describe('every parser and the policy loader survive hostile input', () => {
  it('fuzzes every registered lockfile and manifest parser and the policy loader, each from seeds', async () => {
    expect(targets.map((t) => t.id)).toEqual([
      ...(await allLockfileParsers()).map((p) => p.id),
      ...(await allManifestParsers()).map((p) => `manifest:${p.id}`),
      'policy',
    ]);
    // Without the corpus the lockfile parsers fall back to the repository's fixtures (conformanceAvailable warned).
    if (available) expect(missing).toEqual([]);
  });

  const baseline = new Set(Reflect.ownKeys(Object.prototype));
  for (const target of targets) {
    it(`${target.id}: ${PER_TARGET} mutated inputs give a result or a LockwardenError, and no prototype changes`, () => {
      const rand = seededRandom(0x10c3 + target.id.length * 7919);
      const problems: string[] = [];
      for (let i = 0; i < PER_TARGET; i++) {
        const { text, kinds } = mutateSeeds(seeds.get(target.id) ?? [''], rand);
        try {
          target.parse(text);
        } catch (err) {
          if (!isLockwardenError(err)) problems.push(`#${i} (${kinds.join(' + ')}): ${String(err).slice(0, 200)}`);
        }
        const added = Reflect.ownKeys(Object.prototype).filter((k) => !baseline.has(k));
        if (added.length > 0) problems.push(`#${i} (${kinds.join(' + ')}) polluted Object.prototype: ${added.map(String).join(', ')}`);
        if (problems.length >= 5) break;
      }
      expect(problems).toEqual([]);
    });
  }
});

// The harness itself, against the built packages (`npm test` builds first), in worker threads with a watchdog.
const built = join(REPO_ROOT, 'packages/core/dist/index.js');
if (!existsSync(built)) console.warn(`\n!! ${built} is missing: the fuzz harness tests are SKIPPED (run npm run build)\n`);

describe.skipIf(!existsSync(built))('the fuzz harness (scripts/fuzz.mjs)', () => {
  const coreUrl = pathToFileURL(built).href;

  it('runs inputs round-robin over every target in workers and reports no untyped errors, hangs or pollution', async () => {
    const summary = await runFuzz({ coreUrl, seed: 7, inputs: targets.length * 2, workers: 2, seedDirs });
    expect(summary.inputs).toBe(targets.length * 2);
    expect(Object.values(summary.perTarget).map((s) => s.inputs)).toEqual(targets.map(() => 2));
    expect({ untyped: summary.untyped, hangs: summary.hangs, polluted: summary.polluted, findings: summary.findings }).toEqual({
      untyped: 0,
      hangs: 0,
      polluted: 0,
      findings: [],
    });
    expect(summary.slowest?.ms).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('catches a hang (terminating the worker), prototype pollution and an untyped error, and keeps going', async () => {
    const summary = await runFuzz({
      coreUrl,
      extraTargetsUrl: pathToFileURL(join(REPO_ROOT, '__tests__/fixtures/fuzz/planted-faults.mjs')).href,
      only: ['planted:hang', 'planted:pollution', 'planted:untyped', 'Cargo.lock'],
      seed: 1,
      inputs: 4,
      timeoutMs: 300,
      seedDirs,
    });
    expect(summary.perTarget['planted:hang']).toMatchObject({ inputs: 1, hangs: 1 });
    expect(summary.perTarget['planted:pollution']).toMatchObject({ inputs: 1, polluted: 1 });
    expect(summary.perTarget['planted:untyped']).toMatchObject({ inputs: 1, untyped: 1 });
    // The input after each fault ran in a fresh worker.
    expect(summary.perTarget['Cargo.lock']).toMatchObject({ inputs: 1, untyped: 0, hangs: 0, polluted: 0 });
    expect(summary.findings.find((f) => f.kind === 'pollution')?.properties).toEqual(['Object.prototype.plantedByFuzzTest']);
    expect(summary.findings.find((f) => f.kind === 'untyped')?.error).toBe('TypeError: planted');
  }, 60_000);
});
