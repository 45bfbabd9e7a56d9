import { SEVERITIES, type Severity } from '../findings/finding.js';
import { escapeMarkdown } from '../report/escape.js';
import type { SnapshotInfo, StoredComponent, StoredFinding, VexStatus } from './types.js';

/** The per-component fields of BSI TR-03183-2 (v2.0, section 5.2) that the record checks. */
export const BSI_FIELDS = [
  'creator',
  'name',
  'version',
  'filename',
  'dependencies',
  'licences',
  'hash-sha512',
  'executable-property',
  'archive-property',
  'structured-property',
  'unique-identifier',
  'deployable-uri',
] as const;
export type BsiField = (typeof BSI_FIELDS)[number];

/** Human labels of the BSI fields, as the TR names them. */
export const BSI_FIELD_LABELS: Readonly<Record<BsiField, string>> = {
  creator: 'Component creator',
  name: 'Component name',
  version: 'Component version',
  filename: 'Filename of the component',
  dependencies: 'Dependencies on other components',
  licences: 'Associated licences',
  'hash-sha512': 'Hash value (SHA-512)',
  'executable-property': 'Executable property',
  'archive-property': 'Archive property',
  'structured-property': 'Structured property',
  'unique-identifier': 'Other unique identifiers (purl)',
  'deployable-uri': 'URI of the deployable form',
};

export interface ComplianceVulnerability {
  id: string;
  aliases: string[];
  severity: Severity;
  summary: string;
  fixed: string | null;
  /** VEX status where a statement exists, else `unassessed`. */
  vex: VexStatus | 'unassessed';
  vexJustification: string | null;
}

export interface ComplianceComponent {
  name: string;
  version: string;
  purl: string;
  ecosystem: string;
  supplier: string | null;
  author: string | null;
  /** Registry or source URL; for a registry package without one, `registry`. */
  origin: string;
  originKind: string;
  hashes: { algorithm: string; value: string }[];
  sha512: string | null;
  licenses: { declared: string[]; concluded: string[] };
  direct: boolean;
  scopes: string[];
  lockfile: string;
  /** Provenance attestations are not recorded by ingest yet: always null ("not known"). */
  provenance: null;
  vulnerabilities: ComplianceVulnerability[];
  bsi: { present: BsiField[]; missing: BsiField[] };
}

/** The compliance record of one release (repository head). */
export interface ComplianceRecord {
  repo: string;
  ref: string;
  commit: string | null;
  takenAt: string;
  inputs: string[];
  generatedAt: string;
  components: ComplianceComponent[];
  summary: {
    components: number;
    direct: number;
    withSha512: number;
    withLicense: number;
    openVulnerabilities: number;
    /** How many components carry each BSI field. */
    bsiCoverage: Record<BsiField, number>;
  };
}

/** One vulnerability of one component: the rows of the report's first table. */
export interface ComplianceVulnerabilityRow extends ComplianceVulnerability {
  component: string;
  version: string;
  purl: string;
}

/**
 * Every vulnerability of the record, the open ones first, worst severity first: what a reader of the report acts
 * on, ahead of the component table where each sits in its row.
 */
export function vulnerabilityRows(record: ComplianceRecord): ComplianceVulnerabilityRow[] {
  const rows = record.components.flatMap((c) => c.vulnerabilities.map((v) => ({ ...v, component: c.name, version: c.version, purl: c.purl })));
  const rank = (r: ComplianceVulnerabilityRow): number => (r.vex === 'not_affected' ? SEVERITIES.length : 0) + SEVERITIES.indexOf(r.severity);
  return rows.sort((a, b) => rank(a) - rank(b) || a.component.localeCompare(b.component) || a.id.localeCompare(b.id));
}

/**
 * The advisory's title, which the record shows beside its id. The rule keeps it in the evidence; a finding stored
 * before it did has only the message (`GHSA-… (CVE-…): title`), so the ids it starts with are cut off there.
 */
function advisorySummary(f: StoredFinding): string {
  const own = f.finding.evidence?.summary;
  if (typeof own === 'string' && own !== '') return own;
  const message = f.finding.message;
  const cut = message.startsWith(`${f.advisory}`) ? message.indexOf(': ') : -1;
  return cut < 0 ? message : message.slice(cut + 2);
}

/**
 * Builds the record from a snapshot, its components and the findings of the last re-evaluation. Licenses read from
 * a lockfile or SBOM are declared ones; lockwarden concludes none itself, so `concluded` stays empty.
 */
export function complianceRecord(snapshot: SnapshotInfo, components: StoredComponent[], findings: StoredFinding[], now: Date = new Date()): ComplianceRecord {
  const byPurl = new Map<string, StoredFinding[]>();
  for (const f of findings) {
    let list = byPurl.get(f.purl);
    if (!list) byPurl.set(f.purl, (list = []));
    list.push(f);
  }
  const out: ComplianceComponent[] = components.map((c) => {
    const sha512 = c.hashes.find((h) => h.algorithm === 'sha512')?.value ?? null;
    const vulnerabilities = (byPurl.get(c.purl) ?? []).map((f): ComplianceVulnerability => ({
      id: f.advisory,
      aliases: (f.finding.advisories ?? []).filter((a) => a !== f.advisory),
      severity: f.finding.severity,
      summary: advisorySummary(f),
      fixed: f.finding.fixed ?? null,
      vex: f.vex?.status ?? 'unassessed',
      vexJustification: f.vex?.justification ?? null,
    }));
    const present = new Set<BsiField>(['name']);
    if (c.supplier || c.author) present.add('creator');
    if (c.version) present.add('version');
    if (c.licenses.length > 0) present.add('licences');
    if (sha512) present.add('hash-sha512');
    if (c.purl) present.add('unique-identifier');
    if (c.source.url) present.add('deployable-uri');
    return {
      name: c.name,
      version: c.version,
      purl: c.purl,
      ecosystem: c.ecosystem,
      supplier: c.supplier ?? null,
      author: c.author ?? null,
      origin: c.source.url ?? c.source.kind,
      originKind: c.source.kind,
      hashes: c.hashes,
      sha512,
      licenses: { declared: c.licenses, concluded: [] },
      direct: c.direct,
      scopes: c.scopes,
      lockfile: c.lockfile,
      provenance: null,
      vulnerabilities,
      bsi: { present: BSI_FIELDS.filter((f) => present.has(f)), missing: BSI_FIELDS.filter((f) => !present.has(f)) },
    };
  });
  const coverage = Object.fromEntries(BSI_FIELDS.map((f) => [f, out.filter((c) => c.bsi.present.includes(f)).length])) as Record<BsiField, number>;
  return {
    repo: snapshot.repo,
    ref: snapshot.ref,
    commit: snapshot.commit,
    takenAt: snapshot.takenAt,
    inputs: snapshot.inputs,
    generatedAt: now.toISOString(),
    components: out,
    summary: {
      components: out.length,
      direct: out.filter((c) => c.direct).length,
      withSha512: out.filter((c) => c.sha512).length,
      withLicense: out.filter((c) => c.licenses.declared.length > 0).length,
      openVulnerabilities: out.reduce((n, c) => n + c.vulnerabilities.filter((v) => v.vex !== 'not_affected').length, 0),
      bsiCoverage: coverage,
    },
  };
}

/** The record as markdown, for an issue or a release page. */
export function complianceMarkdown(record: ComplianceRecord): string {
  const e = escapeMarkdown;
  const s = record.summary;
  const lines = [
    `# Compliance record: ${e(record.repo)} at ${e(record.ref)}${record.commit ? ` (${e(record.commit)})` : ''}`,
    '',
    `Snapshot of ${e(record.takenAt)} from ${record.inputs.map((t) => e(t)).join(', ')}. ${s.components} components (${s.direct} direct), ${s.withSha512} with a SHA-512 hash, ${s.withLicense} with a license, ${s.openVulnerabilities} open vulnerabilities.`,
    '',
    '## Vulnerabilities',
    '',
    ...vulnerabilitiesMarkdown(record),
    '',
    '## Components',
    '',
    '| component | version | purl | supplier | origin | licenses | SHA-512 | direct | vulnerabilities |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of record.components) {
    const vulns = c.vulnerabilities.map((v) => `${e(v.id)} (${v.severity}, VEX ${v.vex})`).join(', ');
    lines.push(
      `| ${e(c.name)} | ${e(c.version)} | ${e(c.purl)} | ${e(c.supplier ?? c.author ?? '')} | ${e(c.origin)} | ${c.licenses.declared.map((t) => e(t)).join(', ')} | ${c.sha512 ? `${c.sha512.slice(0, 16)}…` : 'missing'} | ${c.direct ? 'yes' : 'no'} | ${vulns} |`,
    );
  }
  lines.push('', '## BSI TR-03183-2 fields', '', '| field | components with it | missing in |', '|---|---|---|');
  for (const f of BSI_FIELDS) lines.push(`| ${BSI_FIELD_LABELS[f]} | ${s.bsiCoverage[f]} | ${s.components - s.bsiCoverage[f]} |`);
  return `${lines.join('\n')}\n`;
}

function vulnerabilitiesMarkdown(record: ComplianceRecord): string[] {
  const e = escapeMarkdown;
  const rows = vulnerabilityRows(record);
  if (rows.length === 0) return ['No known vulnerabilities in this release\'s components at the last re-evaluation.'];
  return [
    '| severity | advisory | component | VEX | fixed in | summary |',
    '|---|---|---|---|---|---|',
    ...rows.map((v) => `| ${v.severity} | ${e(v.id)} | ${e(v.component)}@${e(v.version)} | ${v.vex} | ${v.fixed ? e(v.fixed) : '—'} | ${e(v.summary)} |`),
  ];
}
