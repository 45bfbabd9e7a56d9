#!/usr/bin/env node
// `npm run fuzz`: mutation fuzzing of every parser and the policy loader against the built packages.
// Usage: node scripts/fuzz.mjs [--inputs 100000] [--seed 1] [--workers 1] [--timeout-ms 5000] [--only id,id]
//                              [--out DIR] [--json]
// Exits 1 when an input threw something other than a LockwardenError, hung, or polluted a prototype.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS, formatSummary, runFuzz } from './fuzz/run.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
    'timeout-ms': { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
    only: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const coreEntry = join(repo, 'packages/core/dist/index.js');
if (!existsSync(coreEntry)) {
  console.error('scripts/fuzz.mjs: packages/core is not built; run `npm run build` first');
  process.exit(2);
}
const conformanceDir = resolve(repo, '..', 'shared', 'conformance');
if (!existsSync(conformanceDir)) {
  const bar = '!'.repeat(78);
  console.error(`${bar}\n!! CONFORMANCE CORPUS MISSING: ${conformanceDir}\n!! Fuzzing from the repository's fixtures only.\n${bar}`);
}
const seed = Number(values.seed);
const inputs = Number(values.inputs);
const outDir = values.out ?? join(tmpdir(), `lockwarden-fuzz-${seed}`);
let lastReport = 0;
const summary = await runFuzz({
  coreUrl: pathToFileURL(coreEntry).href,
  seed,
  inputs,
  workers: Number(values.workers),
  timeoutMs: Number(values['timeout-ms']),
  only: values.only?.split(','),
  outDir,
  seedDirs: {
    conformanceDir: existsSync(conformanceDir) ? conformanceDir : undefined,
    fixtureDirs: [join(repo, '__tests__'), join(repo, 'examples')],
    policyDirs: [join(repo, 'policies'), join(repo, 'examples'), join(repo, '__tests__', 'fixtures')],
  },
  onProgress: (done, total) => {
    if (values.json || done - lastReport < 5000) return;
    lastReport = done;
    process.stderr.write(`fuzz: ${done}/${total}\n`);
  },
});
process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
process.exit(summary.untyped + summary.hangs + summary.polluted > 0 ? 1 : 0);
