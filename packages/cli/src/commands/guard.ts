import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { usageError } from '../options.js';
import type { GuardFlags } from '../guard/start-guard.js';

/**
 * `lockwarden guard serve` (the registry proxy) and `lockwarden guard -- COMMAND` (the install wrapper). The proxy
 * code is imported only when the command runs, so other commands never load it.
 */
export function registerGuard(program: Command, ctx: CommandContext): void {
  program
    .command('guard')
    .description(commandDescription('guard'))
    .argument('[command...]', '`serve`, or `-- COMMAND [ARGS...]` to run with npm, pnpm, yarn, bun, pip, uv and pdm pointed at the proxy')
    .option('--port <n>', 'port to listen on (serve: default 4873; wrapper: a free port)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--policy <file>', 'policy file (default: .github/lockwarden.yml, lockwarden.yml, else lockwarden:baseline)')
    .option('--db <dir>', 'offline OSV database folder (default: the OSV API)')
    .option('--osv-url <url>', 'OSV API base URL (a mirror)')
    .option('--audit-log <file>', 'append every decision to this file as JSON lines')
    .option('--npm-upstream <url>', 'npm registry to proxy (default: the .npmrc chain / npm_config_registry)')
    .option('--pypi-upstream <url>', 'Python simple index to proxy (default: UV_DEFAULT_INDEX, PIP_INDEX_URL or pip.conf)')
    .option('--upstream-timeout <seconds>', 'per-request timeout towards the upstream (default 30)')
    .action(async (command: string[], flags: GuardFlags, cmd: Command) => {
      const verbose = Boolean(cmd.parent?.opts<{ verbose?: boolean }>().verbose);
      const { startGuard } = await import('../guard/start-guard.js');
      const context = { cwd: ctx.io.cwd, env: ctx.io.env, logger: ctx.logger, stderr: ctx.io.stderr };
      if (command.length === 0) usageError('guard needs `serve` or `-- COMMAND [ARGS...]`');
      if (flags.host && !['127.0.0.1', '::1', 'localhost'].includes(flags.host)) {
        // The proxy sends the user's registry tokens upstream on behalf of whoever can reach it.
        ctx.logger.warn(`guard listens on ${flags.host}: anyone who can reach it installs with your registry credentials`);
      }
      if (command[0] === 'serve' && command.length === 1) {
        const guard = await startGuard({ ...flags, port: flags.port ?? '4873', verbose }, context);
        ctx.io.stderr(
          `lockwarden guard: npm registry ${guard.server.npmUrl} (upstream ${guard.upstreams.npm}), ` +
            `Python index ${guard.server.pypiUrl} (upstream ${guard.upstreams.pypi})\n`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await guard.server.close();
        return;
      }
      const [program_, ...args] = command;
      const { runGuarded } = await import('../guard/run-guarded.js');
      const guard = await startGuard({ ...flags, verbose }, context);
      try {
        ctx.exitCode = await runGuarded(guard, { command: program_!, args, cwd: ctx.io.cwd, env: ctx.io.env, stdout: ctx.io.stdout, stderr: ctx.io.stderr });
      } finally {
        await guard.server.close();
      }
    });
}
