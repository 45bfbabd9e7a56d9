import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRefFromPurl } from '../advisories/package-ref.js';
import { LockwardenError } from '../errors.js';
import { loadWorkTreeInventories } from '../lockfiles/load.js';
import { silentLogger } from '../log/logger.js';
import type { Inventory } from '../model/inventory.js';
import { packageKey, type Package } from '../model/package.js';
import { readSbom } from '../sbom/read.js';
import type { CheckDeps, CheckResult } from './check-types.js';
import { nothingFound } from './discover.js';
import { enrich } from './enrich.js';
import { evaluateStep } from './evaluate.js';
import { loadRunPolicy, type RunPolicyOptions } from './load-run-policy.js';

/** What `lockwarden audit` judges: lockfiles under `paths`, SBOMs and single package URLs, all at once. */
export interface AuditOptions extends RunPolicyOptions {
  /** Lockfiles or folders (relative to `cwd`); default the working directory unless SBOMs or purls are named. */
  paths?: string[];
  parseAs?: string;
  /** Globs of lockfiles to leave out of folder searches, on top of the policy's `exclude`. */
  exclude?: string[];
  /** Leave out test fixtures too (default true). */
  defaultExcludes?: boolean;
  /** CycloneDX or SPDX JSON SBOMs whose packages are judged too (relative to `cwd`). */
  sboms?: string[];
  /** Package URLs with a version (`pkg:npm/lodash@4.17.20`), judged as if locked. */
  purls?: string[];
  approveQuarantine?: boolean;
  /** Registries are not consulted; their rules are listed as not evaluated. */
  offline?: boolean;
  now?: Date;
  signal?: AbortSignal;
}

/** Where packages named with `--purl` are said to come from, in findings and reports. */
export const PURL_INVENTORY_FILE = 'command line (--purl)';

/**
 * `lockwarden audit`: every package of the named lockfiles, SBOMs and purls judged by the policy (the same
 * discovery, packs, exceptions and verdict as `check --mode audit`; the baseline pack when the repository has no
 * policy). Nothing to judge is an error (NO_LOCKFILES), never a pass.
 */
export async function runAudit(options: AuditOptions, deps: CheckDeps = {}): Promise<CheckResult> {
  const logger = deps.logger ?? silentLogger;
  const policy = await loadRunPolicy(options);
  for (const w of policy.warnings) logger.warn(w);
  logger.info(`policy: ${policy.policy.sources.join(' -> ')}`);

  const paths = options.paths ?? [];
  const sboms = (options.sboms ?? []).map((file) => readSbomFile(options.cwd, file));
  const purls = options.purls ?? [];
  const purlInventory = purlInventories(purls);
  // Named purls or SBOMs alone audit just those; otherwise the lockfiles under the paths (or the working directory).
  const lockfiles =
    paths.length === 0 && (purls.length > 0 || sboms.length > 0)
      ? []
      : await loadWorkTreeInventories(options.cwd, paths, {
          ...(options.parseAs ? { parseAs: options.parseAs } : {}),
          logger,
          exclude: [...policy.policy.exclude, ...(options.exclude ?? [])],
          ...(options.defaultExcludes === false ? { defaultExcludes: false } : {}),
        });
  const inventories = [...lockfiles, ...sboms, ...purlInventory];
  if (lockfiles.length === 0 && sboms.length === 0 && purls.length === 0) {
    throw nothingFound({ paths }, [paths.length > 0 ? paths.join(', ') : `the working directory ${options.cwd}`]);
  }

  const found = { head: inventories, fromSboms: false };
  const judged = { changes: [], packages: uniquePackages(inventories.flatMap((inv) => inv.packages)) };
  const enrichment = await enrich(judged.packages, policy.policy, {
    ...(deps.advisories ? { advisories: deps.advisories } : {}),
    ...(deps.registry ? { registry: deps.registry } : {}),
    ...(options.offline ? { offline: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const decision = evaluateStep({
    mode: 'audit',
    found,
    judged,
    enrichment,
    policy: policy.policy,
    now: options.now ?? new Date(),
    approveQuarantine: options.approveQuarantine ?? false,
  });
  return { decision, policy, changes: [], inventories, report: { decision, policySources: policy.policy.sources } };
}

/** The packages named by purl, as one inventory per ecosystem (an inventory holds one ecosystem), all direct. */
function purlInventories(purls: readonly string[]): Inventory[] {
  const byEcosystem = new Map<Inventory['ecosystem'], Package[]>();
  for (const purl of purls) {
    const ref = packageRefFromPurl(purl);
    const pkg: Package = {
      id: '',
      ecosystem: ref.ecosystem,
      name: ref.name,
      version: ref.version,
      purl: ref.purl ?? purl,
      direct: true,
      scopes: [],
      integrity: [],
      // A purl records no source, integrity or license: as for SBOM components, rules that need lockfile facts
      // have none to judge (no "missing integrity" for a package that was never locked).
      source: { kind: 'unknown' },
      location: { file: PURL_INVENTORY_FILE },
    };
    const list = byEcosystem.get(ref.ecosystem) ?? [];
    list.push({ ...pkg, id: packageKey(pkg) });
    byEcosystem.set(ref.ecosystem, list);
  }
  return [...byEcosystem].map(([ecosystem, packages]) => ({ lockfile: PURL_INVENTORY_FILE, format: 'purl', ecosystem, packages, projects: [] }));
}

function readSbomFile(cwd: string, file: string): Inventory {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot read SBOM ${file}`, { cause: err });
  }
  return readSbom(text, file);
}

function uniquePackages(pkgs: readonly Package[]): Package[] {
  const seen = new Map<string, Package>();
  for (const p of pkgs) if (!seen.has(packageKey(p))) seen.set(packageKey(p), p);
  return [...seen.values()];
}
