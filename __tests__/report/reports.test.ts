import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  packageKey,
  policyFromText,
  renderJsonReport,
  renderMarkdownReport,
  renderReport,
  renderSarifReport,
  renderTableReport,
  type Decision,
  type Package,
  type ReportInput,
} from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { advisory, npmPackage } from '../helpers/packages.js';

const NOW = new Date('2026-11-21T12:00:00Z');

const POLICY = `
rules:
  vulnerability: { action: block, min-severity: low }
  deny: { action: block, packages: ["pkg:npm/denied-*", "pkg:npm/accepted"] }
  install-scripts: { action: quarantine }
  license: { action: warn, allow: [MIT] }
exceptions:
  - package: pkg:npm/accepted
    rule: deny
    reason: "reviewed <b>by</b> @security-team"
    expires: 2027-06-30
    approved-by: alice
  - package: pkg:npm/old
    reason: renewed never
    expires: 2026-01-01
`;

function decide(pkgs: Package[], advisoriesFor: Package[] = []): Decision {
  const { policy } = policyFromText(POLICY, '.github/lockwarden.yml');
  return evaluate({
    mode: 'pr',
    changes: pkgs.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: true, lockfile: p.location.file, package: p })),
    enrichment: {
      advisories: {
        byPackage: new Map(advisoriesFor.map((p) => [packageKey(p), [advisory('GHSA-aaaa-bbbb-cccc', { ids: ['CVE-2026-0001'], severity: 'critical', fixed: '2.0.0', summary: 'Prototype pollution in merge()' })]])),
        source: 'offline DB at fixtures/osv',
        dataAsOf: new Date('2026-11-20T06:00:00Z'),
      },
      skipped: { registry: 'offline' },
    },
    policy,
    now: NOW,
  });
}

const vulnerable = npmPackage('merge-lib', '1.0.0', { location: { file: 'web/package-lock.json', line: 42 } });
const sample = (): ReportInput => ({
  decision: decide(
    [vulnerable, npmPackage('denied-thing', '0.1.0'), npmPackage('scripted', '3.0.0', { hasInstallScript: true }), npmPackage('accepted', '1.0.0'), npmPackage('copyleft', '1.0.0', { license: 'GPL-3.0-only' })],
    [vulnerable],
  ),
  policySources: ['lockwarden:baseline', '.github/lockwarden.yml'],
  base: 'HEAD~1',
  head: 'HEAD',
  toolVersion: '0.1.0',
});

describe('markdown report', () => {
  it('puts the verdict first and has a table per severity, exceptions, expired exceptions, not-evaluated and data age', () => {
    const md = renderMarkdownReport(sample());
    expect(md.split('\n')[0]).toBe('## ❌ lockwarden failed: 2 blocking, 1 quarantined, 1 warning (5 packages judged)');
    expect(md.match(/^### .*$/gm)).toEqual([
      '### Critical (1)',
      '### High (1)',
      '### Moderate (2)',
      '### Exceptions applied (1)',
      '### Expired exceptions (1)',
      '### Not evaluated',
    ]);
    expect(md).toContain('| `merge-lib` | 1.0.0 | vulnerability | **block** | GHSA-aaaa-bbbb-cccc &#40;CVE-2026-0001&#41;&#58; Prototype pollution in merge&#40;&#41; | upgrade to 2.0.0 or later |');
    expect(md).toContain('Advisories: offline DB at fixtures/osv (data as of 2026-11-20 06:00 UTC, 1 day old)');
    expect(md).toContain('Compared HEAD&#126;\u200b1 → HEAD');
  });

  it('renders hostile package names, versions, messages and reasons inertly', () => {
    const hostile = [
      'evil|name',
      'tick`s``',
      '<img src=x onerror=alert(1)>',
      '@mention-me',
      'line\nbreak | injected | row',
      'click](https://evil.example)',
      '[link](javascript:alert(1))',
      '![img](https://evil.example/x.png)',
    ];
    const pkgs = hostile.map((name, i) =>
      npmPackage(name, `1.0.${i}<script>`, { purl: `pkg:npm/denied-${i}@1.0.${i}`, license: `MIT` }),
    );
    const input: ReportInput = { decision: decide(pkgs), policySources: ['<b>policy</b>'] };
    const md = renderMarkdownReport(input);
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(html).not.toMatch(/<img|<script|<a |<b>|href=/i);
    const firstTable = html.slice(0, html.indexOf('</table>'));
    const rows = firstTable.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    // One header row plus one row per hostile package, each with exactly six cells.
    expect(rows).toHaveLength(hostile.length + 1);
    for (const row of rows) expect(row.match(/<t[dh]/g)).toHaveLength(6);
    // Outside code spans, no @mention survives intact (GitHub would notify).
    expect(html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/@mention-me/);
    // The reason from the policy file is escaped too.
    const reasons = renderMarkdownReport(sample());
    expect(reasons).toContain('reviewed &#60;b&#62;by&#60;/b&#62; @\u200bsecurity-team');
  });

  it('stays under maxLength by shortening tables and saying so', () => {
    const many = Array.from({ length: 600 }, (_, i) => npmPackage(`denied-${i}-${'x'.repeat(60)}`, '1.0.0'));
    const input: ReportInput = { decision: decide(many) };
    const full = renderMarkdownReport(input, { maxLength: 10_000_000 });
    expect(full.length).toBeGreaterThan(65_536);
    const bounded = renderMarkdownReport(input, { maxLength: 65_536, truncatedNote: 'See the job summary.' });
    expect(bounded.length).toBeLessThanOrEqual(65_536);
    expect(bounded.split('\n')[0]).toBe('## ❌ lockwarden failed: 600 blocking (600 packages judged)');
    expect(bounded).toMatch(/_…and \d+ more findings not shown\. See the job summary\._/);
    const tiny = renderMarkdownReport(input, { maxLength: 300 });
    expect(tiny.length).toBeLessThanOrEqual(300);
    expect(tiny.startsWith('## ❌ lockwarden failed')).toBe(true);
  });

  it('says "could not evaluate" when a source failed', () => {
    const { policy } = policyFromText('rules: { vulnerability: { action: block } }');
    const decision = evaluate({
      mode: 'audit',
      inventories: [{ lockfile: 'package-lock.json', format: 'package-lock.json', ecosystem: 'npm', packages: [npmPackage('a', '1.0.0')], projects: [] }],
      enrichment: { failures: [{ data: 'advisories', source: 'OSV API', message: 'HTTP 503' }] },
      policy,
      now: NOW,
    });
    const md = renderMarkdownReport({ decision });
    expect(md.split('\n').slice(0, 4)).toEqual([
      '## ⚠️ lockwarden could not evaluate (1 package judged)',
      '',
      '> **Could not evaluate:** OSV API could not be reached &#40;HTTP 503&#41;; malware, vulnerability not evaluated',
      '> The check fails closed: an unreachable data source is not a clean result.',
    ]);
  });
});

describe('sarif report', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, '__tests__/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is valid SARIF 2.1.0 with results on the lockfile line', () => {
    const sarif = JSON.parse(renderSarifReport(sample())) as {
      runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; partialFingerprints: Record<string, string> }>; tool: { driver: { rules: Array<{ id: string }> } } }>;
    };
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['deny', 'install-scripts', 'license', 'vulnerability']);
    expect(run.results).toHaveLength(4);
    const vuln = run.results.find((r) => r.ruleId === 'vulnerability')!;
    expect(vuln.level).toBe('error');
    expect(vuln.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'web/package-lock.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 42 } });
    // Fingerprints are stable across runs and distinct across results.
    expect(JSON.parse(renderSarifReport(sample())).runs[0].results.map((r: { partialFingerprints: object }) => r.partialFingerprints)).toEqual(run.results.map((r) => r.partialFingerprints));
    expect(new Set(run.results.map((r) => r.partialFingerprints['lockwarden/v1'])).size).toBe(4);
  });

  it('an empty or failed run is valid too', () => {
    const { policy } = policyFromText('rules: { malware: { action: block } }');
    const decision = evaluate({ mode: 'pr', changes: [], enrichment: { failures: [{ data: 'advisories', source: 'OSV', message: 'down' }] }, policy, now: NOW });
    expect(validate(JSON.parse(renderSarifReport({ decision })))).toBe(true);
  });
});

describe('json and table reports', () => {
  it('json carries the decision with findings in the Finding shape', () => {
    const json = JSON.parse(renderJsonReport(sample())) as Record<string, unknown> & { findings: Array<Record<string, unknown>>; summary: Record<string, number> };
    expect(json.verdict).toBe('fail');
    expect(json.summary).toEqual({ block: 2, quarantine: 1, warn: 1, info: 0, total: 4, packagesJudged: 5 });
    expect(Object.keys(json.findings[0]!).sort()).toEqual(
      ['action', 'advisories', 'ecosystem', 'evidence', 'fixed', 'location', 'message', 'name', 'purl', 'remedy', 'rule', 'severity', 'version'].sort(),
    );
    expect((json.exceptionsApplied as Array<{ exception: { reason: string } }>)[0]!.exception.reason).toBe('reviewed <b>by</b> @security-team');
    expect((json.exceptionsExpired as unknown[]).length).toBe(1);
    expect(json.policy).toEqual(['lockwarden:baseline', '.github/lockwarden.yml']);
  });

  it('table output drops terminal control sequences', () => {
    const evil = npmPackage('denied-\u001b[2Jclear', '1.0.0');
    const out = renderTableReport({ decision: decide([evil]) });
    expect(out).not.toContain('\u001b');
    expect(out.split('\n')[0]).toBe('lockwarden: failed: 1 blocking (1 package judged)');
    expect(out).toContain('block   high      deny  npm:denied- [2Jclear@1.0.0');
    expect(renderReport('table', { decision: decide([evil]) })).toBe(out);
  });
});
