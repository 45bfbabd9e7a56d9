import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzTargets } from './targets.mjs';

/**
 * Runs fuzz inputs one at a time for scripts/fuzz/run.mjs, in a worker thread so the runner can terminate it when
 * an input hangs. Each answer says whether the input parsed, was rejected with a LockwardenError, or threw
 * something else, and whether a prototype changed.
 */
const core = await import(workerData.coreUrl);
const extra = workerData.extraTargetsUrl ? (await import(workerData.extraTargetsUrl)).default : [];
const own = await fuzzTargets(core);
const targets = new Map([...own, ...extra].map((t) => [t.id, t]));

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const baseline = Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]));

/** Names of properties that appeared on a built-in prototype, or that a plain object now inherits. */
function pollution() {
  const found = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(proto)) if (!baseline[name].has(key)) found.push(`${name}.prototype.${String(key)}`);
  }
  if (Object.getPrototypeOf({}) !== Object.prototype) found.push('Object.getPrototypeOf({})');
  return found;
}

parentPort.on('message', ({ id, target, text }) => {
  const t = targets.get(target);
  const started = performance.now();
  let outcome = 'parsed';
  let error;
  try {
    t.parse(text);
  } catch (err) {
    if (err instanceof core.LockwardenError) {
      outcome = 'rejected';
    } else {
      outcome = 'untyped';
      error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err).slice(0, 300);
    }
  }
  const ms = performance.now() - started;
  const polluted = pollution();
  parentPort.postMessage({ id, outcome, error, ms, polluted });
  // A polluted realm cannot judge later inputs; the runner starts a fresh worker.
  if (polluted.length > 0) process.exit(3);
});
// Warm up (schema compilation, lazy tables) so the first input of each target is not reported as the slowest.
for (const t of own.filter((o) => !workerData.only || workerData.only.includes(o.id))) {
  try {
    t.parse('');
  } catch {
    // an empty text is rejected by most formats
  }
}
parentPort.postMessage({ ready: true, targets: [...targets.keys()] });
