import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';

// Loads policies in a fresh process from the built core and lists the Ajv modules that process loaded.
const PROBE = `
import { createRequire } from 'node:module';
import { loadPolicy } from ${JSON.stringify(join(REPO_ROOT, 'packages/core/dist/policy/load-policy.js'))};
const root = process.argv[1];
const results = [];
results.push(Object.keys(loadPolicy({ root: '/nonexistent-root' }).policy.rules).length);
results.push(loadPolicy({ root, file: 'good.yml' }).policy.rules.typosquat.action);
try { loadPolicy({ root, file: 'bad.yml' }); } catch (error) { results.push(error.message); }
const ajv = Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('/ajv/')).map((p) => p.slice(p.indexOf('/ajv/') + 5));
console.log(JSON.stringify({ results, ajv }));
`;

describe('policy validation is precompiled', () => {
  it('validates packs and user files with the build-time validator: no Ajv compile at run time, same errors', () => {
    const root = mkdtempSync(join(tmpdir(), 'lockwarden-validator-'));
    writeFileSync(join(root, 'good.yml'), 'extends: [lockwarden:baseline]\nrules:\n  typosquat: { action: block }\n');
    writeFileSync(join(root, 'bad.yml'), 'rules:\n  typosquat:\n    action: explode\n');
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, root], { encoding: 'utf8' })) as {
      results: [number, string, string];
      ajv: string[];
    };
    expect(out.results[0]).toBeGreaterThan(5);
    expect(out.results[1]).toBe('block');
    expect(out.results[2]).toMatch(/bad\.yml:3/);
    expect(out.results[2]).toMatch(/explode/);
    // Only Ajv's two runtime helpers load; its compiler (dist/compile, dist/core.js) never does.
    expect(out.ajv.sort()).toEqual(['dist/runtime/equal.js', 'dist/runtime/ucs2length.js']);
  });
});
