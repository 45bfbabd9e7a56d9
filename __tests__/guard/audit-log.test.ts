import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, failureRecap } from '../../packages/cli/src/guard/audit-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the guard audit log', () => {
  it('says how many versions a filter removed and names the first and last three on stderr; the file keeps all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-audit-'));
    dirs.push(dir);
    const file = join(dir, 'audit.jsonl');
    const lines: string[] = [];
    const log = new AuditLog({ file, stderr: (l) => lines.push(l) });
    const removed = Array.from({ length: 27 }, (_, i) => `1.${Math.floor(i / 10)}.${i % 10}`);
    log.record({ ecosystem: 'npm', name: 'minimist', version: '1.2.8', decision: 'filter', rules: ['vulnerability'], removed });
    expect(lines[0]).toBe(
      'lockwarden guard: FILTER npm minimist@1.2.8 (vulnerability) removed 27 versions: 1.0.0, 1.0.1, 1.0.2 … 1.2.4, 1.2.5, 1.2.6\n',
    );
    expect(JSON.parse(readFileSync(file, 'utf8')).removed).toEqual(removed);
  });

  it('lists a few removed versions in full, each made single-line', () => {
    const lines: string[] = [];
    new AuditLog({ stderr: (l) => lines.push(l) }).record({
      ecosystem: 'PyPI',
      name: 'pkg',
      decision: 'filter',
      rules: ['release-age'],
      removed: ['1.1.0', '1.2.0\u001b[2J'],
    });
    expect(lines[0]).toBe('lockwarden guard: FILTER PyPI pkg (release-age) removed 1.1.0, 1.2.0?[2J\n');
  });

  it('recaps the decisions other than allow after a failed command, at most ten, and nothing when there were none', () => {
    const log = new AuditLog({ stderr: () => undefined });
    log.record({ ecosystem: 'npm', name: 'fine', decision: 'allow' });
    expect(failureRecap(log, 'npm', 1)).toBe('');
    for (let i = 0; i < 12; i++) log.record({ ecosystem: 'npm', name: `gone-${i}`, decision: 'not-found', reason: 'does not exist' });
    const recap = failureRecap(log, 'npm', 1);
    expect(recap.split('\n')[0]).toBe('lockwarden guard: npm exited 1; the guard filtered or refused what it asked for:');
    expect(recap).toContain('  NOT-FOUND npm gone-0: does not exist\n');
    expect(recap).not.toContain('gone-10');
    expect(recap).toContain('  … and 2 more (--audit-log FILE lists every decision)\n');
  });
});
