/**
 * Operational faults. Findings are values (see `findings/`); these are thrown only when lockwarden
 * could not do its job: bad input, a missing commit, an unreachable data source.
 */
export type ErrorCode =
  | 'PARSE_ERROR'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_ECOSYSTEM'
  | 'INVALID_VERSION'
  | 'IO_ERROR'
  | 'GIT_ERROR'
  | 'GIT_MISSING_COMMIT'
  | 'SOURCE_UNAVAILABLE'
  | 'POLICY_ERROR'
  | 'USAGE_ERROR'
  | 'NO_LOCKFILES'
  | 'SBOM_ERROR'
  | 'SIGNATURE_ERROR';

export class LockwardenError extends Error {
  override readonly name: string = 'LockwardenError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A lockfile, manifest, policy or SBOM that could not be read; points at the offending spot. */
export class ParseError extends LockwardenError {
  override readonly name = 'ParseError';
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The bare reason, without the location prefix. */
  readonly reason: string;

  constructor(
    file: string,
    reason: string,
    position?: { line?: number | undefined; column?: number | undefined },
    options?: { cause?: unknown; code?: ErrorCode },
  ) {
    const line = position?.line;
    const column = position?.column;
    const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
    super(options?.code ?? 'PARSE_ERROR', `${where}: ${reason}`, options);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** A data source (OSV, a registry, the GitHub API) could not answer after retries. Never read as "no findings". */
export class SourceUnavailableError extends LockwardenError {
  override readonly name = 'SourceUnavailableError';
  readonly source: string;

  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super('SOURCE_UNAVAILABLE', `${source}: ${message}`, options);
    this.source = source;
  }
}

export function isLockwardenError(err: unknown): err is LockwardenError {
  return err instanceof LockwardenError;
}
