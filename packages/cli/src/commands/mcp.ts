import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';

interface McpFlags {
  policy?: string;
  db?: string;
  osvUrl?: string;
  cacheDir?: string;
}

/**
 * `lockwarden mcp`: the MCP server over stdio. The SDK and the server are imported only when the command runs.
 * stdout carries the protocol, so everything else goes to stderr.
 */
export function registerMcp(program: Command, ctx: CommandContext): void {
  program
    .command('mcp')
    .description(commandDescription('mcp'))
    .option('--policy <file>', 'policy file (default: .github/lockwarden.yml, lockwarden.yml, else lockwarden:baseline)')
    .option('--db <dir>', 'offline OSV database folder (default: the OSV API)')
    .option('--osv-url <url>', 'OSV API base URL (a mirror)')
    .option('--cache-dir <dir>', 'registry response cache (default: $LOCKWARDEN_CACHE_DIR or ~/.cache/lockwarden/registry)')
    .action(async (flags: McpFlags) => {
      const [{ StdioServerTransport }, { createMcpServer }, core] = await Promise.all([
        import('@modelcontextprotocol/sdk/server/stdio.js'),
        import('../mcp/mcp-server.js'),
        import('@lockwarden/core'),
      ]);
      const { cwd, env } = ctx.io;
      const loaded = flags.policy ? core.loadPolicy({ root: cwd, file: flags.policy }) : core.loadPolicy({ root: cwd });
      for (const w of loaded.warnings) ctx.logger.warn(w);
      const advisories = core.createAdvisorySource({
        ...(flags.db ? { db: flags.db } : {}),
        ...(flags.osvUrl ? { osvUrl: flags.osvUrl } : {}),
        cwd,
        env,
        logger: ctx.logger,
      });
      const registry = new core.RegistryClients({ cwd, env, logger: ctx.logger, ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}) });
      const server = createMcpServer({
        cwd,
        policy: loaded.policy,
        ...(flags.policy ? { policyFile: flags.policy } : {}),
        registry,
        advisories,
        logger: ctx.logger,
      });
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
        process.stdin.once('end', () => resolve());
      });
      await server.connect(transport);
      await closed;
      await server.close();
    });
}
