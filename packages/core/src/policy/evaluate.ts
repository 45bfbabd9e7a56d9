import { ACTIONS, severityRank, type Finding } from '../findings/finding.js';
import type { Ecosystem } from '../model/ecosystem.js';
import type { Inventory } from '../model/inventory.js';
import { buildPurl } from '../model/purl.js';
import { packageKey, type Package } from '../model/package.js';
import type { Enrichment, SourceFailure } from './enrichment.js';
import { describeException, ExceptionMatcher } from './exceptions.js';
import { isDevOnly, RuleResolver } from './resolve-rules.js';
import { RULES, RULE_IDS, type PackageChange, type RuleModule } from './rules/index.js';
import type { Policy, PolicyException, RuleId } from './types.js';

/**
 * A change between two lockfile states, as the diff reports it. Structural, so the diff module's
 * `DependencyChange` fits without a conversion.
 */
export interface JudgedChange {
  type: 'added' | 'removed' | 'upgraded' | 'downgraded';
  ecosystem: Ecosystem;
  name: string;
  before?: string;
  after?: string;
  direct: boolean;
  lockfile: string;
  /** The package as locked in the head state (added and changed packages). */
  package?: Package;
  /** For `added`: the name was already in the base lockfile at another version. */
  nameInBase?: boolean;
}

export interface EvaluateInput {
  /** `pr` judges added and changed packages; `audit` judges every package of every inventory. */
  mode: 'pr' | 'audit';
  /** PR mode: the diff. */
  changes?: readonly JudgedChange[];
  /** Audit mode: the inventories. */
  inventories?: readonly Inventory[];
  enrichment: Enrichment;
  policy: Policy;
  now: Date;
  /** Quarantined findings are approved (the Action's approval label, `--approve-quarantine`). Never blocked ones. */
  approveQuarantine?: boolean;
}

/** A rule that could not judge some packages, and why. */
export interface NotEvaluated {
  rule: string;
  reason: string;
  /** `name@version` of the packages concerned (capped; `count` is the full number). */
  packages: string[];
  count: number;
}

export interface AppliedException {
  exception: PolicyException;
  /** The findings it accepted. */
  findings: Finding[];
}

export interface ExpiredException {
  exception: PolicyException;
  /** Findings it would have accepted had it not expired (they are in `findings` again). */
  findings: Finding[];
}

/** The outcome of a check: a value the reporters, the CLI and the Action turn into output and an exit code. */
export interface Decision {
  verdict: 'pass' | 'fail' | 'error';
  mode: 'pr' | 'audit';
  /** Findings still in force, worst first. */
  findings: Finding[];
  exceptionsApplied: AppliedException[];
  exceptionsExpired: ExpiredException[];
  /** Quarantined findings approved by `approveQuarantine`. */
  quarantineApproved: Finding[];
  notEvaluated: NotEvaluated[];
  warnings: string[];
  /** Why the verdict is `error` (empty otherwise). */
  errors: string[];
  /** Number of packages judged. */
  packagesJudged: number;
  /** The `now` the decision was made at (ISO), against which exception expiry and data age are measured. */
  evaluatedAt: string;
  /** Where the data came from and how old it is, for the report. */
  data: Array<{ kind: 'advisories' | 'registry'; source: string; asOf?: string }>;
}

const NOT_EVALUATED_SAMPLE = 20;

/** Rules that judge a package by its name alone, the only ones that apply to a dependency declared but not locked. */
const NAME_RULES: ReadonlySet<string> = new Set(['nonexistent', 'typosquat', 'deny', 'allow']);

/**
 * Judges packages against a policy. Pure: no I/O, no clock (`now` is an input), so the same inputs always give
 * the same decision.
 */
export function evaluate(input: EvaluateInput): Decision {
  const { policy, enrichment, now, mode } = input;
  const resolver = new RuleResolver(policy);
  const exceptions = new ExceptionMatcher(policy.exceptions, now);
  const warnings: string[] = [];
  const errors: string[] = [];
  const subjects = collectSubjects(input);

  const failureFor = sourceFailureLookup(enrichment.failures ?? []);
  const hitsByFailure = new Map<SourceFailure, { rules: Set<string>; packages: Set<string> }>();

  const drafts: Finding[] = [];
  const notEvaluated = new Map<string, NotEvaluated>();
  const noteNotEvaluated = (rule: string, reason: string, pkg: Package) => {
    const key = `${rule}\0${reason}`;
    let entry = notEvaluated.get(key);
    if (!entry) {
      entry = { rule, reason, packages: [], count: 0 };
      notEvaluated.set(key, entry);
    }
    entry.count++;
    if (entry.packages.length < NOT_EVALUATED_SAMPLE) {
      const label = `${pkg.name}@${pkg.version}`;
      if (!entry.packages.includes(label)) entry.packages.push(label);
    }
  };

  for (const { pkg, change, lockfile } of subjects) {
    const devOnly = isDevOnly(pkg);
    const rules = resolver.resolve(lockfile, devOnly);
    for (const id of RULE_IDS) {
      const options = rules[id];
      if (options.action === 'off') continue;
      // Declared but not locked: no version, no source, no publish time; only the name can be judged.
      if (pkg.declaredIn && !NAME_RULES.has(id)) continue;
      const rule = RULES[id] as RuleModule;
      if (rule.data !== 'lockfile') {
        const failure = failureFor(rule.data, pkg);
        if (failure) {
          let hits = hitsByFailure.get(failure);
          if (!hits) hitsByFailure.set(failure, (hits = { rules: new Set(), packages: new Set() }));
          hits.rules.add(id);
          hits.packages.add(`${pkg.name}@${pkg.version}`);
          noteNotEvaluated(id, `${failure.source} failed: ${failure.message}`, pkg);
          continue;
        }
      }
      const result = rule.evaluate({
        pkg,
        devOnly,
        ...(change ? { change } : {}),
        mode,
        options: options as never,
        enrichment,
        now,
      });
      if ('notEvaluated' in result) {
        noteNotEvaluated(id, result.notEvaluated, pkg);
        continue;
      }
      for (const d of result.findings) {
        const action = d.action ?? options.action;
        if (action === 'off') continue;
        drafts.push({
          rule: id,
          action,
          severity: d.severity,
          ecosystem: pkg.ecosystem,
          name: pkg.name,
          version: pkg.version,
          purl: pkg.purl,
          message: d.message,
          ...(d.advisories ? { advisories: d.advisories } : {}),
          ...(d.fixed ? { fixed: d.fixed } : {}),
          ...(d.remedy ? { remedy: d.remedy } : {}),
          ...(d.evidence ? { evidence: d.evidence } : {}),
          location: { file: pkg.location.file || lockfile, ...(pkg.location.line ? { line: pkg.location.line } : {}) },
        });
      }
    }
  }

  for (const [failure, hits] of hitsByFailure) {
    const rules = [...hits.rules].sort().join(', ');
    // A failure limited to some packages names them, so the reader sees what the rest of the verdict covers.
    const labels = [...hits.packages];
    const which = failure.packages
      ? ` for ${labels.length} package${labels.length === 1 ? '' : 's'} (${labels.slice(0, NOT_EVALUATED_SAMPLE).join(', ')}${labels.length > NOT_EVALUATED_SAMPLE ? ', …' : ''})`
      : '';
    const what = `${failure.source} could not be reached (${failure.message}); ${rules} not evaluated${which}`;
    if (policy.failOpen) {
      warnings.push(`FAIL-OPEN: ${what}. The verdict ignores these rules because ${policy.failOpenOrigin ? `${policy.failOpenOrigin} sets fail-open` : 'the policy sets fail-open: true'}.`);
    } else {
      errors.push(what);
    }
  }

  const findings: Finding[] = [];
  const applied = new Map<PolicyException, Finding[]>();
  const expiredHits = new Map<PolicyException, Finding[]>();
  const quarantineApproved: Finding[] = [];
  for (const f of drafts) {
    const m = exceptions.match(f);
    for (const e of m.expired) push(expiredHits, e, f);
    if (m.applied) {
      push(applied, m.applied, f);
      continue;
    }
    if (f.action === 'quarantine' && input.approveQuarantine) {
      quarantineApproved.push(f);
      continue;
    }
    findings.push(f);
  }

  const exceptionsExpired = exceptions.expired().map((exception) => ({
    exception,
    findings: sortFindings(expiredHits.get(exception) ?? []),
  }));
  for (const { exception, findings: hit } of exceptionsExpired) {
    const effect = hit.length
      ? `; it no longer covers ${hit.length} finding${hit.length === 1 ? '' : 's'} (${[...new Set(hit.map((f) => `${f.rule} on ${f.name}@${f.version}`))].join(', ')})`
      : '';
    warnings.push(`exception expired: ${describeException(exception)}${effect}`);
  }

  sortFindings(findings);
  const failing = findings.some((f) => f.action === 'block' || f.action === 'quarantine');
  const verdict = errors.length > 0 ? 'error' : failing ? 'fail' : 'pass';
  const data: Decision['data'] = [];
  for (const kind of ['advisories', 'registry'] as const) {
    const d = enrichment[kind];
    if (d) data.push({ kind, source: d.source, ...(d.dataAsOf ? { asOf: d.dataAsOf.toISOString() } : {}) });
  }

  return {
    verdict,
    mode,
    findings,
    // Listed in the order the policy gives them, so reports read like the policy file.
    exceptionsApplied: [...applied]
      .sort(([a], [b]) => policy.exceptions.indexOf(a) - policy.exceptions.indexOf(b))
      .map(([exception, hit]) => ({ exception, findings: sortFindings(hit) })),
    exceptionsExpired,
    quarantineApproved: sortFindings(quarantineApproved),
    notEvaluated: [...notEvaluated.values()].sort((a, b) => cmp(a.rule, b.rule) || cmp(a.reason, b.reason)),
    warnings,
    errors,
    packagesJudged: subjects.length,
    evaluatedAt: now.toISOString(),
    data,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Worst first: action, then severity, then a stable order by package and rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      cmp(a.ecosystem, b.ecosystem) ||
      cmp(a.name, b.name) ||
      cmp(a.version, b.version) ||
      cmp(a.rule, b.rule) ||
      cmp(a.location?.file ?? '', b.location?.file ?? '') ||
      cmp(a.message, b.message),
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Subject {
  pkg: Package;
  change?: PackageChange;
  lockfile: string;
}

/** The packages to judge, one per lockfile and `packageKey` (nested copies of one version are judged once). */
function collectSubjects(input: EvaluateInput): Subject[] {
  const seen = new Set<string>();
  const out: Subject[] = [];
  const add = (s: Subject) => {
    const key = `${s.lockfile}\0${packageKey(s.pkg)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(s);
  };
  if (input.mode === 'pr') {
    for (const c of input.changes ?? []) {
      if (c.type === 'removed') continue;
      const pkg = c.package ?? packageFromChange(c);
      add({
        pkg,
        lockfile: c.lockfile,
        change: {
          type: c.type,
          ...(c.before !== undefined ? { before: c.before } : {}),
          ...(c.nameInBase ? { nameInBase: true } : {}),
        },
      });
    }
  } else {
    for (const inv of input.inventories ?? []) {
      for (const pkg of inv.packages) add({ pkg, lockfile: inv.lockfile });
    }
  }
  return out;
}

function packageFromChange(c: JudgedChange): Package {
  const version = c.after ?? '';
  let purl: string;
  try {
    purl = buildPurl(c.ecosystem.toLowerCase(), undefined, c.name, version);
  } catch {
    purl = `pkg:generic/${encodeURIComponent(c.name)}`;
  }
  return {
    id: `${c.name}@${version}`,
    ecosystem: c.ecosystem,
    name: c.name,
    version,
    purl,
    direct: c.direct,
    scopes: [],
    integrity: [],
    source: { kind: 'unknown' },
    location: { file: c.lockfile },
  };
}

/**
 * Rule ids whose effective action is not `off` for some package: at the top level, for dev-only packages, or in an
 * override. Callers use it to skip fetching data no enabled rule reads.
 */
export function enabledRules(policy: Policy): Set<RuleId> {
  const top = new RuleResolver(policy).resolve('', false);
  const enabled = new Set<RuleId>();
  for (const id of RULE_IDS) {
    const actions = [top[id].action, policy.devRules[id]?.action, ...policy.overrides.map((o) => o.rules[id]?.action)];
    if (actions.some((a) => a !== undefined && a !== 'off')) enabled.add(id);
  }
  return enabled;
}

/**
 * Which failure, if any, keeps `data` from `pkg`: a failure naming packages covers only those, one naming none
 * covers every package. Sets, because a registry down for a 50,000-package audit names every one of them.
 */
function sourceFailureLookup(failures: readonly SourceFailure[]): (data: SourceFailure['data'], pkg: Package) => SourceFailure | undefined {
  const indexed = failures.map((f) => ({ f, keys: f.packages ? new Set(f.packages) : undefined }));
  return (data, pkg) => {
    if (indexed.length === 0) return undefined;
    const key = packageKey(pkg);
    return indexed.find(({ f, keys }) => f.data === data && (keys === undefined || keys.has(key)))?.f;
  };
}
