import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Action, Finding, Severity } from '../findings/finding.js';
import { RULES, isRuleId } from '../policy/rules/index.js';
import { packageLabel, type ReportInput } from './report-input.js';
import { mapStrings } from '../log/redact.js';
import { capField, plainText } from './untrusted-text.js';

const LEVEL: Record<Action, Result.level> = { block: 'error', quarantine: 'error', warn: 'warning', info: 'note', off: 'none' };

/** GitHub code scanning reads `security-severity` (a CVSS-like number) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', moderate: '5.5', low: '2.0', unknown: '5.0' };

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif): one rule per lockwarden rule, one result per
 * finding located on its lockfile line, with a partial fingerprint stable across runs so alerts are tracked.
 */
export function renderSarifReport(input: ReportInput): string {
  const d = input.decision;
  const usedRules = [...new Set(d.findings.map((f) => f.rule))].sort();
  const rules: ReportingDescriptor[] = usedRules.map((id) => {
    const worst = d.findings.find((f) => f.rule === id);
    const module = isRuleId(id) ? RULES[id] : undefined;
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
      shortDescription: { text: module?.description ?? id },
      help: { text: `See docs/policy.md, section "${id}", for what this rule checks and its options.` },
      defaultConfiguration: { level: worst ? LEVEL[worst.action] : 'warning' },
      properties: {
        tags: ['security', 'supply-chain', 'dependencies'],
        ...(worst ? { 'security-severity': SECURITY_SEVERITY[worst.severity] } : {}),
      },
    };
  });
  const ruleIndex = new Map(usedRules.map((id, i) => [id, i]));
  const results: Result[] = d.findings.map((f) => result(f, ruleIndex.get(f.rule) ?? 0));
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lockwarden',
            ...(input.toolVersion ? { version: input.toolVersion, semanticVersion: input.toolVersion } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: d.verdict !== 'error',
            toolExecutionNotifications: [
              ...d.errors.map((text) => ({ level: 'error' as const, message: { text: plainText(text) } })),
              ...d.warnings.map((text) => ({ level: 'warning' as const, message: { text: plainText(text) } })),
            ],
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
        properties: { verdict: d.verdict, mode: d.mode },
      },
    ],
  };
  // Every field is capped (purls and paths carry names too), so one huge name cannot bloat the upload.
  return `${JSON.stringify(mapStrings(log, (text) => capField(text)), null, 2)}\n`;
}

function result(f: Finding, ruleIndex: number): Result {
  const file = f.location?.file ?? '';
  const identity = [f.rule, f.ecosystem, f.name, f.version, file, (f.advisories ?? [])[0] ?? f.message].join('\0');
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.action],
    message: { text: `${f.ecosystem} package ${plainText(packageLabel(f))}: ${plainText(f.message)}${f.remedy ? `. Remedy: ${plainText(f.remedy)}` : ''}` },
    ...(file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.location?.line && f.location.line > 0 ? f.location.line : 1 },
              },
            },
          ],
        }
      : {}),
    partialFingerprints: { 'lockwarden/v1': createHash('sha256').update(identity).digest('hex').slice(0, 32) },
    properties: {
      action: f.action,
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      ecosystem: f.ecosystem,
      package: plainText(f.name),
      version: plainText(f.version),
      ...(f.purl ? { purl: f.purl } : {}),
      ...(f.advisories ? { advisories: f.advisories } : {}),
      ...(f.fixed ? { fixed: f.fixed } : {}),
    },
  };
}
