/**
 * Deterministic mutations of seed texts for the fuzz harness (scripts/fuzz.mjs) and the fuzz tests: the same
 * seed gives the same inputs on every run, so a finding replays from the printed seed and input number.
 */

/** mulberry32: small, fast and deterministic. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that matter to the formats under test: structure, quoting, escapes, binary garbage.
const NOISE = ['\n', '\r\n', ' ', '  ', '\t', '"', "'", '`', '(', ')', '[', ']', '{', '}', ',', ':', '=', '=>', '#', '//', '/*', '!', '-', '- ', '.', '\\', '|', '>', '<', '&', '*', '@', '%', ';', '~', '^', '$', '\u0000', '\u0007', '\u001b', '\ufffd', '\ufeff', '\u202e', '\ud800', '\udfff', 'é', 'v', '0', '9', '1e400', '-0'];

// Keys that reach an object's prototype when a parser assigns with `obj[key] = value`.
const POLLUTERS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];

// Runs of one of these, long enough to expose quadratic scans and deep recursion.
const RUNS = ['\\', ' ', '\t', '[', '{', '(', '"', "'", '- ', '-', ':', '#', ',', '.', '/', '\n', '  \n', 'a', '0', '@', '%', '<', '&'];

/** The mutation kinds, by name; `mutate` picks one at random. */
export const MUTATIONS = [
  'truncate',
  'delete-span',
  'duplicate-span',
  'insert-noise',
  'replace-char',
  'swap-lines',
  'delete-line',
  'duplicate-line',
  'replace-token',
  'polluting-key',
  'long-run',
  'deep-nesting',
  'huge-line',
  'binary',
  'splice-seeds',
];

/**
 * One mutation of `text`, chosen by `rand`; `other` is a second seed for `splice-seeds`. Returns the new text
 * and the mutation's name.
 */
export function mutateOnce(text, rand, other = text) {
  const pick = (n) => Math.floor(rand() * n);
  const at = pick(text.length + 1);
  const len = 1 + pick(40);
  const kind = MUTATIONS[pick(MUTATIONS.length)];
  switch (kind) {
    case 'truncate':
      return { kind, text: text.slice(0, at) };
    case 'delete-span':
      return { kind, text: text.slice(0, at) + text.slice(at + len) };
    case 'duplicate-span':
      return { kind, text: text.slice(0, at) + text.slice(at, at + len) + text.slice(at) };
    case 'insert-noise':
      return { kind, text: text.slice(0, at) + NOISE[pick(NOISE.length)] + text.slice(at) };
    case 'replace-char':
      return { kind, text: text.slice(0, at) + String.fromCharCode(pick(0x300)) + text.slice(at + 1) };
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = pick(lines.length);
      const b = pick(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return { kind, text: lines.join('\n') };
    }
    case 'delete-line': {
      const lines = text.split('\n');
      lines.splice(pick(lines.length), 1);
      return { kind, text: lines.join('\n') };
    }
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = pick(lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return { kind, text: lines.join('\n') };
    }
    case 'replace-token': {
      // A word-like token becomes a polluting key, an empty string, a lone surrogate or a huge number.
      const m = /[A-Za-z0-9_.@/-]+/g;
      m.lastIndex = at;
      const found = m.exec(text);
      if (!found) return { kind, text };
      const by = [POLLUTERS[pick(POLLUTERS.length)], '', '\ud800', '9'.repeat(400), 'a'.repeat(40_000), '../../../etc/passwd'][pick(6)];
      return { kind, text: text.slice(0, found.index) + by + text.slice(found.index + found[0].length) };
    }
    case 'polluting-key': {
      const key = POLLUTERS[pick(POLLUTERS.length)];
      const forms = [`"${key}": {"polluted": "yes"},`, `${key}:\n  polluted: yes\n`, `[${key}]\npolluted = "yes"\n`, `${key} = "yes"\n`, `"${key}"`];
      return { kind, text: text.slice(0, at) + forms[pick(forms.length)] + text.slice(at) };
    }
    case 'long-run': {
      const run = RUNS[pick(RUNS.length)];
      return { kind, text: text.slice(0, at) + run.repeat(500 + pick(20_000)) + text.slice(at) };
    }
    case 'deep-nesting': {
      const opener = ['[', '{"a":', '- ', '{', '(', '<a>', ' '][pick(7)];
      return { kind, text: text.slice(0, at) + opener.repeat(1000 + pick(5000)) + text.slice(at) };
    }
    case 'huge-line':
      return { kind, text: text.slice(0, at) + 'a'.repeat(20_000 + pick(80_000)) + text.slice(at) };
    case 'binary':
      return { kind, text: Array.from({ length: 1 + pick(512) }, () => String.fromCharCode(pick(256))).join('') };
    default: {
      // splice-seeds: the head of one seed and the tail of another.
      const cut = pick(other.length + 1);
      return { kind, text: text.slice(0, at) + other.slice(cut) };
    }
  }
}

/** One to three stacked mutations of a seed drawn from `seeds`; returns the text and the mutations' names. */
export function mutateSeeds(seeds, rand) {
  let text = seeds[Math.floor(rand() * seeds.length)] ?? '';
  const kinds = [];
  const rounds = 1 + Math.floor(rand() * 3);
  for (let r = 0; r < rounds; r++) {
    const other = seeds[Math.floor(rand() * seeds.length)] ?? '';
    const step = mutateOnce(text, rand, other);
    text = step.text;
    kinds.push(step.kind);
  }
  return { text, kinds };
}
