import type { AdvisorySource } from '../advisories/types.js';
import { isLockwardenError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import type { Policy } from '../policy/types.js';
import type { RegistryClients } from '../registry/registry-clients.js';
import type { VetTarget } from './vet-packages.js';
import { vetVersions, type VersionsJudgement } from './vet-versions.js';

/** The answer to "may I add this package?", shaped for agents (the MCP server) and scripts. */
export interface PackageVerdict {
  /** The argument as given. */
  spec: string;
  ecosystem: string;
  name: string;
  /** The version judged: the one asked for, else the registry's latest. */
  version?: string;
  /**
   * The registry knows the name. Absent when the registry could not be asked (verdict `error`): a lookup that
   * failed says nothing about the name, and an agent must not read it as "does not exist".
   */
  exists?: boolean;
  /** `pass`: allowed; `fail`: the policy blocks or quarantines it; `error`: a data source failed (fail closed). */
  verdict: 'pass' | 'fail' | 'error';
  /** Findings for the judged version (or the name), worst first. */
  findings: Finding[];
  /** The popular package a typosquat imitates. */
  didYouMean?: string;
  /** The newest version that passes the policy, to pin instead. */
  safeVersion?: string;
  /** Why the verdict is `error`. */
  errors: string[];
}

export interface VetPackageDeps {
  registry: RegistryClients;
  advisories?: AdvisorySource;
  policy: Policy;
  now?: Date;
}

/**
 * Judges one package the way the guard proxy does: fetch its registry document, judge every version, then answer
 * for the version asked (or the latest) with the newest version that passes as `safeVersion`.
 */
export async function vetPackage(spec: string, target: VetTarget, deps: VetPackageDeps): Promise<PackageVerdict> {
  const base = { spec, ecosystem: target.ecosystem, name: target.name, ...(target.version ? { version: target.version } : {}) };
  const client = await deps.registry.get(target.ecosystem);
  if (!client) {
    return { ...base, verdict: 'error', findings: [], errors: [`lockwarden has no registry client for ${target.ecosystem}`] };
  }
  let judgement: VersionsJudgement;
  try {
    const metadata = await client.getPackage(target.name);
    judgement = await vetVersions({
      metadata,
      policy: deps.policy,
      ...(deps.advisories ? { advisories: deps.advisories } : {}),
      now: deps.now ?? new Date(),
      origin: 'lockwarden vet',
    });
    if (metadata.latest && !target.version) base.version = metadata.latest;
  } catch (err) {
    if (!isLockwardenError(err)) throw err;
    return { ...base, verdict: 'error', findings: [], errors: [err.message] };
  }
  const hints = {
    ...(judgement.didYouMean ? { didYouMean: judgement.didYouMean } : {}),
    ...(judgement.safeVersion ? { safeVersion: judgement.safeVersion } : {}),
  };
  if (judgement.errors.length > 0) {
    return { ...base, exists: judgement.exists, verdict: 'error', findings: [], errors: judgement.errors, ...hints };
  }
  if (!judgement.exists) {
    return { ...base, exists: false, verdict: 'fail', findings: judgement.nameFindings, errors: [], ...hints };
  }
  const wanted = base.version ?? judgement.safeVersion;
  const verdict = judgement.versions.find((v) => v.version === wanted);
  if (!verdict) {
    const missing: Finding = {
      rule: 'nonexistent',
      action: 'block',
      severity: 'high',
      ecosystem: target.ecosystem,
      name: target.name,
      version: wanted ?? '',
      message: wanted ? 'the registry has no such version' : 'the registry lists no versions of this package',
      remedy: judgement.safeVersion ? `pin ${judgement.safeVersion}` : 'pin a published version',
    };
    return { ...base, exists: true, verdict: 'fail', findings: [missing], errors: [], ...hints };
  }
  return { ...base, exists: true, verdict: verdict.allowed ? 'pass' : 'fail', findings: verdict.findings, errors: [], ...hints };
}
