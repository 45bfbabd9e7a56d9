import type { AdvisorySource } from '../advisories/types.js';
import type { Finding } from '../findings/finding.js';
import type { Ecosystem } from '../model/ecosystem.js';
import type { Inventory } from '../model/inventory.js';
import { packageKey, type Package, type PackageRef } from '../model/package.js';
import { evaluate } from '../policy/evaluate.js';
import { RULES, RULE_IDS } from '../policy/rules/index.js';
import type { Policy, RulesConfig } from '../policy/types.js';
import { findingKey, type InventoryStore } from './sql-store.js';
import type { EvaluationDiff, SnapshotInfo, StoredComponent, StoredFinding, VexStatement } from './types.js';
import { vexStatementFor } from './vex.js';

/** The outcome of one `inventory reevaluate`. */
export interface ReevaluationResult extends EvaluationDiff {
  source: string;
  dataAsOf?: Date;
  /** Repository heads judged. */
  heads: SnapshotInfo[];
  /** Distinct (ecosystem, name, version) asked about: one advisory query covers every repository. */
  packagesQueried: number;
  /** Rules that could not judge some packages (from the policy evaluation). */
  notEvaluated: string[];
}

/** Only the rules that read advisories take part: registry facts of old snapshots are not re-fetched. */
function advisoryRulesOnly(policy: Policy): Policy {
  const advisoryRules = new Set(RULE_IDS.filter((id) => RULES[id].data === 'advisories'));
  const restrict = (rules: RulesConfig): RulesConfig => {
    const out: Record<string, unknown> = {};
    for (const id of RULE_IDS) out[id] = advisoryRules.has(id) ? (rules[id] ?? {}) : { action: 'off' };
    return out as RulesConfig;
  };
  return {
    ...policy,
    rules: restrict(policy.rules),
    devRules: restrict(policy.devRules),
    overrides: policy.overrides.map((o) => ({ ...o, rules: Object.fromEntries(Object.entries(o.rules).filter(([id]) => advisoryRules.has(id as never))) })),
  };
}

function toPackage(c: StoredComponent, index: number): Package {
  const source: Package['source'] =
    c.source.kind === 'git' || c.source.kind === 'tarball'
      ? { kind: c.source.kind, url: c.source.url ?? '' }
      : c.source.kind === 'registry'
        ? c.source.url
          ? { kind: 'registry', url: c.source.url }
          : { kind: 'registry' }
        : c.source.kind === 'path'
          ? { kind: 'path', path: c.source.url ?? '' }
          : { kind: 'unknown' };
  const pkg: Package = {
    id: `c${index}`,
    ecosystem: c.ecosystem as Ecosystem,
    name: c.name,
    version: c.version,
    purl: c.purl,
    direct: c.direct,
    scopes: c.scopes,
    integrity: c.hashes,
    source,
    location: { file: c.lockfile },
  };
  if (c.licenses[0]) pkg.license = c.licenses.join(' AND ');
  return pkg;
}

/** A snapshot's components as inventories, one per lockfile, so the policy's path overrides apply. */
function inventoriesOf(components: StoredComponent[]): Inventory[] {
  const byLockfile = new Map<string, Package[]>();
  components.forEach((c, i) => {
    let list = byLockfile.get(c.lockfile);
    if (!list) byLockfile.set(c.lockfile, (list = []));
    list.push(toPackage(c, i));
  });
  return [...byLockfile].map(([lockfile, packages]) => ({ lockfile, format: 'inventory', ecosystem: packages[0]!.ecosystem, packages, projects: [] }));
}

/**
 * Judges the latest snapshot of every repository against the advisory source and the policy's advisory rules
 * (vulnerability, malware, with their exceptions), records the findings, and returns what is new, resolved and
 * still open since the previous run. The source is asked once for the distinct packages of all repositories. An
 * outage throws (SourceUnavailableError): nothing is recorded, so the next run still sees the same "new".
 */
export async function reevaluate(
  store: InventoryStore,
  source: AdvisorySource,
  options: { policy: Policy; now?: Date; signal?: AbortSignal },
): Promise<ReevaluationResult> {
  const now = options.now ?? new Date();
  const heads = await store.heads();
  const snapshots: { head: SnapshotInfo; components: StoredComponent[] }[] = [];
  const refs = new Map<string, PackageRef>();
  for (const head of heads) {
    const components = await store.components(head.id);
    snapshots.push({ head, components });
    for (const c of components) {
      const ref: PackageRef = { ecosystem: c.ecosystem as Ecosystem, name: c.name, version: c.version, purl: c.purl };
      refs.set(packageKey(ref), ref);
    }
  }
  const result = await source.query([...refs.values()], options.signal ? { signal: options.signal } : {});
  const policy = advisoryRulesOnly(options.policy);
  const vexByRepo = new Map<string, VexStatement[]>();
  const current: StoredFinding[] = [];
  const notEvaluated = new Set<string>();
  for (const { head, components } of snapshots) {
    const decision = evaluate({
      mode: 'audit',
      inventories: inventoriesOf(components),
      enrichment: { advisories: { byPackage: result.byPackage, source: result.source, ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}) } },
      policy,
      now,
    });
    for (const n of decision.notEvaluated) notEvaluated.add(`${n.rule}: ${n.reason} (${n.count} in ${head.repo}@${head.ref})`);
    let vex = vexByRepo.get(head.repo);
    if (!vex) vexByRepo.set(head.repo, (vex = await store.vexStatements(head.repo)));
    for (const finding of decision.findings) current.push(storedFinding(head, finding, vex));
  }
  const diff = await store.recordEvaluation({ source: result.source, ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}) }, current);
  return {
    ...diff,
    source: result.source,
    ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}),
    heads,
    packagesQueried: refs.size,
    notEvaluated: [...notEvaluated],
  };
}

function storedFinding(head: SnapshotInfo, finding: Finding, vex: readonly VexStatement[]): StoredFinding {
  const advisory = finding.advisories?.[0] ?? finding.rule;
  const stored: StoredFinding = {
    key: findingKey(head.repo, head.ref, { ...finding, advisory }),
    repo: head.repo,
    ref: head.ref,
    commit: head.commit,
    purl: finding.purl ?? '',
    advisory,
    finding,
  };
  const statement = vexStatementFor(vex, finding);
  if (statement) stored.vex = statement;
  return stored;
}
