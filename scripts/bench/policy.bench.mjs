// Policy evaluation and reporting at audit scale: 20,000 npm packages against the strict pack plus a deny list,
// exceptions and overrides, with advisories for 1% of them. The baseline row is evaluation with every rule off,
// which is the cost of walking the packages and resolving rules.
import { evaluate, policyFromText, renderMarkdownReport, renderSarifReport, buildPurl, packageKey } from '../../packages/core/dist/index.js';
import { medianMs, prng, report } from './harness.mjs';

const N = 20_000;
const rand = prng(42);
const licenses = ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', 'MIT OR GPL-3.0-only', 'GPL-3.0-only', undefined];
const packages = Array.from({ length: N }, (_, i) => {
  const name = i % 10 === 0 ? `@scope${i % 97}/pkg-${i}` : `pkg-${i}`;
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
    integrity: i % 50 === 0 ? [] : [{ algorithm: 'sha512', value: 'ab' }],
    source: i % 500 === 0 ? { kind: 'git', url: 'git+ssh://git@git.example.org/x.git' } : { kind: 'registry', url: `https://registry.example.org/${name}.tgz` },
    location: { file: i % 4 === 0 ? 'services/legacy/package-lock.json' : 'package-lock.json', line: i + 2 },
    license: licenses[i % licenses.length],
    hasInstallScript: i % 40 === 0,
  };
});
const byPackage = new Map();
for (const p of packages.filter((_, i) => i % 100 === 0)) {
  byPackage.set(packageKey(p), [{ id: `GHSA-${p.name}`, ids: [`GHSA-${p.name}`], kind: 'vulnerability', summary: 's', severity: 'high', fixed: '9.9.9' }]);
}
const inventories = [{ lockfile: 'package-lock.json', format: 'package-lock.json', ecosystem: 'npm', packages, projects: [] }];
const enrichment = { advisories: { byPackage, source: 'bench' }, skipped: { registry: 'offline' } };
const now = new Date('2026-11-21T00:00:00Z');

const strict = policyFromText(`extends: [lockwarden:strict]
rules:
  deny: { action: block, packages: ["pkg:npm/@scope1/*", "pkg:npm/pkg-7@<2.0.0", "pkg:npm/pkg-99"] }
overrides:
  - paths: ["services/legacy/**"]
    rules: { license: { action: warn } }
exceptions:
${Array.from({ length: 50 }, (_, i) => `  - { package: "pkg:npm/*/pkg-${i * 100}", reason: r, expires: 2099-01-01 }`).join('\n')}
`).policy;
const allOff = policyFromText(`rules:\n${['malware', 'vulnerability', 'nonexistent', 'typosquat', 'deny', 'allow', 'source', 'release-age', 'popularity', 'provenance', 'install-scripts', 'license', 'deprecated'].map((r) => `  ${r}: { action: off }`).join('\n')}\n`).policy;

const base = await medianMs(() => evaluate({ mode: 'audit', inventories, enrichment, policy: allOff, now }), { runs: 5 });
report(`evaluate ${N} packages, every rule off`, base);
let decision;
const full = await medianMs(() => {
  decision = evaluate({ mode: 'audit', inventories, enrichment, policy: strict, now });
}, { runs: 5 });
report(`evaluate ${N} packages, strict + deny + overrides + 50 exceptions`, full, { name: 'rules off', ms: base });
console.log(`  (${decision.findings.length} findings, ${decision.exceptionsApplied.length} exceptions applied)`);
const md = await medianMs(() => renderMarkdownReport({ decision }, { maxLength: 65_536 }), { runs: 5 });
report(`markdown report of ${decision.findings.length} findings, bounded to 65,536 chars`, md);
const sarif = await medianMs(() => renderSarifReport({ decision }), { runs: 5 });
report(`sarif report of ${decision.findings.length} findings`, sarif);
