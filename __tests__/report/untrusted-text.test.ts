import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  evaluate,
  markdownCode,
  packageKey,
  policyFromText,
  renderReport,
  type Decision,
  type Package,
} from '@lockwarden/core';
import { pickAnnotations } from '../../src/annotations.js';
import { workflowSafe } from '../../src/workflow-text.js';
import { advisory, npmPackage } from '../helpers/packages.js';

const NOW = new Date('2026-11-21T12:00:00Z');

/** Denies every package and gives each an advisory whose summary is `summary`, so names and advisory text reach every report. */
function decide(pkgs: Package[], summary: string): Decision {
  const { policy } = policyFromText('rules: { vulnerability: { action: block, min-severity: low } }', 'lockwarden.yml');
  return evaluate({
    mode: 'pr',
    changes: pkgs.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: true, lockfile: p.location.file, package: p })),
    enrichment: {
      advisories: {
        byPackage: new Map(pkgs.map((p) => [packageKey(p), [advisory('GHSA-aaaa-bbbb-cccc', { severity: 'high', summary })]])),
        source: 'offline DB',
        dataAsOf: NOW,
      },
      skipped: { registry: 'offline' },
    },
    policy,
    now: NOW,
  });
}

/** Text that GitHub or GitLab would turn into a link, a mention, a reference or an emoji. */
const LIVE = [
  /(^|[^\w])#\d/, // #123
  /[\w.-]+\/[\w.-]+#\d/, // owner/repo#124
  /\bGH-\d/i, // GH-12
  /(^|\s)!\d/, // !12 (GitLab merge request)
  /@[\w-]/, // @mention
  /:[\w+-]+:/, // :smile:
  /\bwww\./i, // www.example.com
  /\bhttps?:\/\//i, // http:// autolink
  /(^|\s)~\d/, // ~12 (GitLab label)
];

const HOSTILE = [
  'see #123 and acme/app#124',
  'GH-12 fixes it, also !12',
  'visit www.example.com or http://evil.example/x',
  'ping @octocat :smile: :+1:',
  'rtl \u202Etxt.exe\u202C and \u2066iso\u2069 \u001b[31mred\u001b[0m \u0085c1 \u200Bzw',
];

/** The rendered HTML's text outside code spans, entities decoded: what a reader sees and what references are resolved in. */
function visibleText(html: string): string {
  return html
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('untrusted text in markdown', () => {
  const md = new MarkdownIt({ html: true, linkify: true });

  it('produces no link, mention, reference, emoji or autolink, as markdown-it with linkify renders it', () => {
    for (const text of HOSTILE) {
      const html = md.render(`| a |\n|---|\n| ${escapeMarkdown(text)} |\n\n${escapeMarkdown(text)}`);
      expect(html).not.toMatch(/<a\s/);
      const seen = visibleText(html);
      for (const live of LIVE) expect(seen, `${JSON.stringify(text)} rendered ${JSON.stringify(seen)}`).not.toMatch(live);
    }
  });

  it('keeps ordinary punctuation readable: the zero-width breaks sit only where a reference could start', () => {
    expect(visibleText(md.render(escapeMarkdown('a: b, 50% (ok)!'))).trim()).toBe('a: b, 50% (ok)!');
  });

  it('shows bidi and control characters instead of passing them to the reader, in text and in code spans', () => {
    for (const render of [escapeMarkdown, markdownCode]) {
      const out = render(HOSTILE[4] as string, {});
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toMatch(/U\+202E/);
      expect(md.render(out)).not.toMatch(/\u202e/i);
    }
    expect(markdownCode('a\u202Eb')).toBe('`a<U+202E>b`');
  });

  it('caps each field and notes the original length', () => {
    expect(escapeMarkdown('x'.repeat(5000), { max: 300 })).toBe(`${'x'.repeat(300)}… &#40;5000 characters&#41;`);
    expect(markdownCode('y'.repeat(400), { max: 300 })).toBe(`\`${'y'.repeat(300)}… (400 characters)\``);
  });
});

describe('every reporter', () => {
  const hugeName = `evil-${'n'.repeat(100_000)}`;
  const pkgs = [npmPackage(hugeName, '1.0.0'), ...Array.from({ length: 200 }, (_, i) => npmPackage(`pkg-${i}`, '1.0.0'))];
  const decision = decide(pkgs, HOSTILE.join(' | '));

  it('caps a 100 KB package name in every format, so the report stays small', () => {
    for (const format of ['table', 'markdown', 'json', 'sarif'] as const) {
      const out = renderReport(format, { decision });
      expect(out.length, format).toBeLessThan(1_000_000);
      expect(out, format).not.toContain('n'.repeat(2000));
      expect(out, format).toMatch(/\b1000\d\d characters/);
    }
  });

  it('lets no bidi or control character through in the table, markdown, SARIF text or annotations', () => {
    const annotations = pickAnnotations(decision.findings);
    const texts = [
      renderReport('table', { decision }),
      renderReport('markdown', { decision }),
      ...(JSON.parse(renderReport('sarif', { decision })) as { runs: Array<{ results: Array<{ message: { text: string } }> }> }).runs[0]!.results.map((r) => r.message.text),
      ...annotations.flatMap((a) => [a.message, a.properties.title ?? '']),
    ];
    // eslint-disable-next-line no-control-regex
    for (const text of texts) expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(annotations[0]?.properties.title?.length).toBeLessThan(400);
  });

  it('never lets a logged line become a workflow command', () => {
    expect(workflowSafe('ok\n::add-mask::secret\n  ::error::x\u001b[2J')).toBe('ok\n:\u200b:add-mask::secret\n  :\u200b:error::x<U+001B>[2J');
  });
});
