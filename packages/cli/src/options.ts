import { Option, type Command } from 'commander';
import { LockwardenError } from '@lockwarden/core/errors';
import { parseDeadlineSeconds } from '@lockwarden/core/http/source-deadline';

/** A `--format` option limited to the given choices (commander rejects others with exit 2). */
export function formatOption(choices: readonly string[], defaultValue: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(defaultValue);
}

/** `--exclude GLOB...` and `--no-default-excludes`, for every command that searches folders for lockfiles. */
export function addExcludeOptions(command: Command): Command {
  return command
    .option('--exclude <glob...>', 'leave out lockfiles matching these globs (below the folder searched; repeatable)')
    .option('--no-default-excludes', 'also search test-fixture folders (testdata/, fixtures/, __fixtures__/, test-fixtures/)');
}

/** What `addExcludeOptions` parsed, as the core's load options. */
export function excludeLoadOptions(flags: { exclude?: string[]; defaultExcludes?: boolean }): {
  exclude?: string[];
  defaultExcludes?: boolean;
} {
  return {
    ...(flags.exclude && flags.exclude.length > 0 ? { exclude: flags.exclude } : {}),
    ...(flags.defaultExcludes === false ? { defaultExcludes: false } : {}),
  };
}

/** `--source-deadline`: how long any one data source may leave requests unanswered in this run. */
export function sourceDeadlineOption(): Option {
  return new Option(
    '--source-deadline <seconds>',
    'give up on a data source (OSV, a registry) that answers nothing for this long (env LOCKWARDEN_SOURCE_DEADLINE; default 60)',
  );
}

/** The `deadlineMs` client option from `--source-deadline` (absent: the clients read the environment). */
export function sourceDeadlineMs(value: string | undefined): { deadlineMs?: number } {
  return value === undefined ? {} : { deadlineMs: parseDeadlineSeconds(value, '--source-deadline') };
}

/** Raises a usage error (exit 2) with a message the user can act on. */
export function usageError(message: string): never {
  throw new LockwardenError('USAGE_ERROR', message);
}
