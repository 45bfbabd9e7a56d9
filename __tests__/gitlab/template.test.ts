import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GITLAB_REPORT_FLAGS } from '../../packages/cli/src/gitlab/inputs.js';
import { GITLAB_REPORT_FILES } from '../../packages/cli/src/gitlab/report-files.js';
import { DEFAULT_IMAGE, TEMPLATE_FILES, renderGitLabTemplate, type TemplateKind } from '../../packages/cli/src/gitlab/template.js';
import { VERSION } from '../../packages/cli/src/version.js';
import { REPO_ROOT } from '../helpers/conformance.js';
import { checkCommandOptions, interpolate, readTemplate, shellWords } from './template-helpers.js';

const KINDS = Object.keys(TEMPLATE_FILES) as TemplateKind[];

describe('GitLab template files', () => {
  it.each(KINDS)('%s layout is exactly what the renderer produces (run npm run gitlab:template after a change)', (kind) => {
    expect(readFileSync(join(REPO_ROOT, TEMPLATE_FILES[kind]), 'utf8')).toBe(renderGitLabTemplate(kind));
  });

  it('both layouts declare the same inputs and the same job', () => {
    const [remote, component] = KINDS.map(readTemplate);
    expect(component?.inputs).toEqual(remote?.inputs);
    expect(component?.body).toBe(remote?.body);
  });
});

describe.each(KINDS)('GitLab template (%s)', (kind) => {
  const docs = readTemplate(kind);

  it('declares the inputs the issue asks for, with typed booleans and closed choices', () => {
    expect(Object.keys(docs.inputs).sort()).toEqual(
      ['allow-failure', 'comment', 'fail-open', 'image', 'job-name', 'mode', 'policy', 'sbom', 'stage', 'version'].sort(),
    );
    for (const name of ['allow-failure', 'fail-open', 'sbom']) expect(docs.inputs[name]?.type).toBe('boolean');
    expect(docs.inputs.mode?.options).toEqual(['pr', 'audit']);
    expect(docs.inputs.version?.default).toBe(VERSION);
    expect(docs.inputs.image?.default).toBe(DEFAULT_IMAGE);
    expect(DEFAULT_IMAGE).toMatch(/^node:24\b/);
    for (const [name, spec] of Object.entries(docs.inputs)) expect(spec.description, name).toMatch(/\S/);
  });

  it('uses every input it declares, and only those', () => {
    const used = new Set([...docs.body.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(docs.inputs).sort());
  });

  it('passes only flags the check command defines, with values among their choices', () => {
    const options = checkCommandOptions();
    const job = interpolate(docs)['lockwarden'];
    expect(job?.script).toHaveLength(1);
    const words = shellWords(job?.script[0] ?? '', {});
    expect(words.slice(0, 4)).toEqual(['npx', '--yes', `lockwarden@${VERSION}`, 'check']);
    const flags = words.slice(4).filter((w) => w.startsWith('--'));
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      const option = options.find((o) => o.long === flag);
      expect(option, `${flag} is not an option of lockwarden check`).toBeDefined();
      const value = words[words.indexOf(flag) + 1];
      if (option?.argChoices && value !== undefined && !value.startsWith('--')) expect(option.argChoices).toContain(value);
    }
    // Every value a choice input can take is accepted by the flag it feeds (`--flag "$[[ inputs.name ]]"`).
    const fed = [...docs.body.matchAll(/(--[\w-]+) "\$\[\[ inputs\.([\w-]+) \]\]"/g)].map((m) => ({ flag: m[1], input: m[2] as string }));
    expect(fed.map((f) => f.input).sort()).toEqual(['comment', 'fail-open', 'mode', 'policy', 'sbom']);
    for (const { flag, input } of fed) {
      const spec = docs.inputs[input];
      const values = spec?.type === 'boolean' ? ['true', 'false'] : (spec?.options ?? []);
      const option = options.find((o) => o.long === flag);
      expect(option, flag).toBeDefined();
      if (values.length > 0) expect(option?.argChoices, `${input} feeds ${flag}`).toEqual(expect.arrayContaining(values));
    }
  });

  it("reads the report files the CLI writes by default, from the same table", () => {
    const job = interpolate(docs)['lockwarden'];
    expect(job?.artifacts.reports).toEqual(GITLAB_REPORT_FILES);
    expect(job?.artifacts.paths).toEqual(Object.values(GITLAB_REPORT_FILES));
    expect(job?.artifacts.when).toBe('always');
    const options = checkCommandOptions();
    for (const [type, flag] of Object.entries(GITLAB_REPORT_FLAGS)) {
      expect(options.find((o) => o.long === flag)?.defaultValue).toBe(GITLAB_REPORT_FILES[type as keyof typeof GITLAB_REPORT_FILES]);
    }
  });

  it('maps inputs onto the job: name, stage, image, allow_failure as a boolean', () => {
    const jobs = interpolate(docs, { 'job-name': 'deps-gate', stage: 'verify', image: 'node:24-bookworm', 'allow-failure': true });
    expect(Object.keys(jobs)).toEqual(['deps-gate']);
    const job = jobs['deps-gate'];
    expect(job?.stage).toBe('verify');
    expect(job?.image).toBe('node:24-bookworm');
    expect(job?.allow_failure).toBe(true);
    expect(interpolate(docs)['lockwarden']?.allow_failure).toBe(false);
    expect(job?.needs).toEqual([]);
  });

  it('runs pr mode on merge request pipelines and the default branch, audit mode on schedules', () => {
    const rules = (mode: string) => interpolate(docs, { mode })['lockwarden']?.rules.map((r) => r.if) ?? [];
    // The rules keep only the lines whose "<mode>" == "<literal>" comparison holds.
    const live = (mode: string) => rules(mode).filter((r) => /^"(\w+)" == "(\w+)"/.exec(r)?.slice(1).every((v, _i, a) => v === a[0]));
    expect(live('pr')).toEqual([
      '"pr" == "pr" && $CI_PIPELINE_SOURCE == "merge_request_event"',
      '"pr" == "pr" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"',
    ]);
    expect(live('audit')).toEqual(['"audit" == "audit" && $CI_PIPELINE_SOURCE == "schedule"']);
  });
});
