import { ParseError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import { isRecord, parseJson } from '../parse/json.js';
import { matchPurlPattern, parsePurlPattern } from '../policy/purl-pattern.js';
import type { StoredComponent, StoredFinding, VexStatement, VexStatus } from './types.js';

/** OpenVEX 0.2 justifications for `not_affected`. */
export const OPENVEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;

/** CycloneDX `analysis.justification` → OpenVEX (the store keeps OpenVEX's vocabulary). */
const CDX_TO_OPENVEX: Readonly<Record<string, string>> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

const OPENVEX_TO_CDX: Readonly<Record<string, string>> = {
  component_not_present: 'requires_dependency',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};

/** CycloneDX `analysis.state` → VEX status. */
const CDX_STATES: Readonly<Record<string, VexStatus>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  exploitable: 'affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  in_triage: 'under_investigation',
};

const STATUS_TO_CDX: Readonly<Record<VexStatus, string>> = {
  not_affected: 'not_affected',
  affected: 'exploitable',
  fixed: 'resolved',
  under_investigation: 'in_triage',
};

const STATUSES: ReadonlySet<string> = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);

/**
 * Reads a CycloneDX VEX (a BOM with `vulnerabilities[].analysis`) or an OpenVEX 0.2 document into statements,
 * scoped to `repo` (null: every repository). Throws ParseError naming the file and the statement for anything
 * malformed, including an OpenVEX `not_affected` without justification or impact statement (the spec requires one).
 */
export function readVex(text: string, file: string, repo: string | null): VexStatement[] {
  const doc = parseJson(text, file);
  if (!isRecord(doc)) throw new ParseError(file, 'a VEX document must be a JSON object', undefined, { code: 'SBOM_ERROR' });
  if (doc.bomFormat === 'CycloneDX') return readCycloneDxVex(doc, file, repo);
  if (typeof doc['@context'] === 'string' && doc['@context'].startsWith('https://openvex.dev/ns')) return readOpenVex(doc, file, repo);
  throw new ParseError(file, 'neither a CycloneDX VEX nor an OpenVEX document (no bomFormat, no openvex @context)', undefined, { code: 'SBOM_ERROR' });
}

function fail(file: string, where: string, reason: string): never {
  throw new ParseError(file, `${where}: ${reason}`, undefined, { code: 'SBOM_ERROR' });
}

function readCycloneDxVex(doc: Record<string, unknown>, file: string, repo: string | null): VexStatement[] {
  // `affects[].ref` names a bom-ref; in a standalone VEX it is often the purl itself.
  const refs = new Map<string, string>();
  const visit = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isRecord(c)) continue;
      if (typeof c['bom-ref'] === 'string' && typeof c.purl === 'string') refs.set(c['bom-ref'], c.purl);
      visit(c.components);
    }
  };
  visit(doc.components);
  if (isRecord(doc.metadata) && isRecord(doc.metadata.component)) visit([doc.metadata.component]);
  const vulns = doc.vulnerabilities;
  if (!Array.isArray(vulns)) fail(file, 'vulnerabilities', 'a CycloneDX VEX needs a vulnerabilities array');
  const out: VexStatement[] = [];
  vulns.forEach((v, i) => {
    const where = `vulnerabilities[${i}]`;
    if (!isRecord(v) || typeof v.id !== 'string' || v.id === '') fail(file, where, 'needs an id');
    const analysis = isRecord(v.analysis) ? v.analysis : undefined;
    if (!analysis || typeof analysis.state !== 'string') fail(file, `${where}.analysis.state`, 'missing (a VEX statement needs a state)');
    const status = CDX_STATES[analysis.state];
    if (!status) fail(file, `${where}.analysis.state`, `unknown state "${analysis.state}"`);
    if (!Array.isArray(v.affects) || v.affects.length === 0) fail(file, `${where}.affects`, 'names no component');
    v.affects.forEach((a, j) => {
      if (!isRecord(a) || typeof a.ref !== 'string') fail(file, `${where}.affects[${j}].ref`, 'missing');
      const purl = refs.get(a.ref) ?? (a.ref.startsWith('pkg:') ? a.ref : undefined);
      if (!purl) fail(file, `${where}.affects[${j}].ref`, `"${a.ref}" is neither a purl nor the bom-ref of a component with a purl`);
      const s: VexStatement = { repo, vulnerability: v.id as string, purl, status, document: file };
      if (typeof analysis.justification === 'string') s.justification = CDX_TO_OPENVEX[analysis.justification] ?? analysis.justification;
      if (typeof analysis.detail === 'string') s.detail = analysis.detail;
      if (Array.isArray(analysis.response) && analysis.response.length > 0) s.actionStatement = analysis.response.map(String).join(', ');
      out.push(s);
    });
  });
  return out;
}

function readOpenVex(doc: Record<string, unknown>, file: string, repo: string | null): VexStatement[] {
  if (!Array.isArray(doc.statements)) fail(file, 'statements', 'an OpenVEX document needs a statements array');
  const out: VexStatement[] = [];
  doc.statements.forEach((st, i) => {
    const where = `statements[${i}]`;
    if (!isRecord(st)) fail(file, where, 'must be an object');
    // 0.2 names the vulnerability as an object; earlier drafts as a string.
    const vuln = isRecord(st.vulnerability) ? st.vulnerability.name : st.vulnerability;
    if (typeof vuln !== 'string' || vuln === '') fail(file, `${where}.vulnerability.name`, 'missing');
    if (typeof st.status !== 'string' || !STATUSES.has(st.status)) fail(file, `${where}.status`, `must be one of ${[...STATUSES].join(', ')}`);
    const status = st.status as VexStatus;
    if (status === 'not_affected' && typeof st.justification !== 'string' && typeof st.impact_statement !== 'string') {
      fail(file, where, 'a not_affected statement needs a justification or an impact_statement');
    }
    if (typeof st.justification === 'string' && !(OPENVEX_JUSTIFICATIONS as readonly string[]).includes(st.justification)) {
      fail(file, `${where}.justification`, `unknown justification "${st.justification}"`);
    }
    if (!Array.isArray(st.products) || st.products.length === 0) fail(file, `${where}.products`, 'names no product');
    const purls: string[] = [];
    st.products.forEach((p, j) => {
      if (!isRecord(p) || typeof p['@id'] !== 'string') fail(file, `${where}.products[${j}]`, 'needs an @id');
      // The statement is about the subcomponents where it names them, else the product itself.
      const subs = Array.isArray(p.subcomponents) ? p.subcomponents.filter(isRecord).map((s) => s['@id']).filter((id): id is string => typeof id === 'string') : [];
      purls.push(...(subs.length > 0 ? subs : [p['@id']]));
    });
    for (const purl of purls) {
      if (!purl.startsWith('pkg:')) fail(file, `${where}.products`, `"${purl}" is not a purl (the inventory finds components by purl)`);
      const s: VexStatement = { repo, vulnerability: vuln, purl, status, document: file };
      if (typeof st.justification === 'string') s.justification = st.justification;
      if (typeof st.impact_statement === 'string') s.detail = st.impact_statement;
      if (typeof st.action_statement === 'string') s.actionStatement = st.action_statement;
      out.push(s);
    }
  });
  return out;
}

/**
 * The statement that speaks about a finding: same vulnerability (any alias), and a purl naming the package
 * (a versionless purl covers all versions). A repository's own statement wins over a global one.
 */
export function vexStatementFor(statements: readonly VexStatement[], finding: Pick<Finding, 'advisories' | 'purl' | 'ecosystem' | 'version'>): VexStatement | undefined {
  if (!finding.purl) return undefined;
  const ids = new Set((finding.advisories ?? []).map((id) => id.toUpperCase()));
  let global: VexStatement | undefined;
  for (const s of statements) {
    if (!ids.has(s.vulnerability.toUpperCase())) continue;
    let matches: boolean | 'unknown';
    try {
      matches = matchPurlPattern(parsePurlPattern(s.purl), {
        purl: finding.purl,
        ecosystem: finding.ecosystem,
        version: finding.version,
      });
    } catch {
      continue;
    }
    if (matches !== true) continue;
    if (s.repo !== null) return s;
    global ??= s;
  }
  return global;
}

/** The CycloneDX 1.6 VEX of one repository head: each finding with its analysis (in_triage where no statement exists). */
export function cycloneDxVex(options: { repo: string; ref: string; commit: string | null; findings: StoredFinding[]; components: StoredComponent[]; now: Date; toolVersion: string }): object {
  const byVuln = new Map<string, StoredFinding[]>();
  for (const f of options.findings) {
    let list = byVuln.get(f.advisory);
    if (!list) byVuln.set(f.advisory, (list = []));
    list.push(f);
  }
  const purls = new Set(options.findings.map((f) => f.purl).filter((p) => p !== ''));
  const vulnerabilities = [...byVuln].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, findings]) => {
    const first = findings[0]!;
    const statement = findings.find((f) => f.vex)?.vex;
    const analysis: Record<string, unknown> = { state: statement ? STATUS_TO_CDX[statement.status] : 'in_triage' };
    if (statement?.justification && OPENVEX_TO_CDX[statement.justification]) analysis.justification = OPENVEX_TO_CDX[statement.justification];
    if (statement?.detail) analysis.detail = statement.detail;
    const aliases = (first.finding.advisories ?? []).filter((a) => a !== id);
    return {
      id,
      ...(aliases.length > 0 ? { references: aliases.map((a) => ({ id: a, source: { name: 'OSV' } })) } : {}),
      ratings: [{ severity: first.finding.severity === 'unknown' ? 'unknown' : first.finding.severity }],
      description: first.finding.message,
      analysis,
      affects: [...new Set(findings.map((f) => f.purl))].sort().map((ref) => ({ ref })),
    };
  });
  const components = options.components
    .filter((c, i, all) => purls.has(c.purl) && all.findIndex((d) => d.purl === c.purl) === i)
    .map((c) => ({ type: 'library', 'bom-ref': c.purl, name: c.name, version: c.version, purl: c.purl }));
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      timestamp: options.now.toISOString(),
      tools: { components: [{ type: 'application', name: 'lockwarden', version: options.toolVersion }] },
      component: { type: 'application', 'bom-ref': `repo:${options.repo}`, name: options.repo, version: options.commit ?? options.ref },
    },
    components,
    vulnerabilities,
  };
}
