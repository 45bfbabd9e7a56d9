import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { mutateSeeds, seededRandom } from './mutate.mjs';
import { collectSeeds, fuzzTargets } from './targets.mjs';

/** An input still running after this long is a hang. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** The random stream of input `index` under `seed`: any single input replays without the ones before it. */
export function inputRandom(seed, index) {
  return seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

/**
 * Runs `inputs` mutated inputs round-robin over every target, in `workers` worker threads that each load
 * `coreUrl`; an input that runs longer than `timeoutMs` is a hang (its worker is replaced). Inputs that threw
 * something other than a LockwardenError, hung or polluted a prototype are written to `outDir` when given.
 * Resolves to the summary.
 */
export async function runFuzz(options) {
  const { coreUrl, extraTargetsUrl, seed = 1, inputs = 1000, workers = 1, timeoutMs = DEFAULT_TIMEOUT_MS, outDir, only, onProgress } = options;
  const core = await import(coreUrl);
  // Extra targets (a module whose default export is a list of them) let the harness's own tests plant faults.
  const extra = extraTargetsUrl ? (await import(extraTargetsUrl)).default : [];
  const targets = [...(await fuzzTargets(core)), ...extra].filter((t) => !only || only.includes(t.id));
  const { seeds, missing } = collectSeeds(targets, { core, fixtureDirs: [], policyDirs: [], ...options.seedDirs });
  const started = performance.now();
  const perTarget = Object.fromEntries(targets.map((t) => [t.id, { inputs: 0, parsed: 0, rejected: 0, untyped: 0, hangs: 0, polluted: 0 }]));
  const findings = [];
  let slowest;
  let next = 0;
  let done = 0;

  const makeInput = (index) => {
    const target = targets[index % targets.length];
    const { text, kinds } = mutateSeeds(seeds.get(target.id), inputRandom(seed, index));
    return { index, target: target.id, text, kinds };
  };
  const record = (input, kind, detail) => {
    const finding = { kind, index: input.index, target: input.target, mutations: input.kinds, bytes: input.text.length, ...detail };
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      const file = join(outDir, `${input.index}-${input.target.replace(/[^A-Za-z0-9.-]/g, '_')}.txt`);
      writeFileSync(file, input.text);
      finding.file = file;
    }
    findings.push(finding);
  };

  const slot = async () => {
    while (next < inputs) {
      const worker = await startWorker(coreUrl, extraTargetsUrl, only);
      for (;;) {
        if (next >= inputs) {
          await worker.terminate();
          return;
        }
        const input = makeInput(next++);
        const stats = perTarget[input.target];
        const result = await runOne(worker, input, timeoutMs);
        stats.inputs++;
        done++;
        onProgress?.(done, inputs);
        if (result.hang) {
          stats.hangs++;
          record(input, 'hang', { ms: result.ms });
        } else if (result.died) {
          // The realm died (out of memory, a V8 abort): a finding, not a crash of the run.
          stats.untyped++;
          record(input, 'untyped', { error: `worker died: ${result.died}` });
        } else {
          stats[result.outcome]++;
          if (result.outcome === 'untyped') record(input, 'untyped', { error: result.error });
          if (!slowest || result.ms > slowest.ms) {
            slowest = { ms: result.ms, index: input.index, target: input.target, bytes: input.text.length, mutations: input.kinds };
          }
          if (result.polluted.length > 0) {
            stats.polluted++;
            record(input, 'pollution', { properties: result.polluted });
          }
        }
        if (result.hang || result.died || result.polluted?.length > 0) {
          // A hung, dead or polluted realm cannot judge the next input: start a fresh one.
          await worker.terminate();
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, inputs)) }, slot));

  const totals = Object.values(perTarget).reduce(
    (sum, s) => ({ untyped: sum.untyped + s.untyped, hangs: sum.hangs + s.hangs, polluted: sum.polluted + s.polluted }),
    { untyped: 0, hangs: 0, polluted: 0 },
  );
  return {
    seed,
    inputs: done,
    targets: targets.length,
    seedless: missing,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    ...totals,
    perTarget,
    slowest,
    findings,
  };
}

function startWorker(coreUrl, extraTargetsUrl, only) {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { coreUrl, extraTargetsUrl, only } });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

/** Runs one input; resolves to the worker's answer, `{ hang }` after `timeoutMs`, or `{ died }`. */
function runOne(worker, input, timeoutMs) {
  return new Promise((resolve) => {
    const sent = performance.now();
    const settle = (result) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    const onMessage = (msg) => {
      if (msg.id === input.index) settle(msg);
    };
    const onError = (err) => settle({ died: err instanceof Error ? err.message : String(err) });
    const onExit = (code) => settle({ died: `exit code ${code}` });
    const timer = setTimeout(() => settle({ hang: true, ms: performance.now() - sent }), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id: input.index, target: input.target, text: input.text });
  });
}

/** The summary as the short text `npm run fuzz` prints (and the README quotes). */
export function formatSummary(summary) {
  const lines = [
    `lockwarden fuzz: seed ${summary.seed}, ${summary.inputs} inputs over ${summary.targets} targets in ${summary.seconds} s`,
    `untyped errors: ${summary.untyped}, hangs (> timeout): ${summary.hangs}, prototype pollution: ${summary.polluted}`,
  ];
  if (summary.slowest) {
    const s = summary.slowest;
    lines.push(`slowest input: #${s.index} ${s.target} ${Math.round(s.ms)} ms (${s.bytes} chars; ${s.mutations.join(' + ')})`);
  }
  if (summary.seedless.length > 0) lines.push(`targets without seed files (fuzzed from an empty text): ${summary.seedless.join(', ')}`);
  lines.push('', 'target                          inputs   parsed rejected  untyped    hangs');
  for (const [id, s] of Object.entries(summary.perTarget)) {
    lines.push(`${id.padEnd(30)} ${[s.inputs, s.parsed, s.rejected, s.untyped, s.hangs].map((n) => String(n).padStart(8)).join(' ')}`);
  }
  for (const f of summary.findings.slice(0, 20)) {
    lines.push(`${f.kind}: #${f.index} ${f.target} (${f.mutations.join(' + ')}) ${f.error ?? f.properties?.join(', ') ?? ''}${f.file ? ` -> ${f.file}` : ''}`);
  }
  return lines.join('\n');
}
