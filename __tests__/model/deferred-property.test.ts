import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferProperty } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';

describe('deferProperty', () => {
  it('computes once, on first read, and is seen by JSON, spreads and clones like a plain field', () => {
    let calls = 0;
    const location: { file: string; line?: number } = { file: 'package-lock.json' };
    deferProperty(location, 'line', () => {
      calls++;
      return 42;
    });
    expect(calls).toBe(0);
    expect(Object.keys(location)).toEqual(['file', 'line']);
    expect(location.line).toBe(42);
    expect(JSON.stringify(location)).toBe('{"file":"package-lock.json","line":42}');
    expect({ ...location }).toEqual({ file: 'package-lock.json', line: 42 });
    expect(structuredClone(location)).toEqual({ file: 'package-lock.json', line: 42 });
    expect(calls).toBe(1);
    location.line = 7;
    expect(location.line).toBe(7);
    expect(calls).toBe(1);
  });

  it('keeps objects in one fast hidden class: parsed npm packages (integrity deferred) and their locations share maps', () => {
    // A getter closure per object gave each package a dictionary-mode class of its own (1.6 KB instead of 0.4 KB).
    const script = `
      const { syntheticJsLockfiles } = await import(${JSON.stringify(join(REPO_ROOT, 'scripts', 'bench', 'synthetic-js-lockfiles.mjs'))});
      const { loadLockfileParser } = await import(${JSON.stringify(join(REPO_ROOT, 'packages', 'core', 'dist', 'index.js'))});
      const out = {};
      for (const file of ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock']) {
        const parser = await loadLockfileParser(file);
        const [text] = syntheticJsLockfiles(40)[file];
        const pkgs = parser.parse(text, file, { readRelated: () => undefined }).packages.filter((p) => typeof Object.getOwnPropertyDescriptor(p, 'integrity').get === 'function');
        const [a, b] = pkgs;
        out[file] = { deferred: pkgs.length, fast: %HasFastProperties(a) && %HasFastProperties(b), sameMap: %HaveSameMap(a, b), locationsShare: %HaveSameMap(a.location, b.location) && %HasFastProperties(a.location) };
      }
      console.log(JSON.stringify(out));
    `;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, { deferred: number; fast: boolean; sameMap: boolean; locationsShare: boolean }>;
    for (const [file, facts] of Object.entries(out)) {
      expect(facts.deferred, file).toBeGreaterThan(10);
      expect({ file, fast: facts.fast, sameMap: facts.sameMap, locationsShare: facts.locationsShare }).toEqual({ file, fast: true, sameMap: true, locationsShare: true });
    }
  });
});
