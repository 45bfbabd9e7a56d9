import type { Package } from '../../model/package.js';
import type { LockfileParser } from '../types.js';
import { referenceInventory } from '../reference-package.js';
import { imagePackage } from './image-reference.js';

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/**
 * Instructions of a Dockerfile with continuation lines joined and comments dropped (the default `\` escape;
 * comment lines inside a continuation are skipped, as BuildKit does).
 */
export function dockerfileInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  let current: { text: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (current === undefined && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (current !== undefined && trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(raw);
    const piece = continued ? raw.replace(/\\\s*$/, '') : raw;
    current = current ? { text: `${current.text} ${piece.trim()}`, line: current.line } : { text: piece.trim(), line: i + 1 };
    if (!continued) {
      const m = /^(\S+)\s*(.*)$/.exec(current.text);
      if (m) out.push({ keyword: (m[1] ?? '').toUpperCase(), args: m[2] ?? '', line: current.line });
      current = undefined;
    }
  });
  if (current) {
    const m = /^(\S+)\s*(.*)$/.exec((current as { text: string }).text);
    if (m) out.push({ keyword: (m[1] ?? '').toUpperCase(), args: m[2] ?? '', line: (current as { line: number }).line });
  }
  return out;
}

/** Expands `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR-default}` from the ARG defaults seen so far. */
export function expandArgs(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced, op, fallback, bare) => {
    const name = (braced ?? bare) as string;
    const value = args.get(name);
    if (op === ':-') return value ? value : ((fallback as string | undefined) ?? '');
    if (op === '-') return value !== undefined ? value : ((fallback as string | undefined) ?? '');
    return value ?? whole;
  });
}

/**
 * `FROM` and `COPY --from=` images of a Dockerfile, with global `ARG` defaults substituted and references to
 * earlier build stages left out (they are not images).
 */
export const dockerfileParser: LockfileParser = {
  id: 'Dockerfile',
  ecosystem: 'Docker',
  scanner: true,
  fileNames: ['Dockerfile', 'Containerfile', '*.Dockerfile', '*.dockerfile', 'Dockerfile.*', 'Containerfile.*'],
  parse(text, path) {
    const args = new Map<string, string>();
    const stages = new Set<string>();
    const packages: Package[] = [];
    for (const ins of dockerfileInstructions(text)) {
      // Only ARGs before the first FROM are in scope for FROM lines (Docker's rule).
      if (ins.keyword === 'ARG' && stages.size === 0 && packages.every((p) => p.reference?.via !== 'FROM')) {
        for (const decl of ins.args.split(/\s+/)) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(decl);
          if (m?.[1] && !args.has(m[1])) args.set(m[1], stripQuotes(m[2] ?? ''));
        }
      } else if (ins.keyword === 'FROM') {
        const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const image = expandArgs(words[0] ?? '', args);
        const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
        if (!stages.has(image.toLowerCase())) {
          const pkg = imagePackage(image, path, ins.line, 'FROM');
          if (pkg) packages.push(pkg);
        }
        const stage = asIndex >= 0 ? words[asIndex + 1] : undefined;
        stages.add(stage ? stage.toLowerCase() : `\0${ins.line}`);
      } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const from = /--from=(\S+)/.exec(ins.args)?.[1];
        if (!from) continue;
        const image = expandArgs(from, args);
        // A stage name or index is not an image; an image reference has a tag, digest or slash.
        if (stages.has(image.toLowerCase()) || /^\d+$/.test(image) || !/[:/@]/.test(image)) continue;
        const pkg = imagePackage(image, path, ins.line, `${ins.keyword} --from`);
        if (pkg) packages.push(pkg);
      }
    }
    return referenceInventory(path, 'Dockerfile', 'Docker', packages);
  },
};

function stripQuotes(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
