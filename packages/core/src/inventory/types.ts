import type { Finding } from '../findings/finding.js';
import type { Hash } from '../model/package.js';

/** One component as a snapshot holds it: identity and metadata, and how a lockfile uses it. */
export interface ComponentRecord {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  /** SPDX expressions or license names as declared. */
  licenses: string[];
  hashes: Hash[];
  source: { kind: string; url?: string };
  supplier?: string;
  author?: string;
  direct: boolean;
  scopes: string[];
  /** The lockfile or SBOM the component was read from. */
  lockfile: string;
}

/** What one ingest stores: the full component set of a repository at a ref and commit. */
export interface SnapshotInput {
  repo: string;
  ref: string;
  commit?: string;
  /** ISO time; now by default. */
  takenAt?: string;
  /** The files read, for the record. */
  inputs: string[];
  components: ComponentRecord[];
}

export interface SnapshotInfo {
  id: number;
  repo: string;
  ref: string;
  commit: string | null;
  takenAt: string;
  inputs: string[];
  components: number;
}

export interface IngestResult {
  snapshot: SnapshotInfo;
  /** Components and usages not in the store before. */
  newComponents: number;
  /** True when an identical component set was already stored (only the snapshot row was added). */
  reusedSet: boolean;
}

/** One row of `who-uses`. */
export interface WhoUsesRow {
  repo: string;
  ref: string;
  commit: string | null;
  takenAt: string;
  name: string;
  version: string;
  purl: string;
  direct: boolean;
  lockfile: string;
  /** Set when the version could not be compared with the pattern's range (kept: fail towards reporting). */
  versionUnknown?: true;
}

/** A finding of a re-evaluation, tied to a repository head. */
export interface StoredFinding {
  /** Stable identity: repository, ref, package, advisory. A finding is new once per key. */
  key: string;
  repo: string;
  ref: string;
  commit: string | null;
  purl: string;
  /** Primary advisory id. */
  advisory: string;
  finding: Finding;
  /** The VEX statement about it, when there is one; `not_affected` suppresses the finding. */
  vex?: VexStatement;
}

/** What a re-evaluation found relative to the previous one. */
export interface EvaluationDiff {
  run: number;
  new: StoredFinding[];
  resolved: StoredFinding[];
  open: StoredFinding[];
  suppressed: StoredFinding[];
}

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** One VEX statement: a vulnerability's status for a product/component (purl), for one repository or all. */
export interface VexStatement {
  /** null: applies to every repository. */
  repo: string | null;
  vulnerability: string;
  /** The component's purl; without a version it covers every version. */
  purl: string;
  status: VexStatus;
  /** OpenVEX justification (CycloneDX justifications are mapped to these). */
  justification?: string;
  /** Impact statement or CycloneDX analysis detail. */
  detail?: string;
  /** OpenVEX action statement or CycloneDX response. */
  actionStatement?: string;
  /** The file the statement came from. */
  document: string;
}

/** A snapshot's component with the store's id. */
export interface StoredComponent extends ComponentRecord {
  id: number;
}
