import type { Command } from 'commander';
import type { Package } from '@lockwarden/core/model';
import { loadWorkTreeInventories } from '@lockwarden/core/lockfiles';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { addExcludeOptions, excludeLoadOptions, formatOption } from '../options.js';
import { renderTable } from '../table.js';

interface LsOptions {
  parseAs?: string;
  exclude?: string[];
  defaultExcludes?: boolean;
  format: 'table' | 'json';
}

/** The JSON shape of `ls` (a stable contract). */
export function lsJson(packages: readonly Package[]): { packages: object[] } {
  return {
    packages: packages.map((p) => ({
      ecosystem: p.ecosystem,
      name: p.name,
      version: p.version,
      purl: p.purl,
      direct: p.direct,
      scopes: p.scopes,
      lockfile: p.location.file,
      line: p.location.line ?? null,
    })),
  };
}

export function registerLs(program: Command, ctx: CommandContext): void {
  const command = program
    .command('ls')
    .description(commandDescription('ls'))
    .argument('[paths...]', 'lockfiles or directories (default: the current directory)')
    .option('--parse-as <format>', "parse named files as this format (its conventional file name, e.g. 'yarn.lock')")
    .addOption(formatOption(['table', 'json'], 'table'));
  addExcludeOptions(command).action(async (paths: string[], options: LsOptions) => {
      const inventories = await loadWorkTreeInventories(ctx.io.cwd, paths, {
        parseAs: options.parseAs,
        logger: ctx.logger,
        ...excludeLoadOptions(options),
      });
      const packages = inventories.flatMap((inv) => inv.packages);
      if (options.format === 'json') {
        ctx.io.stdout(`${JSON.stringify(lsJson(packages), null, 2)}\n`);
        return;
      }
      const rows = packages.map((p) => [
        p.ecosystem,
        p.name,
        p.version,
        p.direct ? 'direct' : '',
        p.scopes.join(','),
        p.location.line ? `${p.location.file}:${p.location.line}` : p.location.file,
      ]);
      ctx.io.stdout(renderTable(['ECOSYSTEM', 'NAME', 'VERSION', 'DIRECT', 'SCOPES', 'LOCKFILE'], rows));
      ctx.io.stderr(`${packages.length} packages in ${inventories.length} lockfile(s)\n`);
    });
}
