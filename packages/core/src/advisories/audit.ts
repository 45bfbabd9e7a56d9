import { LockwardenError } from '../errors.js';
import { ECOSYSTEM_PLUGINS, ecosystemForPurlType } from '../ecosystems/registry.js';
import type { Action, Finding, Severity } from '../findings/finding.js';
import { parsePurl } from '../model/purl.js';
import { severityRank } from '../findings/finding.js';
import type { Inventory } from '../model/inventory.js';
import { packageKey, type Package, type PackageRef } from '../model/package.js';
import type { Advisory, AdvisoryQueryResult, AdvisorySource } from './types.js';

/** How advisory findings turn into actions; the policy file will make these configurable. */
export interface AdvisoryActionPolicy {
  /** Action for malicious packages. */
  malware: Action;
  /** Vulnerabilities at or above this severity get `blockAction`; the rest get `belowAction`. */
  blockAtOrAbove: Exclude<Severity, 'unknown'>;
  blockAction: Action;
  belowAction: Action;
  /** Records lockwarden could not evaluate (no version ordering for the ecosystem yet). */
  undetermined: Action;
}

/** The default: malware blocks, vulnerabilities rated high or critical block, everything else warns. */
export const DEFAULT_ADVISORY_POLICY: AdvisoryActionPolicy = {
  malware: 'block',
  blockAtOrAbove: 'high',
  blockAction: 'block',
  belowAction: 'warn',
  undetermined: 'warn',
};

/** The action one advisory's finding takes under `policy`. */
export function advisoryAction(advisory: Advisory, policy: AdvisoryActionPolicy = DEFAULT_ADVISORY_POLICY): Action {
  if (advisory.kind === 'malware') return policy.malware;
  if (advisory.match === 'undetermined') return policy.undetermined;
  // `unknown` severity ranks below low, so an unrated vulnerability warns rather than blocks.
  return severityRank(advisory.severity) <= severityRank(policy.blockAtOrAbove) ? policy.blockAction : policy.belowAction;
}

/** The parts of a package an advisory source needs; git pins contribute their commit. */
export function toPackageRef(pkg: Package): PackageRef {
  const ref: PackageRef = { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version };
  if (pkg.purl) ref.purl = pkg.purl;
  if (pkg.source.kind === 'git' && pkg.source.commit) ref.commit = pkg.source.commit;
  // A SHA-pinned action is its commit: advisories that list commits match it.
  if (pkg.reference?.pinned && /^[0-9a-f]{40}$/i.test(pkg.version)) ref.commit = pkg.version;
  return ref;
}

export interface AuditResult {
  findings: Finding[];
  /** Source name and data age, for the report. */
  source: string;
  dataAsOf?: Date;
  /** Distinct packages asked about. */
  packagesChecked: number;
}

/**
 * Asks `source` about every package of `inventories` and turns each grouped advisory into one finding per package
 * occurrence. Throws what the source throws (SourceUnavailableError after retries): an outage is never "clean".
 */
export async function auditInventories(
  inventories: readonly Inventory[],
  source: AdvisorySource,
  options: { policy?: AdvisoryActionPolicy; signal?: AbortSignal; /** Packages named outside any lockfile (`--purl`). */ extra?: readonly PackageRef[] } = {},
): Promise<AuditResult> {
  const refs = new Map<string, PackageRef>();
  for (const inventory of inventories) {
    for (const pkg of inventory.packages) {
      // Models, images, includes and model files have no OSV ecosystem: there is nothing to ask about them.
      if (ECOSYSTEM_PLUGINS.get(pkg.ecosystem)?.advisories === false) continue;
      const ref = toPackageRef(pkg);
      refs.set(`${packageKey(ref)}#${ref.commit ?? ''}`, ref);
    }
  }
  for (const ref of options.extra ?? []) refs.set(`${packageKey(ref)}#${ref.commit ?? ''}`, ref);
  const result = await source.query([...refs.values()], options.signal ? { signal: options.signal } : {});
  const findings: Finding[] = [];
  for (const inventory of inventories) {
    for (const pkg of inventory.packages) {
      for (const advisory of result.byPackage.get(packageKey(pkg)) ?? []) {
        findings.push(advisoryFinding(pkg, advisory, options.policy));
      }
    }
  }
  for (const ref of options.extra ?? []) {
    for (const advisory of result.byPackage.get(packageKey(ref)) ?? []) findings.push(advisoryFinding(ref, advisory, options.policy));
  }
  return withSource({ findings: sortFindings(findings), packagesChecked: refs.size }, result);
}

function withSource(partial: Omit<AuditResult, 'source' | 'dataAsOf'>, result: AdvisoryQueryResult): AuditResult {
  return { ...partial, source: result.source, ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}) };
}

/** One finding for one advisory on one package. */
export function advisoryFinding(
  pkg: Pick<Package, 'ecosystem' | 'name' | 'version'> & Partial<Pick<Package, 'purl' | 'location'>>,
  advisory: Advisory,
  policy: AdvisoryActionPolicy = DEFAULT_ADVISORY_POLICY,
): Finding {
  const finding: Finding = {
    rule: advisory.kind === 'malware' ? 'malware' : 'vulnerability',
    action: advisoryAction(advisory, policy),
    severity: advisory.severity,
    ecosystem: pkg.ecosystem,
    name: pkg.name,
    version: pkg.version,
    message: advisoryMessage(pkg, advisory),
    advisories: advisory.ids,
  };
  if (pkg.purl) finding.purl = pkg.purl;
  if (advisory.fixed) {
    finding.fixed = advisory.fixed;
    finding.remedy = `upgrade ${pkg.name} to ${advisory.fixed} or later`;
  } else if (advisory.kind === 'malware') {
    finding.remedy = `remove ${pkg.name}`;
  }
  const evidence: Record<string, unknown> = { match: advisory.match };
  if (advisory.score !== undefined) evidence.score = advisory.score;
  if (advisory.vector !== undefined) evidence.vector = advisory.vector;
  if (advisory.notes) evidence.notes = advisory.notes;
  if (advisory.published) evidence.published = advisory.published;
  finding.evidence = evidence;
  if (pkg.location) finding.location = pkg.location;
  return finding;
}

function advisoryMessage(pkg: Pick<Package, 'name' | 'version'>, advisory: Advisory): string {
  const what = `${pkg.name}@${pkg.version}`;
  if (advisory.kind === 'malware') return `${what} is a known malicious package (${advisory.id}): ${advisory.summary}`;
  if (advisory.match === 'undetermined') {
    return `${what} may be affected by ${advisory.id} (${advisory.summary}); lockwarden could not order its versions`;
  }
  const fix = advisory.fixed ? `; fixed in ${advisory.fixed}` : '; no fixed version';
  return `${what} is affected by ${advisory.id} (${advisory.severity}): ${advisory.summary}${fix}`;
}

const ACTION_ORDER: Action[] = ['block', 'quarantine', 'warn', 'info', 'off'];

function sortFindings(findings: Finding[]): Finding[] {
  // Most urgent first, then by package and advisory id in code-point order, so reports are reproducible anywhere.
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return findings.sort(
    (a, b) =>
      ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      cmp(a.ecosystem, b.ecosystem) ||
      cmp(a.name, b.name) ||
      cmp(a.version, b.version) ||
      cmp(a.location?.file ?? '', b.location?.file ?? '') ||
      cmp(a.advisories?.[0] ?? '', b.advisories?.[0] ?? ''),
  );
}

/** True when any finding fails the run (`block`, or an unapproved `quarantine`). */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.action === 'block' || f.action === 'quarantine');
}


/**
 * The package a versioned purl names, as an advisory source wants it (`pkg:npm/%40scope/name@1.0.0`,
 * `pkg:pypi/h11@0.14.0`). Throws USAGE_ERROR for a purl without a version or of a type lockwarden does not know.
 */
export function packageRefFromPurl(purl: string): PackageRef {
  let parsed: ReturnType<typeof parsePurl>;
  try {
    parsed = parsePurl(purl);
  } catch (err) {
    throw new LockwardenError('USAGE_ERROR', `not a package URL: "${purl}" (${err instanceof Error ? err.message : String(err)})`);
  }
  const plugin = [...ECOSYSTEM_PLUGINS.values()].find((p) => p.purlType === parsed.type);
  const ecosystem = plugin?.ecosystem ?? ecosystemForPurlType(parsed.type);
  if (!ecosystem) throw new LockwardenError('USAGE_ERROR', `unsupported purl type "${parsed.type}" in "${purl}"`);
  if (!parsed.version) throw new LockwardenError('USAGE_ERROR', `"${purl}" has no version (write it as ${purl}@VERSION)`);
  const separator = ecosystem === 'Maven' ? ':' : '/';
  const name = parsed.namespace ? `${parsed.namespace}${separator}${parsed.name}` : parsed.name;
  return { ecosystem, name, version: parsed.version, purl };
}
