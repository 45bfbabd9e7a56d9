import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { readSbom } from '../sbom/read.js';
import { ECOSYSTEM_PLUGINS } from '../ecosystems/registry.js';
import type { AdvisorySource } from '../advisories/types.js';
import { diffInventories, type DependencyChange } from '../diff/diff-inventories.js';
import { isLockwardenError, LockwardenError } from '../errors.js';
import { gitSnapshotFor, loadGitInventories, loadWorkTreeInventories } from '../lockfiles/load.js';
import { declaredOnlyPackages, loadDeclaredDependencies } from '../lockfiles/declared.js';
import { DirectorySnapshot } from '../lockfiles/snapshot.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { Inventory } from '../model/inventory.js';
import { packageKey, type Package, type PackageRef } from '../model/package.js';
import type { ReportInput } from '../report/report-input.js';
import type { Enrichment, RegistryMetadataSource, SourceFailure } from './enrichment.js';
import { enabledRules, evaluate, type Decision } from './evaluate.js';
import { loadPolicy, type LoadedPolicy } from './load-policy.js';
import { RULES } from './rules/index.js';

export interface CheckOptions {
  /** The project folder (inside a git repository for `base`/`head` refs); lockfile paths are relative to it. */
  cwd: string;
  /** `pr` (default) judges what changed between `base` and `head`; `audit` judges everything at `head`. */
  mode?: 'pr' | 'audit';
  /** Git ref of the base; required in PR mode. */
  base?: string;
  /** Git ref of the head; default the work tree. */
  head?: string;
  /** A folder holding the base lockfiles, instead of a git ref (relative to `cwd`). */
  baseDir?: string;
  /** A folder holding the head lockfiles, instead of the work tree or a git ref (relative to `cwd`). */
  headDir?: string;
  /** CycloneDX or SPDX JSON SBOMs to compare instead of lockfiles (paths relative to `cwd`); both or neither. */
  baseSbom?: string;
  headSbom?: string;
  /** Limit to these lockfiles or folders. */
  paths?: string[];
  parseAs?: string;
  /** Policy file (relative to `cwd`); default `.github/lockwarden.yml`, `lockwarden.yml`, else the baseline pack. */
  policyFile?: string;
  /**
   * Read the policy from this git ref instead of the work tree, so a pull request cannot relax the policy that
   * judges it (use the base ref under `pull_request_target`).
   */
  policyRef?: string;
  /** Quarantined findings are approved (the Action's label, `--approve-quarantine`). */
  approveQuarantine?: boolean;
  /** Registries are not consulted; their rules are listed as not evaluated without making the verdict `error`. */
  offline?: boolean;
  /** Force fail-open (the Action's `fail-open` input) whatever the policy says; `undefined` keeps the policy's. */
  failOpen?: boolean;
  /** The clock, for exception expiry and release age. */
  now?: Date;
  signal?: AbortSignal;
}

/** The clients a check uses; adapters (CLI, Action, GitLab) build them and pass them in. */
export interface CheckDeps {
  advisories?: AdvisorySource;
  registry?: RegistryMetadataSource;
  logger?: Logger;
}

export interface CheckResult {
  decision: Decision;
  policy: LoadedPolicy;
  /** PR mode: the diff that was judged. */
  changes: DependencyChange[];
  /** The head inventories. */
  inventories: Inventory[];
  /** Ready for `renderReport`. */
  report: ReportInput;
}

/**
 * `lockwarden check`, for every front end: load the policy, read the lockfiles at base and head, diff them, fetch
 * advisories (and registry data) for the packages to judge, evaluate, and return the decision with what a report
 * needs. Source outages become `failures` (verdict `error` unless the policy is fail-open); bad input throws.
 */
export async function runCheck(options: CheckOptions, deps: CheckDeps = {}): Promise<CheckResult> {
  const logger = deps.logger ?? silentLogger;
  const mode = options.mode ?? 'pr';
  if (mode === 'pr' && !options.base && !options.baseDir && !options.baseSbom) {
    throw new LockwardenError('USAGE_ERROR', 'a PR check needs a base ref (--base) or folder (--base-dir)');
  }
  const policy = loadPolicyFor(options);
  if (options.failOpen !== undefined) policy.policy.failOpen = options.failOpen;
  for (const w of policy.warnings) logger.warn(w);
  logger.info(`policy: ${policy.policy.sources.join(' -> ')}`);

  const load = { parseAs: options.parseAs };
  const paths = options.paths ?? [];
  const sboms = options.headSbom ? loadSbomPair(options) : undefined;
  const head = sboms
    ? sboms.head
    : options.headDir
    ? loadWorkTreeInventories(resolve(options.cwd, options.headDir), paths, load)
    : options.head
      ? loadGitInventories(options.cwd, options.head, paths, load)
      : loadWorkTreeInventories(options.cwd, paths, load);
  let changes: DependencyChange[] = [];
  let judged: Package[];
  if (mode === 'pr') {
    const base = sboms
      ? sboms.base
      : options.baseDir
      ? loadWorkTreeInventories(resolve(options.cwd, options.baseDir), paths, load)
      : loadGitInventories(options.cwd, options.base as string, paths, load);
    changes = diffInventories(base, head);
    if (!sboms) changes.push(...declaredOnlyChanges(options, paths, head, logger));
    judged = changes.filter((c) => c.type !== 'removed').map((c) => c.package);
    logger.info(`${changes.length} dependency changes in ${head.length} lockfiles`);
  } else {
    judged = head.flatMap((inv) => inv.packages);
  }

  const unique = uniquePackages(judged);
  const enabled = enabledRules(policy.policy);
  const needs = (data: 'advisories' | 'registry') => [...enabled].some((id) => RULES[id].data === data);
  const enrichment: Enrichment = { failures: [] as SourceFailure[] };
  const signalOption = options.signal ? { signal: options.signal } : {};

  if (needs('advisories') && unique.length > 0) {
    if (deps.advisories) {
      try {
        // A package declared but not locked has no version to look advisories up for.
        // Kinds OSV has no ecosystem for (models, images, includes, model files) are not sent.
        const result = await deps.advisories.query(unique.filter((p) => !p.declaredIn && hasAdvisories(p)).map(toRef), signalOption);
        enrichment.advisories = {
          byPackage: result.byPackage,
          source: result.source,
          ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}),
        };
      } catch (err) {
        enrichment.failures?.push({ data: 'advisories', source: deps.advisories.name, message: failureMessage(err) });
      }
    } else {
      enrichment.skipped = { ...enrichment.skipped, advisories: 'no advisory source configured' };
    }
  } else if (deps.advisories) {
    enrichment.advisories = { byPackage: new Map(), source: deps.advisories.name };
  }

  if (options.offline) {
    enrichment.skipped = { ...enrichment.skipped, registry: 'offline' };
  } else if (needs('registry') && unique.length > 0) {
    if (deps.registry) {
      try {
        enrichment.registry = await deps.registry.lookup(unique, signalOption);
      } catch (err) {
        enrichment.failures?.push({ data: 'registry', source: deps.registry.name, message: failureMessage(err) });
      }
    } else {
      enrichment.skipped = { ...enrichment.skipped, registry: 'no registry client in this build' };
    }
  }

  const decision = evaluate({
    mode,
    ...(mode === 'pr' ? { changes } : { inventories: head }),
    enrichment,
    policy: policy.policy,
    now: options.now ?? new Date(),
    approveQuarantine: options.approveQuarantine ?? false,
  });
  if (enrichment.skipped?.advisories) {
    decision.warnings.unshift(`advisories not checked: ${enrichment.skipped.advisories}`);
  }
  return {
    decision,
    policy,
    changes,
    inventories: head,
    report: {
      decision,
      policySources: policy.policy.sources,
      ...(mode === 'pr' ? { base: options.base ?? options.baseDir ?? '', head: options.head ?? options.headDir ?? 'work tree' } : {}),
    },
  };
}

/**
 * Reads the base and head SBOMs. Both are labelled with the head SBOM's path, so the diff pairs them as one
 * "lockfile" and findings point at the head SBOM.
 */
function loadSbomPair(options: CheckOptions): { base: Inventory[]; head: Inventory[] } {
  const read = (file: string): Inventory => {
    let text: string;
    try {
      text = readFileSync(resolve(options.cwd, file), 'utf8');
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `cannot read SBOM ${file}`, { cause: err });
    }
    return readSbom(text, file);
  };
  const head = read(options.headSbom as string);
  const base = options.baseSbom ? read(options.baseSbom) : undefined;
  return { head: [head], base: base ? [{ ...base, lockfile: head.lockfile }] : [] };
}

/**
 * Dependencies the change declares in a manifest without locking them (an assistant's edit to package.json or
 * pyproject.toml before anyone ran the package manager), as added packages with version "".
 */
function declaredOnlyChanges(options: CheckOptions, paths: readonly string[], head: readonly Inventory[], logger: Logger): DependencyChange[] {
  const headSnapshot = options.headDir
    ? new DirectorySnapshot(resolve(options.cwd, options.headDir))
    : options.head
      ? gitSnapshotFor(options.cwd, options.head)
      : new DirectorySnapshot(options.cwd);
  const baseSnapshot = options.baseDir
    ? new DirectorySnapshot(resolve(options.cwd, options.baseDir))
    : gitSnapshotFor(options.cwd, options.base as string);
  const atHead = loadDeclaredDependencies(headSnapshot, paths);
  for (const w of atHead.warnings) logger.warn(w);
  const atBase = loadDeclaredDependencies(baseSnapshot, paths);
  return declaredOnlyPackages(atHead.declared, atBase.declared, head).map((pkg) => ({
    type: 'added',
    ecosystem: pkg.ecosystem,
    name: pkg.name,
    after: '',
    direct: true,
    lockfile: pkg.location.file,
    package: pkg,
  }));
}

function loadPolicyFor(options: CheckOptions): LoadedPolicy {
  if (!options.policyRef) {
    return loadPolicy({ root: options.cwd, ...(options.policyFile ? { file: options.policyFile } : {}) });
  }
  const snapshot = gitSnapshotFor(options.cwd, options.policyRef);
  const root = resolve(options.cwd);
  return loadPolicy({
    root,
    ...(options.policyFile ? { file: options.policyFile } : {}),
    readFile: (path) => {
      const rel = relative(root, path);
      if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
      return snapshot.readFile(rel.split('\\').join('/'));
    },
  });
}

function hasAdvisories(pkg: Package): boolean {
  return ECOSYSTEM_PLUGINS.get(pkg.ecosystem)?.advisories !== false;
}

function uniquePackages(pkgs: readonly Package[]): Package[] {
  const seen = new Map<string, Package>();
  for (const p of pkgs) if (!seen.has(packageKey(p))) seen.set(packageKey(p), p);
  return [...seen.values()];
}

function toRef(pkg: Package): PackageRef {
  const ref: PackageRef = { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, purl: pkg.purl };
  if (pkg.source.kind === 'git' && pkg.source.commit) ref.commit = pkg.source.commit;
  return ref;
}

/** Only operational faults count as a source failure; a programming error must surface, not turn into "fail-open". */
function failureMessage(err: unknown): string {
  if (isLockwardenError(err)) return err.message;
  throw err;
}
