import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './conformance.js';

/** Where lockwarden deliberately reports differently from the peer corpus, as docs/conformance.md states it. */
export interface Deviation {
  /** Packages lockwarden reports that the peer does not (`+name@version`). */
  add: { name: string; version: string }[];
  /** Packages the peer reports that lockwarden does not (`-name@version`). */
  remove: { name: string; version: string }[];
  /** Packages lockwarden reports with other scopes than the peer (`~name@version[dev,optional]`). */
  scopes: { name: string; version: string; groups: string[] }[];
  /** A format-wide row (case `*`, difference `~*[derived]`): scopes are derived where the peer states none. */
  derivedScopes?: boolean;
}

export const CONFORMANCE_DOC = join(REPO_ROOT, 'docs', 'conformance.md');

/**
 * Reads the table rows of docs/conformance.md: `| \`lang/format\` | \`Test / case\` | \`+name@ver\` \`-name@ver\` | why |`.
 * The document is the single source of truth, so a difference cannot be made in code without being explained.
 * Keyed by `lang/format :: Test / case`.
 */
export function documentedDeviations(): Map<string, Deviation> {
  const out = new Map<string, Deviation>();
  if (!existsSync(CONFORMANCE_DOC)) return out;
  for (const line of readFileSync(CONFORMANCE_DOC, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // A table row: '', format, case, difference, why, ''.
    const format = /^`([a-z]+\/[a-z]+)`$/.exec(cells[1] ?? '')?.[1];
    const testCase = /^`(.+)`$/.exec(cells[2] ?? '')?.[1];
    if (format === undefined || testCase === undefined) continue;
    const deviation: Deviation = { add: [], remove: [], scopes: [] };
    if ((cells[3] ?? '').includes('`~*[derived]`')) deviation.derivedScopes = true;
    for (const token of (cells[3] ?? '').matchAll(/`~([^`@*]+)@([^`[]*)\[([^\]`]*)\]`/g)) {
      const groups = (token[3] ?? '').split(',').filter((g) => g !== '');
      deviation.scopes.push({ name: token[1] ?? '', version: token[2] ?? '', groups });
    }
    for (const token of (cells[3] ?? '').matchAll(/`([+-])([^`@]+)@([^`]*)`/g)) {
      const entry = { name: token[2] ?? '', version: token[3] ?? '' };
      (token[1] === '+' ? deviation.add : deviation.remove).push(entry);
    }
    out.set(`${format} :: ${testCase}`, deviation);
  }
  return out;
}

/** The peer's expectation with a documented deviation applied. */
export function applyDeviation<T extends { name: string; version: string; groups?: string[] }>(
  expected: readonly T[],
  deviation: Deviation | undefined,
): (T | { name: string; version: string })[] {
  if (!deviation) return [...expected];
  const out: (T | { name: string; version: string })[] = [...expected];
  for (const s of deviation.scopes) {
    const index = out.findIndex((p) => p.name === s.name && p.version === s.version);
    if (index < 0) throw new Error(`docs/conformance.md changes the scopes of ${s.name}@${s.version}, which the peer does not expect`);
    out[index] = { ...(out[index] as T), groups: s.groups };
  }
  for (const r of deviation.remove) {
    const index = out.findIndex((p) => p.name === r.name && p.version === r.version);
    if (index < 0) throw new Error(`docs/conformance.md removes ${r.name}@${r.version}, which the peer does not expect`);
    out.splice(index, 1);
  }
  out.push(...deviation.add);
  return out;
}
