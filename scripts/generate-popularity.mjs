// Regenerates packages/core/data/popularity-<ecosystem>.tsv.gz, the bundled popularity snapshots that drive the
// `typosquat` and `popularity` rules offline. Inputs are lists derived from public download statistics:
//   npm:  name, version, downloads_a_month, summary        (one package a line, header first)
//   PyPI: name, version, month, rank_among_15000_most_downloaded, summary
// Usage: node scripts/generate-popularity.mjs [--npm FILE] [--pypi FILE] [--npm-top N]
// Output lines are `name<TAB>score`, most popular first: monthly downloads for npm, rank for PyPI. The first line is a
// `#` header naming the source columns and the date, so a reader knows what the numbers mean.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
function arg(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const LISTS = '/work/.library/env/packages';
const npmFile = arg('--npm', join(LISTS, 'npm.tsv'));
const pypiFile = arg('--pypi', join(LISTS, 'pypi.tsv'));
const npmTop = Number(arg('--npm-top', '50000'));
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core', 'data');

async function* rows(file) {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of rl) {
    if (header) {
      header = false;
      continue;
    }
    yield line.split('\t');
  }
}

// npm names are lowercase URL-safe strings, optionally scoped; anything else in a list is noise.
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

async function npm() {
  const all = [];
  for await (const [name, , downloads] of rows(npmFile)) {
    const d = Number(downloads);
    if (!name || !Number.isFinite(d) || d <= 0 || !NPM_NAME.test(name)) continue;
    all.push([name, d]);

  }
  // Ties broken by name so the file is byte-identical across runs.
  all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // Three significant digits are plenty for thresholds and compress far better than exact counts.
  return all.slice(0, npmTop).map(([n, d]) => [n, Number(d.toPrecision(3))]);
}

// PEP 503 normalisation: the form the index compares names in.
const pep503 = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');

async function pypi() {
  const best = new Map();
  for await (const [name, , , rank] of rows(pypiFile)) {
    const r = Number(rank);
    if (!name || !rank || !Number.isInteger(r) || r <= 0) continue;
    const n = pep503(name);
    if (!best.has(n) || best.get(n) > r) best.set(n, r);
  }
  return [...best].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

function write(ecosystem, header, entries) {
  const text = `# ${header}\n` + entries.map(([n, s]) => `${n}\t${s}`).join('\n') + '\n';
  const file = join(outDir, `popularity-${ecosystem}.tsv.gz`);
  // mtime 0 in the gzip header keeps the output reproducible.
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  writeFileSync(file, gz);
  console.log(`${file}: ${entries.length} names, ${gz.length} bytes`);
}

const today = new Date().toISOString().slice(0, 10);
write('npm', `lockwarden popularity snapshot; ecosystem=npm; score=downloads_a_month; generated=${today}`, await npm());
write('pypi', `lockwarden popularity snapshot; ecosystem=PyPI; score=rank; generated=${today}`, await pypi());
