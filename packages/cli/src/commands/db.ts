import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isEcosystem } from '@lockwarden/core/model';
import { ECOSYSTEM_PLUGINS } from '@lockwarden/core/ecosystems';
import { DEFAULT_OSV_DB_URL, downloadOsvDatabase, DEFAULT_OSV_DB_DIR } from '@lockwarden/core/advisories';
import { sourceDeadlineFromEnv } from '@lockwarden/core/http/source-deadline';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { usageError } from '../options.js';

interface DownloadOptions {
  ecosystems?: string;
  dir: string;
  baseUrl?: string;
}

export function registerDb(program: Command, ctx: CommandContext): void {
  const db = program.command('db').description(commandDescription('db'));
  db.command('download')
    .description('fetch the OSV export (<base>/<ecosystem>/all.zip) of each ecosystem into the local database')
    .option('--ecosystems <list>', 'comma-separated OSV ecosystem names (default: every ecosystem lockwarden reads)')
    .option('--dir <dir>', 'database folder', DEFAULT_OSV_DB_DIR)
    .option('--base-url <url>', `where the exports live (env LOCKWARDEN_OSV_DB_URL; default ${DEFAULT_OSV_DB_URL})`)
    .action(async (options: DownloadOptions) => {
      const ecosystems = options.ecosystems
        ? options.ecosystems.split(',').map((e) => e.trim()).filter((e) => e !== '')
        : [...ECOSYSTEM_PLUGINS.keys()];
      const unknown = ecosystems.filter((e) => !isEcosystem(e));
      if (unknown.length > 0) usageError(`unknown ecosystem(s): ${unknown.join(', ')} (OSV names such as npm, PyPI, crates.io)`);
      const baseUrl = options.baseUrl ?? ctx.io.env.LOCKWARDEN_OSV_DB_URL ?? DEFAULT_OSV_DB_URL;
      if (!/^https?:\/\//.test(baseUrl)) usageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
      const deadlineMs = sourceDeadlineFromEnv(ctx.io.env);
      const done = await downloadOsvDatabase({
        baseUrl,
        ecosystems,
        dir: resolve(ctx.io.cwd, options.dir),
        logger: ctx.logger,
        ...(deadlineMs !== undefined ? { deadlineMs } : {}),
      });
      for (const d of done) ctx.io.stdout(`${d.ecosystem}: ${d.entries} entries, ${d.bytes} bytes → ${d.file}\n`);
    });
}
