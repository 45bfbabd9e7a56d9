import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_NAMES } from '../../src/inputs.js';
import { resolveTarget } from '../../src/event.js';
import { REPO_ROOT } from '../helpers/conformance.js';
// @ts-expect-error: a plain ESM build script without type declarations
import { updateReadme } from '../../scripts/action-docs.mjs';

const actionYml = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
const action = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string; main: string } };

describe('action.yml', () => {
  it('declares exactly the inputs the adapter reads', () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
  });

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('is documented in README.md by the generator, so the table cannot drift', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(updateReadme(readme, actionYml)).toBe(readme);
  });

  it('sets every output it declares somewhere in the adapter', () => {
    const main = readFileSync(join(REPO_ROOT, 'src', 'main.ts'), 'utf8');
    for (const name of Object.keys(action.outputs)) expect(main, name).toContain(`setOutput('${name}'`);
  });
});

describe('resolveTarget', () => {
  const pr = { pull_request: { number: 3, base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) }, labels: [{ name: 'x' }] } };
  it('takes base and the work tree for pull_request, base and head commit for pull_request_target', () => {
    expect(resolveTarget('pull_request', pr)).toMatchObject({ mode: 'pr', base: 'b'.repeat(40), pullNumber: 3, labels: ['x'] });
    expect(resolveTarget('pull_request', pr).head).toBeUndefined();
    expect(resolveTarget('pull_request_target', pr)).toMatchObject({ mode: 'pr', base: 'b'.repeat(40), head: 'h'.repeat(40) });
  });

  it('uses the queue entry for merge_group, before..after for push, and audits new branches and schedules', () => {
    expect(resolveTarget('merge_group', { merge_group: { base_sha: 'a', head_sha: 'c' } })).toMatchObject({ mode: 'pr', base: 'a', head: 'c' });
    expect(resolveTarget('push', { before: 'a', after: 'c' })).toMatchObject({ mode: 'pr', base: 'a', head: 'c' });
    expect(resolveTarget('push', { before: '0'.repeat(40), after: 'c' }).mode).toBe('audit');
    expect(resolveTarget('schedule', {}).mode).toBe('audit');
    expect(resolveTarget('workflow_dispatch', {}).mode).toBe('audit');
  });

  it('lets inputs override, and refuses a PR check without a base', () => {
    expect(resolveTarget('schedule', {}, { mode: 'pr', baseRef: 'main' })).toMatchObject({ mode: 'pr', base: 'main' });
    expect(() => resolveTarget('pull_request', {})).toThrow(/base-ref/);
  });
});
