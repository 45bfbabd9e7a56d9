import { Command, CommanderError, Help } from 'commander';
import { isLockwardenError } from '@lockwarden/core/errors';
import { EXIT, processIO, type CliIO } from './io.js';
import { stderrLogger, type CommandContext } from './context.js';
import { COMMAND_CATALOG } from './commands/catalog.js';
import { VERSION } from './version.js';

/**
 * Runs the CLI and resolves to its exit code: 0 ok, 1 policy violated, 2 could not evaluate.
 * Errors never reach the user as stack traces: operational faults print one line naming file:line:column.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CommandContext = { io, logger: stderrLogger(io, false), exitCode: EXIT.ok };
  const program = new Command('lockwarden')
    .description('Supply-chain gate for lockfile changes: vulnerabilities, malware, licenses, registry intelligence.')
    .version(VERSION, '-V, --version')
    .option('--verbose', 'log progress to stderr')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError(false);
  program.hook('preAction', (cmd) => {
    ctx.logger = stderrLogger(io, Boolean(cmd.opts<{ verbose?: boolean }>().verbose));
  });
  // Only the commands the command line names are loaded; the others are listed for --help from the catalog.
  const named = new Set(argv);
  for (const entry of COMMAND_CATALOG) {
    if (named.has(entry.name)) (await entry.load())(program, ctx);
    else program.command(entry.name).description(entry.description);
  }
  const terms = new Map(COMMAND_CATALOG.map((c) => [c.name, [c.name, c.usage].filter(Boolean).join(' ')]));
  const help = new Help();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? help.subcommandTerm(cmd) });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    io.stderr(`lockwarden: ${describeError(err)}\n`);
    return EXIT.error;
  }
}

function describeError(err: unknown): string {
  if (isLockwardenError(err)) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
