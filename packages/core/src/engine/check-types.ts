import type { AdvisorySource } from '../advisories/types.js';
import type { DependencyChange } from '../diff/diff-inventories.js';
import type { Logger } from '../log/logger.js';
import type { Inventory } from '../model/inventory.js';
import type { RegistryMetadataSource } from '../registry/registry-metadata.js';
import type { Decision } from '../policy/evaluate.js';
import type { LoadedPolicy } from '../policy/load-policy.js';
import type { ReportInput } from '../report/report-input.js';

/** What an adapter asks of a check run; every adapter (CLI, Action, GitLab) translates its inputs into this. */
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
  /** Globs of lockfiles to leave out of folder searches (`--exclude`), on top of the policy's `exclude`. */
  exclude?: string[];
  /** Leave out test fixtures (`DEFAULT_EXCLUDES`) too; default true (`--no-default-excludes` turns it off). */
  defaultExcludes?: boolean;
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
  /** Who forced fail-open (`--fail-open`, the Action input), named in the report. */
  failOpenOrigin?: string;
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
