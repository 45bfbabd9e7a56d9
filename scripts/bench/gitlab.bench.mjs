// The four GitLab report files at audit scale: 5,000 npm packages under the strict pack with advisories for 2% of
// them, rendered as Code Quality, Dependency Scanning, JUnit and the CycloneDX SBOM with GitLab's taxonomy. The
// baseline row is the plain CycloneDX SBOM `lockwarden sbom` writes, so the taxonomy's cost shows as a ratio.
import {
  buildPurl,
  evaluate,
  generateSbom,
  packageKey,
  policyFromText,
} from '../../packages/core/dist/index.js';
import { renderCodeQualityReport } from '../../packages/cli/dist/gitlab/code-quality.js';
import { renderDependencyScanningReport } from '../../packages/cli/dist/gitlab/dependency-scanning.js';
import { renderGitLabSbom } from '../../packages/cli/dist/gitlab/gitlab-sbom.js';
import { renderJunitReport } from '../../packages/cli/dist/gitlab/junit.js';
import { medianMs, prng, report } from './harness.mjs';

const N = 5_000;
const rand = prng(9);
const licenses = ['MIT', 'ISC', 'Apache-2.0', 'GPL-3.0-only', undefined];
const packages = Array.from({ length: N }, (_, i) => {
  const name = i % 10 === 0 ? `@scope${i % 31}/pkg-${i}` : `pkg-${i}`;
  const [ns, bare] = name.startsWith('@') ? name.split('/') : [undefined, name];
  const version = `${Math.floor(rand() * 5)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 30)}`;
  return {
    id: `node_modules/${name}`,
    ecosystem: 'npm',
    name,
    version,
    purl: buildPurl('npm', ns, bare, version),
    direct: i % 20 === 0,
    scopes: i % 3 === 0 ? ['dev'] : [],
    integrity: [{ algorithm: 'sha512', value: 'ab'.repeat(64) }],
    source: { kind: 'registry', url: `https://registry.example.org/${name}/-/${bare}-${version}.tgz` },
    location: { file: 'package-lock.json', line: i * 12 + 5 },
    license: licenses[i % licenses.length],
  };
});
const byPackage = new Map();
for (const p of packages.filter((_, i) => i % 50 === 0)) {
  byPackage.set(packageKey(p), [{ id: `GHSA-${p.name}`, ids: [`GHSA-${p.name}`, `CVE-2026-${1000 + p.version.length}`], kind: 'vulnerability', summary: 's', severity: 'critical', fixed: '9.9.9' }]);
}
const inventories = [{ lockfile: 'package-lock.json', format: 'package-lock.json', ecosystem: 'npm', packages, projects: [{ id: '', path: '' }] }];
const { policy } = policyFromText('extends: [lockwarden:strict]\n');
const decision = evaluate({ mode: 'audit', inventories, enrichment: { advisories: { byPackage, source: 'bench' }, skipped: { registry: 'offline' } }, policy, now: new Date('2026-11-21T00:00:00Z') });
console.log(`  (${decision.findings.length} findings over ${N} packages)`);
const times = { toolVersion: 'bench', startTime: new Date(), endTime: new Date() };

report(`code quality JSON, ${decision.findings.length} findings`, await medianMs(() => renderCodeQualityReport(decision)));
report('dependency scanning JSON (schema 15.2.1)', await medianMs(() => renderDependencyScanningReport(decision, times)));
report(`junit XML, ${decision.findings.length} findings`, await medianMs(() => renderJunitReport(decision)));
const plain = await medianMs(() => generateSbom(inventories, { toolVersion: 'bench', reproducible: true }), { runs: 5 });
report(`CycloneDX 1.6 SBOM, ${N} packages (lockwarden sbom)`, plain);
const gitlab = await medianMs(() => renderGitLabSbom(inventories, { toolVersion: 'bench', sourceDateEpoch: '1700000000' }), { runs: 5 });
report(`CycloneDX 1.6 SBOM, ${N} packages, GitLab taxonomy`, gitlab, { name: 'plain SBOM', ms: plain });
