import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLockfileParser, parseYaml, policyFromText, ParseError } from '@lockwarden/core';
import { errorOf } from '../helpers/errors.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Shapes of deep YAML: compact block sequences, indentation, flow inside block, and brackets behind a quote. */
const DEEP: Record<string, string> = {
  'compact sequences': '- '.repeat(5000) + 'a\n',
  'indented sequences': Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + '-').join('\n'),
  'indented mappings': Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
  'mappings in sequences at one indentation step': Array.from({ length: 2000 }, (_, i) => ' '.repeat(2 * i) + '- k:').join('\n'),
  'block then flow': '- '.repeat(120) + '['.repeat(200),
  'brackets after a quote inside a plain scalar': "k: [a'" + '['.repeat(5000),
};

const YAML_FORMATS = ['pnpm-lock.yaml', 'pubspec.lock', 'Podfile.lock'];

describe('YAML nesting is bounded before the yaml library sees the text', () => {
  for (const [shape, text] of Object.entries(DEEP)) {
    for (const id of YAML_FORMATS) {
      it(`${id}: ${shape} is a ParseError with a line`, async () => {
        const parser = await loadLockfileParser(id);
        const err = errorOf(() => parser.parse(text, id));
        expect(err.reason).toBe('nesting deeper than 256 levels');
        expect(err.line).toBeGreaterThan(0);
        expect(err.column).toBeGreaterThan(0);
      });
    }
    it(`policy: ${shape} is a POLICY_ERROR or ParseError, never a stack overflow`, () => {
      const err = errorOf(() => policyFromText(text.slice(0, 1024 * 1024 - 1)));
      expect(err).toBeInstanceOf(ParseError);
    });
  }

  it('points at the indicator that crossed the limit', () => {
    const err = errorOf(() => parseYaml('- '.repeat(5000), 'x.yaml'));
    expect([err.line, err.column]).toEqual([1, 255]);
  });

  it('lets ordinary depth and block scalar bodies through', () => {
    expect(parseYaml('- '.repeat(100) + 'a\n', 'x.yaml').value).toBeDefined();
    expect(parseYaml('['.repeat(200) + ']'.repeat(200), 'x.yaml').value).toBeDefined();
    // A literal block's body is text, however it is indented.
    const body = Array.from({ length: 600 }, (_, i) => '  ' + ' '.repeat(i) + '- x').join('\n');
    const { value } = parseYaml(`a: |\n${body}\nb: 1\n`, 'x.yaml');
    expect((value as { b: number }).b).toBe(1);
  });

  it('survives two deep parses in one process (a long-running guard must not abort)', async () => {
    // Before the bound, the first parse overflowed inside the yaml library and the second aborted V8 fatally,
    // so this runs in a child process.
    const script = `
      import { loadLockfileParser, policyFromText } from '@lockwarden/core';
      const text = '- '.repeat(5000) + 'a\\n';
      const codes = [];
      const [pnpm, pub, pods] = await Promise.all(['pnpm-lock.yaml', 'pubspec.lock', 'Podfile.lock'].map(loadLockfileParser));
      for (const run of [() => pnpm.parse(text, 'pnpm-lock.yaml'),
                         () => pub.parse(text, 'pubspec.lock'),
                         () => pods.parse(text, 'Podfile.lock'),
                         () => policyFromText(text)]) {
        try { run(); codes.push('parsed'); } catch (err) { codes.push(err.name + ':' + err.line); }
      }
      process.stdout.write(codes.join(','));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(out).toBe('ParseError:1,ParseError:1,ParseError:1,ParseError:1');
  });
});
