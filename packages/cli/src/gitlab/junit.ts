import { XMLBuilder } from 'fast-xml-parser';
import type { Finding } from '@lockwarden/core/findings';
import type { Decision } from '@lockwarden/core/policy';
import { packageLabel, verdictSentence } from '@lockwarden/core/report';

/** Characters XML 1.0 cannot carry at all; untrusted text loses them rather than breaking the file. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A finding that fails the check: blocked, or quarantined and not approved (approved ones are not in `findings`). */
function fails(f: Finding): boolean {
  return f.action === 'block' || f.action === 'quarantine';
}

/**
 * JUnit XML for GitLab's merge request test summary. One test case per finding in force (named
 * `rule: name@version`, class name the lockfile), failed when it blocks or is quarantined, passed with the message
 * as output when it only warns or informs; plus one `verdict` test case that carries the overall result, so a
 * clean check still shows one passed test and an `error` verdict shows as an error. Per finding rather than per
 * package: a package with two problems shows both, and a clean run is not a wall of passed packages.
 */
export function renderJunitReport(decision: Decision): string {
  const findings = decision.findings.filter((f) => f.action !== 'off');
  const failures = findings.filter(fails).length + (decision.verdict === 'fail' ? 1 : 0);
  const errors = decision.verdict === 'error' ? 1 : 0;
  const tests = String(findings.length + 1);

  const sentence = `lockwarden ${verdictSentence(decision)}`;
  const verdict: Record<string, unknown> = { '@_name': 'verdict', '@_classname': 'lockwarden' };
  if (decision.verdict === 'fail') verdict.failure = { '@_message': sentence, '@_type': 'policy', '#text': sentence };
  if (decision.verdict === 'error') {
    verdict.error = { '@_message': sentence, '@_type': 'evaluation', '#text': xmlText(decision.errors.join('\n')) || sentence };
  }
  if (decision.verdict === 'pass') verdict['system-out'] = sentence;

  const cases = findings.map((f) => {
    const text = xmlText(`${f.message}${f.remedy ? `\nRemedy: ${f.remedy}` : ''}${f.location?.line ? `\nAt ${f.location.file}:${f.location.line}` : ''}`);
    const testcase: Record<string, unknown> = {
      '@_name': xmlText(`${f.rule}: ${packageLabel(f)}`),
      '@_classname': xmlText(f.location?.file ?? f.ecosystem),
    };
    if (fails(f)) testcase.failure = { '@_message': xmlText(f.message), '@_type': `${f.rule}/${f.action}`, '#text': text };
    else testcase['system-out'] = `${f.action}: ${text}`;
    return testcase;
  });

  const doc = {
    testsuites: {
      '@_name': 'lockwarden',
      '@_tests': tests,
      '@_failures': String(failures),
      '@_errors': String(errors),
      testsuite: {
        '@_name': 'lockwarden check',
        '@_tests': tests,
        '@_failures': String(failures),
        '@_errors': String(errors),
        '@_skipped': '0',
        '@_timestamp': decision.evaluatedAt,
        testcase: [verdict, ...cases],
      },
    },
  };
  // processEntities escapes &, <, >, quotes in text and attributes, so names from lockfiles stay text.
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, processEntities: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc) as string}`;
}
