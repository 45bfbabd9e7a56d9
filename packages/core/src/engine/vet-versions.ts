import type { AdvisorySource } from '../advisories/types.js';
import { compareVersions, getEcosystemPlugin } from '../ecosystems/registry.js';
import { LockwardenError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import type { Ecosystem } from '../model/ecosystem.js';
import { packageKey, type Package } from '../model/package.js';
import { buildPurl } from '../model/purl.js';
import type { Enrichment, RegistryMetadata } from '../policy/enrichment.js';
import { evaluate, type NotEvaluated } from '../policy/evaluate.js';
import type { Policy, RulesConfig } from '../policy/types.js';
import { publishingHistories } from '../registry/publishing-history.js';
import { toRegistryMetadata } from '../registry/registry-enrichment.js';
import type { PackageMetadata } from '../registry/types.js';

/** One version's judgement: allowed, or removed with the findings that removed it. */
export interface VersionVerdict {
  version: string;
  allowed: boolean;
  /** Every finding for this version, worst first (warnings too, so callers can show them). */
  findings: Finding[];
}

/** A tag the judgement moved because the version it pointed at was removed. */
export interface MovedTag {
  tag: string;
  from: string;
  /** The version the tag now names; undefined when no allowed version could take it (the tag is dropped). */
  to?: string;
}

/**
 * The judgement of every version of one package: what a registry proxy serves, and what `vet` answers an agent.
 * `errors` non-empty means a data source failed and the policy does not say fail-open: nothing may be served.
 */
export interface VersionsJudgement {
  ecosystem: Ecosystem;
  name: string;
  /** The registry knows the name. */
  exists: boolean;
  /** In the registry's order. */
  versions: VersionVerdict[];
  allowed: string[];
  removed: VersionVerdict[];
  /** The dist-tags to serve: tags of removed versions moved to the newest allowed version at or below them. */
  distTags: Record<string, string>;
  movedTags: MovedTag[];
  /** The newest allowed stable version at or below `latest`; what an agent should pin. */
  safeVersion?: string;
  /** The popular name a typosquat finding says this one imitates. */
  didYouMean?: string;
  /** Findings that concern the name rather than one version (nonexistent, typosquat, deny), deduplicated. */
  nameFindings: Finding[];
  /** Data sources that failed (fail closed): the judgement must not be used to serve versions. */
  errors: string[];
  warnings: string[];
  notEvaluated: NotEvaluated[];
}

export interface VetVersionsInput {
  /** The registry's answer for the package (`exists: false` for an unknown name). */
  metadata: PackageMetadata;
  /** The registry's dist-tags (npm); `latest` defaults to `metadata.latest`. */
  distTags?: Record<string, string>;
  policy: Policy;
  /** Asked once for every version; absent means advisories are not evaluated (reported in `notEvaluated`). */
  advisories?: AdvisorySource;
  now: Date;
  /** Where the judgement is made, for finding locations ("lockwarden guard"). */
  origin?: string;
}

/** Rules that read the name, not a version: their findings concern every version alike. */
const NAME_RULES = new Set(['nonexistent', 'typosquat', 'deny', 'allow', 'popularity']);

/**
 * Judges every version of one package with the policy engine, as if each were about to be added as a direct
 * dependency, and derives what a registry proxy serves: the allowed versions, the moved dist-tags, the safe version
 * to pin, and "did you mean" for typosquats. Lockfile facts (integrity, resolved URL) do not exist yet, so the
 * `source` rule is off. Advisories are looked up in one query for all versions.
 */
export async function vetVersions(input: VetVersionsInput): Promise<VersionsJudgement> {
  const { metadata, policy, now } = input;
  const origin = input.origin ?? 'lockwarden guard';
  const versions = metadata.exists ? metadata.versions.map((v) => v.version) : [''];
  const packages = versions.map((v) => versionPackage(metadata.ecosystem, metadata.name, v, origin));

  const byPackage = new Map<string, RegistryMetadata>();
  const histories = metadata.exists && metadata.ecosystem === 'npm' ? publishingHistories(metadata) : undefined;
  for (const pkg of packages) byPackage.set(packageKey(pkg), toRegistryMetadata(metadata, pkg.version, histories));
  const enrichment: Enrichment = { registry: { byPackage, source: metadata.registry }, failures: [] };

  const refs = packages.filter((p) => p.version).map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version, purl: p.purl }));
  if (!input.advisories) {
    enrichment.skipped = { advisories: 'no advisory source configured' };
  } else if (refs.length > 0) {
    try {
      const result = await input.advisories.query(refs);
      enrichment.advisories = { byPackage: result.byPackage, source: result.source, ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}) };
    } catch (err) {
      if (!(err instanceof LockwardenError)) throw err;
      enrichment.failures!.push({ data: 'advisories', source: input.advisories.name, message: err.message });
    }
  } else {
    enrichment.advisories = { byPackage: new Map(), source: input.advisories.name };
  }

  const rules: RulesConfig = { ...policy.rules, source: { ...policy.rules.source, action: 'off' } };
  const decision = evaluate({
    mode: 'pr',
    changes: packages.map((p) => ({
      type: 'added' as const,
      ecosystem: p.ecosystem,
      name: p.name,
      after: p.version,
      direct: true,
      lockfile: origin,
      package: p,
    })),
    enrichment,
    policy: { ...policy, rules },
    now,
  });

  const findingsByVersion = new Map<string, Finding[]>();
  for (const f of decision.findings) {
    const list = findingsByVersion.get(f.version) ?? [];
    list.push(f);
    findingsByVersion.set(f.version, list);
  }
  const verdicts: VersionVerdict[] = versions.map((version) => {
    const findings = findingsByVersion.get(version) ?? [];
    return { version, allowed: !findings.some(removes), findings };
  });

  const nameFindings = dedupeByRule(decision.findings.filter((f) => NAME_RULES.has(f.rule) && removes(f)));
  const typo = decision.findings.find((f) => f.rule === 'typosquat');
  const target = typo?.evidence?.target;
  const judged: VersionsJudgement = {
    ecosystem: metadata.ecosystem,
    name: metadata.name,
    exists: metadata.exists,
    versions: metadata.exists ? verdicts : [],
    allowed: metadata.exists ? verdicts.filter((v) => v.allowed).map((v) => v.version) : [],
    removed: metadata.exists ? verdicts.filter((v) => !v.allowed) : [],
    distTags: {},
    movedTags: [],
    nameFindings,
    errors: decision.errors,
    warnings: decision.warnings,
    notEvaluated: decision.notEvaluated,
    ...(typeof target === 'string' ? { didYouMean: target } : {}),
  };
  if (!metadata.exists) return judged;

  const tags = { ...(input.distTags ?? {}) };
  if (!tags.latest && metadata.latest) tags.latest = metadata.latest;
  const allowed = new Set(judged.allowed);
  const order = (a: string, b: string) => safeCompare(metadata.ecosystem, a, b);
  const allowedDesc = [...allowed].sort((a, b) => order(b, a));
  for (const [tag, version] of Object.entries(tags)) {
    if (allowed.has(version)) {
      judged.distTags[tag] = version;
      continue;
    }
    // The newest allowed version at or below the tagged one; a stable tag never moves onto a prerelease.
    const stableOnly = !isPrerelease(version);
    const to = allowedDesc.find((v) => order(v, version) <= 0 && (!stableOnly || !isPrerelease(v)));
    if (to) judged.distTags[tag] = to;
    judged.movedTags.push({ tag, from: version, ...(to ? { to } : {}) });
  }
  const latest = tags.latest;
  const safe = latest !== undefined
    ? judged.distTags.latest
    : allowedDesc.find((v) => !isPrerelease(v)) ?? allowedDesc[0];
  if (safe) judged.safeVersion = safe;
  return judged;
}

/** A finding that takes a version off the menu: the ones that fail a check. */
function removes(f: Finding): boolean {
  return f.action === 'block' || f.action === 'quarantine';
}

function dedupeByRule(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.rule) ? false : (seen.add(f.rule), true)));
}

/** SemVer and PEP 440 prereleases (`1.0.0-rc.1`, `1.0rc1`, `2.0.0a1`, `1.0.dev3`). */
function isPrerelease(version: string): boolean {
  return /-|[0-9](a|b|c|rc|alpha|beta|pre|preview|dev)[0-9]*$/i.test(version) || /\.dev[0-9]*$/i.test(version);
}

/** Ecosystem order; unparsable versions sort below parsable ones and among themselves by code units. */
function safeCompare(ecosystem: Ecosystem, a: string, b: string): number {
  try {
    return compareVersions(ecosystem, a, b);
  } catch {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}

/** The package a version would be if it were added now. */
export function versionPackage(ecosystem: Ecosystem, name: string, version: string, origin: string): Package {
  const purlType = getEcosystemPlugin(ecosystem).purlType;
  // npm scopes and the like are the purl namespace; Maven's `group:artifact` too.
  const slash = purlType === 'maven' ? name.indexOf(':') : name.lastIndexOf('/');
  let purl: string;
  try {
    purl = slash > 0
      ? buildPurl(purlType, name.slice(0, slash), name.slice(slash + 1), version || undefined)
      : buildPurl(purlType, undefined, name, version || undefined);
  } catch {
    purl = `pkg:${purlType}/${encodeURIComponent(name)}${version ? `@${encodeURIComponent(version)}` : ''}`;
  }
  const pkg: Package = {
    id: '',
    ecosystem,
    name,
    version,
    purl,
    direct: true,
    scopes: [],
    integrity: [],
    source: { kind: 'registry' },
    location: { file: origin },
  };
  return { ...pkg, id: packageKey(pkg) };
}
