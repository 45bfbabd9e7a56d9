// Writes the Action's inputs/outputs tables into README.md from action.yml, the one source of truth.
// `node scripts/action-docs.mjs --check` exits 1 when README.md is out of date (the tests run it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- action-docs:start (generated from action.yml by scripts/action-docs.mjs) -->';
const END = '<!-- action-docs:end -->';

const cell = (text) => String(text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function renderActionDocs(actionYml) {
  const action = parse(actionYml);
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} | ${spec.default === undefined ? '' : `\`${cell(spec.default)}\``} |`,
  );
  const outputs = Object.entries(action.outputs ?? {}).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`);
  return [
    START,
    '',
    '| input | description | default |',
    '|---|---|---|',
    ...inputs,
    '',
    '| output | description |',
    '|---|---|',
    ...outputs,
    '',
    END,
  ].join('\n');
}

export function updateReadme(readme, actionYml) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`README.md lacks the markers ${START} ... ${END}`);
  return readme.slice(0, start) + renderActionDocs(actionYml) + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = updateReadme(readme, readFileSync(join(root, 'action.yml'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md is out of date with action.yml: run node scripts/action-docs.mjs');
      process.exitCode = 1;
    }
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
  }
}
