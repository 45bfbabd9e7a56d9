#!/usr/bin/env node
// A pre-tool hook for coding agents that run shell commands (Claude Code `PreToolUse` on Bash, and any agent whose
// hook gets the command as JSON on stdin or as arguments). It finds package installs in the command —
// `npm install X`, `npm i X`, `pnpm add X`, `yarn add X`, `bun add X`, `pip install X`, `uv add X`, `uv pip install X`,
// `poetry add X` — and runs `lockwarden vet` on the named packages first. A violation blocks the command (exit 2,
// the reason on stderr, which the agent reads); anything else lets it run. Installs without names (`npm ci`) pass:
// run those through `lockwarden guard -- ...` instead.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const INSTALLS = [
  { eco: 'npm', match: /^(?:npm|pnpm|yarn|bun)$/, verbs: ['install', 'i', 'add', 'isntall'] },
  { eco: 'pypi', match: /^(?:pip3?|uv|poetry|pdm)$/, verbs: ['install', 'add'] },
];

function commandText() {
  if (process.argv.length > 2) return process.argv.slice(2).join(' ');
  let input = '';
  try {
    input = readFileSync(0, 'utf8');
  } catch {
    return '';
  }
  try {
    const event = JSON.parse(input);
    return String(event?.tool_input?.command ?? event?.command ?? '');
  } catch {
    return input;
  }
}

/** Package specs named by install commands in a shell line (split on ; && || |), as TYPE:NAME[@VERSION]. */
function installTargets(line) {
  const targets = [];
  for (const part of line.split(/;|&&|\|\||\|/)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    // Unwrap `sudo`, `env`, `npx -y pnpm`, `python -m pip`, `uv pip`.
    for (;;) {
      if (['sudo', 'env', 'npx', '-y'].includes(words[0])) words.shift();
      else if (/^python(?:3(?:\.\d+)?)?$/.test(words[0] ?? '') && words[1] === '-m') words.splice(0, 2);
      else if (words[0] === 'uv' && words[1] === 'pip') words.shift();
      else break;
    }
    const tool = INSTALLS.find((t) => t.match.test(words[0] ?? ''));
    if (!tool || !tool.verbs.includes(words[1] ?? '')) continue;
    for (const w of words.slice(2)) {
      // Flags, paths, URLs and git specs are not registry names.
      if (w.startsWith('-') || w.startsWith('.') || w.includes('://') || (w.includes('/') && !w.startsWith('@'))) continue;
      if (tool.eco === 'pypi') {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:==([^,;<>=!~]+))?$/.exec(w);
        if (m) targets.push(`pypi:${m[1]}${m[2] ? `@${m[2]}` : ''}`);
      } else {
        const m = /^((?:@[^@/]+\/)?[^@/]+)(?:@([^@]+))?$/.exec(w);
        // Ranges and tags are judged as "latest": vet takes exact versions only.
        if (m) targets.push(`npm:${m[1]}${m[2] && /^\d+\.\d+\.\d+/.test(m[2]) ? `@${m[2]}` : ''}`);
      }
    }
  }
  return targets;
}

const targets = installTargets(commandText());
if (targets.length === 0) process.exit(0);
const lockwarden = process.env.LOCKWARDEN_BIN ?? 'lockwarden';
const r = spawnSync(lockwarden, ['vet', ...targets], { encoding: 'utf8', shell: process.platform === 'win32' });
if (r.error) {
  process.stderr.write(`lockwarden hook: cannot run ${lockwarden} (${r.error.message}); install it or set LOCKWARDEN_BIN\n`);
  process.exit(2);
}
if (r.status === 0) process.exit(0);
process.stderr.write(`lockwarden blocked this install (exit ${r.status}):\n${r.stdout}${r.stderr}`);
process.stderr.write('Pick the suggested name or safe version (lockwarden vet shows them), or ask the user.\n');
process.exit(2);
