import type { Finding } from '../findings/finding.js';
import type { DeclaredDependency } from '../model/inventory.js';
import { lookupKey, lookupPackages, type RegistryClients } from './registry-clients.js';

/**
 * The `nonexistent` rule for dependencies a manifest declares but no lockfile resolves yet (requirements.in,
 * a package.json edited by hand or by a coding agent): names the registry answers 404 for. Specifiers that are not
 * registry names (git URLs, paths, `workspace:`/`file:`/`link:` protocols) are skipped. An outage throws, as every
 * registry lookup does; unsupported ecosystems are skipped.
 */
export async function findNonexistentDeclared(
  declared: readonly DeclaredDependency[],
  clients: RegistryClients,
  action: Finding['action'] = 'block',
): Promise<Finding[]> {
  const fromRegistry = declared.filter((d) => !/^(git\+|git:|https?:|file:|link:|workspace:|portal:|\.{0,2}\/)/.test(d.specifier));
  const results = await lookupPackages(fromRegistry.map((d) => ({ ecosystem: d.ecosystem, name: d.name })), clients);
  const findings: Finding[] = [];
  for (const d of fromRegistry) {
    const r = results.get(lookupKey(d.ecosystem, d.name));
    if (r?.status === 'error') throw r.error;
    if (r?.status !== 'ok' || r.metadata.exists) continue;
    findings.push({
      rule: 'nonexistent',
      action,
      severity: 'critical',
      ecosystem: d.ecosystem,
      name: d.name,
      version: '',
      purl: d.purl,
      message: `${d.location.file} declares ${d.name}, which the registry does not have`,
      remedy: 'check the name: it may be a hallucinated or mistyped dependency',
      evidence: { specifier: d.specifier, registry: r.metadata.registry },
      location: d.location,
    });
  }
  return findings;
}
