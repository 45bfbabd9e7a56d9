import type { Finding, Severity } from '@lockwarden/core/findings';
import { uuidV5 } from '@lockwarden/core/sbom';
import type { Decision } from '@lockwarden/core/policy';
import { packageLabel } from '@lockwarden/core/report';
import { findingFingerprint } from './code-quality.js';

/** The GitLab security report schema version the report declares and the tests validate against. */
export const DEPENDENCY_SCANNING_SCHEMA_VERSION = '15.2.1';
export const DEPENDENCY_SCANNING_SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${DEPENDENCY_SCANNING_SCHEMA_VERSION}/dist/dependency-scanning-report-format.json`;

/** Rules whose findings are vulnerabilities in GitLab's sense; the other rules go to the Code Quality report. */
const SECURITY_RULES = new Set(['vulnerability', 'malware']);

/** UUID namespace for vulnerability ids derived from the finding fingerprint (a fixed random UUID). */
const VULNERABILITY_NAMESPACE = '0b7c3f7e-4f0a-4a3e-9a55-6c1d2e9b8f10';

const SEVERITY: Record<Severity, 'Critical' | 'High' | 'Medium' | 'Low' | 'Unknown'> = {
  critical: 'Critical',
  high: 'High',
  moderate: 'Medium',
  low: 'Low',
  unknown: 'Unknown',
};

export interface DependencyScanningOptions {
  toolVersion: string;
  startTime: Date;
  endTime: Date;
}

interface Identifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

/** CVE and GHSA ids link to their canonical pages; anything else (MAL-, PYSEC-, RUSTSEC-) to OSV. */
function identifier(id: string): Identifier {
  const enc = encodeURIComponent(id);
  if (/^CVE-\d{4}-\d+$/.test(id)) return { type: 'cve', name: id, value: id, url: `https://nvd.nist.gov/vuln/detail/${enc}` };
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(id)) return { type: 'ghsa', name: id, value: id, url: `https://github.com/advisories/${enc}` };
  return { type: 'osv', name: id, value: id, url: `https://osv.dev/vulnerability/${enc}` };
}

/** `yyyy-mm-ddThh:mm:ss` in UTC, the only time format the schema accepts. */
function schemaTime(d: Date): string {
  return d.toISOString().slice(0, 19);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function vulnerability(f: Finding): object {
  // CVE first: GitLab treats the first identifier as the primary one and matches findings across scanners by it.
  const ids = [...(f.advisories ?? [])].sort((a, b) => Number(!a.startsWith('CVE-')) - Number(!b.startsWith('CVE-')));
  const identifiers = ids.length > 0 ? ids.map(identifier) : [{ type: 'lockwarden', name: `lockwarden ${f.rule}`, value: `${f.rule}:${f.ecosystem}:${f.name}` }];
  const title = f.rule === 'malware' ? `Malicious package ${f.name}` : `${ids[0] ?? 'Vulnerability'} in ${f.name}`;
  const solution = f.remedy ?? (f.fixed ? `Upgrade ${f.name} to ${f.fixed} or later.` : undefined);
  return {
    id: uuidV5(VULNERABILITY_NAMESPACE, findingFingerprint(f)),
    name: clip(title, 255),
    description: clip(`${packageLabel(f)}: ${f.message}`, 1_048_576),
    severity: SEVERITY[f.severity],
    ...(solution ? { solution: clip(solution, 7000) } : {}),
    identifiers,
    location: {
      file: f.location?.file ?? 'lockfile',
      dependency: { package: { name: f.name }, version: f.version },
    },
  };
}

/**
 * A GitLab Dependency Scanning report (security report schema 15.x) with the vulnerability and malware findings in
 * force. GitLab shows it in the merge request security widget and, from default-branch pipelines, in the project's
 * vulnerability report (Ultimate). A verdict of `error` is a scan with status `failure` and its reasons as messages.
 */
export function renderDependencyScanningReport(decision: Decision, options: DependencyScanningOptions): string {
  const tool = { id: 'lockwarden', name: 'lockwarden', version: options.toolVersion, vendor: { name: 'lockwarden' } };
  const messages = [
    ...decision.errors.map((value) => ({ level: 'fatal', value })),
    ...decision.warnings.map((value) => ({ level: 'warn', value })),
  ].filter((m) => m.value.length > 0);
  const report = {
    version: DEPENDENCY_SCANNING_SCHEMA_VERSION,
    schema: DEPENDENCY_SCANNING_SCHEMA_URL,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'dependency_scanning',
      start_time: schemaTime(options.startTime),
      end_time: schemaTime(options.endTime),
      status: decision.verdict === 'error' ? 'failure' : 'success',
      ...(messages.length > 0 ? { messages } : {}),
    },
    vulnerabilities: decision.findings.filter((f) => SECURITY_RULES.has(f.rule) && f.action !== 'off').map(vulnerability),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
