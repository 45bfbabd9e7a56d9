import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { validateSbomJson } from '@lockwarden/core';
import { GITLAB_REPORT_FILES } from '../../packages/cli/src/gitlab/report-files.js';
import { REPO_ROOT } from '../helpers/conformance.js';

/**
 * GitLab's documented Code Quality fields ("Code Quality report format": a JSON array of Code Climate issues with
 * description, check_name, fingerprint, severity and location.path + location.lines.begin). GitLab publishes no
 * schema file for it; this states exactly those requirements.
 */
export const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: { type: 'object', additionalProperties: false, required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
export const validateCodeQuality = ajv.compile(CODE_QUALITY_SCHEMA);
export const validateDependencyScanning = ajv.compile(
  JSON.parse(readFileSync(join(REPO_ROOT, '__tests__/fixtures/gitlab/dependency-scanning-report-format-15.2.1.json'), 'utf8')) as object,
);

export interface CodeQualityIssueJson {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

export interface DependencyScanningJson {
  version: string;
  scan: { status: string; type: string; messages?: Array<{ level: string; value: string }> };
  vulnerabilities: Array<{ id: string; name: string; severity: string; solution?: string; identifiers: Array<{ type: string; value: string; url?: string }>; location: { file: string; dependency: { package: { name: string }; version: string } } }>;
}

export interface SbomJson {
  specVersion: string;
  metadata: { properties?: Array<{ name: string; value: string }> };
  components: Array<{ name: string; group?: string; version: string; purl: string; properties?: Array<{ name: string; value: string }> }>;
}

export interface JunitSuite {
  tests: number;
  failures: number;
  errors: number;
  cases: Array<{ name: string; classname: string; failure?: string; error?: string; out?: string }>;
}

export function parseJunit(xml: string): JunitSuite {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml) as {
    testsuites: { testsuite: Record<string, unknown> & { testcase: Array<Record<string, unknown>> } };
  };
  const suite = doc.testsuites.testsuite;
  const text = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : String((v as Record<string, unknown>)['#text'] ?? ''));
  const cases = suite.testcase.map((c) => ({
    name: String(c.name),
    classname: String(c.classname),
    ...(c.failure !== undefined ? { failure: text(c.failure) } : {}),
    ...(c.error !== undefined ? { error: text(c.error) } : {}),
    ...(c['system-out'] !== undefined ? { out: text(c['system-out']) } : {}),
  }));
  const suiteResult = { tests: Number(suite.tests), failures: Number(suite.failures), errors: Number(suite.errors), cases };
  expect(suiteResult.tests).toBe(cases.length);
  expect(suiteResult.failures).toBe(cases.filter((c) => c.failure !== undefined).length);
  expect(suiteResult.errors).toBe(cases.filter((c) => c.error !== undefined).length);
  return suiteResult;
}

export interface GitLabReports {
  codeQuality: CodeQualityIssueJson[];
  dependencyScanning: DependencyScanningJson;
  sbom?: SbomJson;
  junit: JunitSuite;
}

/** Reads the report files from `dir`, failing the test unless each is valid against its schema or shape. */
export async function readValidReports(dir: string, options: { sbom?: boolean } = {}): Promise<GitLabReports> {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const codeQuality = JSON.parse(read(GITLAB_REPORT_FILES.codequality)) as CodeQualityIssueJson[];
  expect(validateCodeQuality(codeQuality), JSON.stringify(validateCodeQuality.errors)).toBe(true);
  const dependencyScanning = JSON.parse(read(GITLAB_REPORT_FILES.dependency_scanning)) as DependencyScanningJson;
  expect(validateDependencyScanning(dependencyScanning), JSON.stringify(validateDependencyScanning.errors)).toBe(true);
  const junit = parseJunit(read(GITLAB_REPORT_FILES.junit));
  let sbom: SbomJson | undefined;
  if (options.sbom ?? true) {
    const text = read(GITLAB_REPORT_FILES.cyclonedx);
    const validation = await validateSbomJson(text, GITLAB_REPORT_FILES.cyclonedx);
    expect(validation.issues).toEqual([]);
    expect(validation.specVersion).toBe('1.6');
    sbom = JSON.parse(text) as SbomJson;
  } else {
    expect(existsSync(join(dir, GITLAB_REPORT_FILES.cyclonedx))).toBe(false);
  }
  return { codeQuality, dependencyScanning, junit, ...(sbom ? { sbom } : {}) };
}
