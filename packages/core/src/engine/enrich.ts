import type { AdvisorySource } from '../advisories/types.js';
import { ECOSYSTEM_PLUGINS } from '../ecosystems/registry.js';
import { isLockwardenError } from '../errors.js';
import { isLocalPackage, type Package, type PackageRef } from '../model/package.js';
import type { Enrichment, SourceFailure } from '../policy/enrichment.js';
import { enabledRules } from '../policy/evaluate.js';
import type { Policy } from '../policy/types.js';
import { RULES } from '../policy/rules/index.js';
import type { RegistryMetadataSource } from '../registry/registry-metadata.js';

/** The sources the enrich step may ask; absent ones are listed as skipped, never as "no findings". */
export interface EnrichSources {
  advisories?: AdvisorySource;
  registry?: RegistryMetadataSource;
  /** Registries are not consulted (their rules are not evaluated, without making the verdict `error`). */
  offline?: boolean;
  signal?: AbortSignal;
}

/**
 * The enrich step: asks the advisory source and the registries about the packages to judge, only for the data
 * an enabled rule needs. An outage becomes a `failures` entry (the verdict decides what it means).
 */
export async function enrich(packages: readonly Package[], policy: Policy, sources: EnrichSources): Promise<Enrichment> {
  const enabled = enabledRules(policy);
  const needs = (data: 'advisories' | 'registry') => [...enabled].some((id) => RULES[id].data === data);
  const enrichment: Enrichment = { failures: [] as SourceFailure[] };
  const signalOption = sources.signal ? { signal: sources.signal } : {};

  if (needs('advisories') && packages.length > 0) {
    if (sources.advisories) {
      try {
        // A package declared but not locked has no version to look advisories up for; a local one (a workspace
        // member, a `file:` link) is the project's own code, and a registry package of the same name is another.
        // Kinds OSV has no ecosystem for (models, images, includes, model files) are not sent.
        const asked = packages.filter(
          (p) => !p.declaredIn && !isLocalPackage(p) && ECOSYSTEM_PLUGINS.get(p.ecosystem)?.advisories !== false,
        );
        const result = await sources.advisories.query(asked.map(toRef), signalOption);
        enrichment.advisories = {
          byPackage: result.byPackage,
          source: result.source,
          ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}),
        };
        // Packages the source could not answer for (one ecosystem missing offline): only they go unevaluated.
        enrichment.failures?.push(...(result.failures ?? []));
      } catch (err) {
        enrichment.failures?.push({ data: 'advisories', source: sources.advisories.name, message: failureMessage(err) });
      }
    } else {
      enrichment.skipped = { ...enrichment.skipped, advisories: 'no advisory source configured' };
    }
  } else if (sources.advisories) {
    enrichment.advisories = { byPackage: new Map(), source: sources.advisories.name };
  }

  if (sources.offline) {
    enrichment.skipped = { ...enrichment.skipped, registry: 'offline' };
  } else if (needs('registry') && packages.length > 0) {
    if (sources.registry) {
      try {
        enrichment.registry = await sources.registry.lookup(packages, signalOption);
        // Registries that failed while others answered: only their packages go unevaluated.
        enrichment.failures?.push(...(enrichment.registry.failures ?? []));
      } catch (err) {
        enrichment.failures?.push({ data: 'registry', source: sources.registry.name, message: failureMessage(err) });
      }
    } else {
      enrichment.skipped = { ...enrichment.skipped, registry: 'no registry client in this build' };
    }
  }
  return enrichment;
}

function toRef(pkg: Package): PackageRef {
  const ref: PackageRef = { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, purl: pkg.purl };
  if (pkg.source.kind === 'git' && pkg.source.commit) ref.commit = pkg.source.commit;
  // A SHA-pinned action or include is its commit: advisories that list commits match it.
  if (pkg.reference?.pinned && /^[0-9a-f]{40}$/i.test(pkg.version)) ref.commit = pkg.version;
  return ref;
}

/** Only operational faults count as a source failure; a programming error must surface, not turn into "fail-open". */
function failureMessage(err: unknown): string {
  if (isLockwardenError(err)) return err.message;
  throw err;
}
