/** Where the core reports progress; the CLI writes to stderr, the Action to @actions/core. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
};

// The `@lockwarden/core/log` entry serves loggers and the redaction every logger applies.
export { REDACTED, mapStrings, redactDeep, redactSecrets } from './redact.js';
