import { ecosystemForPurlType } from '../ecosystems/registry.js';
import { LockwardenError } from '../errors.js';
import type { AdvisorySource } from '../advisories/types.js';
import type { Logger } from '../log/logger.js';
import type { Ecosystem } from '../model/ecosystem.js';
import { packageKey, type Package } from '../model/package.js';
import { buildPurl, parsePurl } from '../model/purl.js';
import type { Enrichment, SourceFailure } from '../policy/enrichment.js';
import { evaluate, type Decision } from '../policy/evaluate.js';
import { loadPolicyLazily, type LoadedPolicy } from '../policy/resolve-policy.js';
import type { ReportInput } from '../report/report-input.js';
import type { RuleId, RulesConfig } from '../policy/types.js';
import { RegistryEnrichmentSource } from '../registry/registry-enrichment.js';
import { lookupKey, lookupPackages, type RegistryClients } from '../registry/registry-clients.js';


/**
 * purl types `vet` accepts: the package ecosystems whose registries answer "which is the latest version" and
 * "does this name exist". The ecosystem each names comes from the plug-in registry.
 */
export const VET_PURL_TYPES = ['npm', 'pypi', 'golang', 'cargo', 'gem', 'composer', 'nuget', 'maven', 'pub', 'hex', 'cocoapods'] as const;

function vetEcosystem(type: string): Ecosystem | undefined {
  return (VET_PURL_TYPES as readonly string[]).includes(type) ? ecosystemForPurlType(type) : undefined;
}

/** One package to vet. `version` undefined means "judge the latest". */
export interface VetTarget {
  ecosystem: Ecosystem;
  purlType: string;
  name: string;
  version?: string;
}

/**
 * Reads `TYPE:NAME[@VERSION]` (`npm:@scope/x@1.0.0`, `pypi:requests`, `golang:golang.org/x/net@v0.17.0`) or a full
 * purl (`pkg:npm/%40scope/x@1.0.0`). Throws USAGE_ERROR naming the argument when it is neither.
 */
export function parseVetTarget(spec: string): VetTarget {
  if (spec.startsWith('pkg:')) {
    let p;
    try {
      p = parsePurl(spec);
    } catch (err) {
      throw new LockwardenError('USAGE_ERROR', `${spec}: not a valid purl`, { cause: err });
    }
    const ecosystem = vetEcosystem(p.type);
    if (!ecosystem) throw new LockwardenError('USAGE_ERROR', `${spec}: purl type ${p.type} is not supported`);
    const sep = p.type === 'maven' ? ':' : '/';
    const name = p.namespace ? `${p.namespace}${sep}${p.name}` : p.name;
    return { ecosystem, purlType: p.type, name, ...(p.version ? { version: p.version } : {}) };
  }
  const colon = spec.indexOf(':');
  const type = colon > 0 ? spec.slice(0, colon).toLowerCase() : '';
  const ecosystem = vetEcosystem(type);
  if (!ecosystem) {
    throw new LockwardenError(
      'USAGE_ERROR',
      `${spec}: expected TYPE:NAME[@VERSION] with TYPE one of ${VET_PURL_TYPES.join(', ')}, or a purl`,
    );
  }
  const rest = spec.slice(colon + 1);
  // The version follows the last `@` that is not the first character (an npm scope starts with `@`).
  const at = rest.lastIndexOf('@');
  const name = at > 0 ? rest.slice(0, at) : rest;
  const version = at > 0 ? rest.slice(at + 1) : undefined;
  if (!name || version === '') throw new LockwardenError('USAGE_ERROR', `${spec}: missing package name or version`);
  return { ecosystem, purlType: type, name, ...(version ? { version } : {}) };
}

export interface VetOptions {
  cwd: string;
  targets: readonly VetTarget[];
  /** Policy file relative to `cwd`; default discovery as in `check`. */
  policyFile?: string;
  /** Registries are not consulted: registry rules are listed as not evaluated, typosquat still runs. */
  offline?: boolean;
  now?: Date;
}

export interface VetDeps {
  registry?: RegistryClients;
  advisories?: AdvisorySource;
  logger?: Logger;
}

export interface VetResult {
  decision: Decision;
  policy: LoadedPolicy;
  /** The packages judged, with the version that was resolved for each. */
  packages: Package[];
  report: ReportInput;
}

/**
 * `lockwarden vet`: judges packages before they are added, with the same policy and rules as `check`, as if each
 * were a new direct dependency. Without a version the registry's latest is judged (offline: the name alone).
 */
export async function vetPackages(options: VetOptions, deps: VetDeps = {}): Promise<VetResult> {
  const policy = await loadPolicyLazily({ root: options.cwd, ...(options.policyFile ? { file: options.policyFile } : {}) });
  for (const w of policy.warnings) deps.logger?.warn(w);
  const enrichment: Enrichment = { failures: [] as SourceFailure[] };
  const registry = options.offline ? undefined : deps.registry;

  // Resolve "latest" first, so every rule judges one concrete version.
  const latest = new Map<string, string>();
  const unversioned = options.targets.filter((t) => !t.version);
  if (registry && unversioned.length > 0) {
    const found = await lookupPackages(unversioned.map((t) => ({ ecosystem: t.ecosystem, name: t.name })), registry);
    for (const t of unversioned) {
      const r = found.get(lookupKey(t.ecosystem, t.name));
      if (r?.status === 'ok' && r.metadata.latest) latest.set(lookupKey(t.ecosystem, t.name), r.metadata.latest);
    }
  }
  const packages = options.targets.map((t) => toPackage(t, t.version ?? latest.get(lookupKey(t.ecosystem, t.name)) ?? ''));

  if (options.offline) {
    enrichment.skipped = { registry: 'offline' };
  } else if (registry) {
    const source = new RegistryEnrichmentSource(registry);
    try {
      enrichment.registry = await source.lookup(packages);
      enrichment.failures?.push(...(enrichment.registry.failures ?? []));
    } catch (err) {
      if (!(err instanceof LockwardenError)) throw err;
      enrichment.failures?.push({ data: 'registry', source: source.name, message: err.message });
    }
  } else {
    enrichment.skipped = { registry: 'no registry client configured' };
  }

  if (deps.advisories) {
    const refs = packages.filter((p) => p.version).map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version, purl: p.purl }));
    try {
      const result = await deps.advisories.query(refs);
      enrichment.advisories = { byPackage: result.byPackage, source: result.source, ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}) };
      enrichment.failures?.push(...(result.failures ?? []));
    } catch (err) {
      if (!(err instanceof LockwardenError)) throw err;
      enrichment.failures?.push({ data: 'advisories', source: deps.advisories.name, message: err.message });
    }
  } else {
    enrichment.skipped = { ...enrichment.skipped, advisories: 'no advisory source configured' };
  }

  // Lockfile facts (integrity, resolved URL) do not exist for a package not yet added, and offline there is no
  // declared license to judge: those rules are listed as not evaluated rather than reporting absent data as findings.
  const inapplicable: Array<[RuleId, string]> = [['source', 'vet judges registry packages, not lockfile entries']];
  if (options.offline) inapplicable.push(['license', 'registry not consulted (offline)']);
  const rules: RulesConfig = { ...policy.policy.rules };
  for (const [id] of inapplicable) rules[id] = { ...rules[id], action: 'off' } as never;

  const decision = evaluate({
    mode: 'pr',
    changes: packages.map((p) => ({
      type: 'added' as const,
      ecosystem: p.ecosystem,
      name: p.name,
      ...(p.version ? { after: p.version } : {}),
      direct: true,
      lockfile: p.location.file,
      package: p,
    })),
    enrichment,
    policy: { ...policy.policy, rules },
    now: options.now ?? new Date(),
  });
  const labels = packages.map((p) => (p.version ? `${p.name}@${p.version}` : p.name));
  for (const [rule, reason] of inapplicable) decision.notEvaluated.push({ rule, reason, packages: labels, count: labels.length });
  decision.notEvaluated.sort((a, b) => a.rule.localeCompare(b.rule));
  if (enrichment.skipped?.advisories) decision.warnings.unshift(`advisories not checked: ${enrichment.skipped.advisories}`);
  return { decision, policy, packages, report: { decision, policySources: policy.policy.sources } };
}

function toPackage(t: VetTarget, version: string): Package {
  const slash = t.purlType === 'maven' ? t.name.indexOf(':') : t.name.lastIndexOf('/');
  const namespace = slash > 0 ? t.name.slice(0, slash) : undefined;
  const bare = namespace ? t.name.slice(slash + 1) : t.name;
  let purl: string;
  try {
    purl = buildPurl(t.purlType, namespace, bare, version || undefined);
  } catch {
    purl = `pkg:${t.purlType}/${encodeURIComponent(t.name)}${version ? `@${encodeURIComponent(version)}` : ''}`;
  }
  const pkg: Package = {
    id: `${t.ecosystem}:${t.name}`,
    ecosystem: t.ecosystem,
    name: t.name,
    version,
    purl,
    direct: true,
    scopes: [],
    integrity: [],
    source: { kind: 'registry' },
    location: { file: 'lockwarden vet' },
  };
  return { ...pkg, id: packageKey(pkg) };
}

/** The earlier name of {@link vetPackages}, kept for library users. */
export const runVet = vetPackages;
