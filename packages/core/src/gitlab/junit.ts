import { create } from 'xmlbuilder2';
import type { Finding } from '../findings/finding.js';
import type { Decision } from '../policy/evaluate.js';
import { packageLabel, verdictSentence } from '../report/report-input.js';

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
  const tests = findings.length + 1;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'lockwarden',
    tests: String(tests),
    failures: String(failures),
    errors: String(errors),
  });
  const suite = root.ele('testsuite', {
    name: 'lockwarden check',
    tests: String(tests),
    failures: String(failures),
    errors: String(errors),
    skipped: '0',
    timestamp: decision.evaluatedAt,
  });

  const verdict = suite.ele('testcase', { name: 'verdict', classname: 'lockwarden' });
  const sentence = `lockwarden ${verdictSentence(decision)}`;
  if (decision.verdict === 'fail') verdict.ele('failure', { message: sentence, type: 'policy' }).txt(sentence);
  if (decision.verdict === 'error') {
    verdict.ele('error', { message: sentence, type: 'evaluation' }).txt(xmlText(decision.errors.join('\n')) || sentence);
  }
  if (decision.verdict === 'pass') verdict.ele('system-out').txt(sentence);

  for (const f of findings) {
    const name = xmlText(`${f.rule}: ${packageLabel(f)}`);
    const text = xmlText(`${f.message}${f.remedy ? `\nRemedy: ${f.remedy}` : ''}${f.location?.line ? `\nAt ${f.location.file}:${f.location.line}` : ''}`);
    const testcase = suite.ele('testcase', { name, classname: xmlText(f.location?.file ?? f.ecosystem) });
    if (fails(f)) {
      testcase.ele('failure', { message: xmlText(f.message), type: `${f.rule}/${f.action}` }).txt(text);
    } else {
      testcase.ele('system-out').txt(`${f.action}: ${text}`);
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
