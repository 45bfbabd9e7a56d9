import { Option } from 'commander';
import { LockwardenError } from '@lockwarden/core/errors';

/** A `--format` option limited to the given choices (commander rejects others with exit 2). */
export function formatOption(choices: readonly string[], defaultValue: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(defaultValue);
}

/** Raises a usage error (exit 2) with a message the user can act on. */
export function usageError(message: string): never {
  throw new LockwardenError('USAGE_ERROR', message);
}
