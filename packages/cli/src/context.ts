import type { Logger } from '@lockwarden/core/log';
import type { CliIO } from './io.js';

/** Shared by all commands of one run. A command's action sets `exitCode`. */
export interface CommandContext {
  io: CliIO;
  logger: Logger;
  exitCode: number;
}

export function stderrLogger(io: CliIO, verbose: boolean): Logger {
  return {
    debug: (m) => {
      if (verbose) io.stderr(`debug: ${m}\n`);
    },
    info: (m) => {
      if (verbose) io.stderr(`${m}\n`);
    },
    warn: (m) => io.stderr(`warning: ${m}\n`),
  };
}
