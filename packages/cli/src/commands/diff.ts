import type { Command } from 'commander';
import type { Inventory } from '@lockwarden/core/model';
import { gitTopLevel, loadGitInventories, loadWorkTreeInventories, type LoadOptions } from '@lockwarden/core/lockfiles';
import { diffInventories, type DependencyChange } from '@lockwarden/core/diff';
import { escapeMarkdown } from '@lockwarden/core/report';
import { resolve } from 'node:path';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { addExcludeOptions, excludeLoadOptions, formatOption, usageError } from '../options.js';
import { renderTable } from '../table.js';

interface DiffOptions {
  base?: string;
  head?: string;
  baseDir?: string;
  headDir?: string;
  parseAs?: string;
  exclude?: string[];
  defaultExcludes?: boolean;
  format: 'table' | 'json' | 'markdown';
}

/** The JSON shape of `diff` (a stable contract). */
export function diffJson(changes: readonly DependencyChange[]): { changes: object[] } {
  return {
    changes: changes.map((c) => ({
      type: c.type,
      ecosystem: c.ecosystem,
      name: c.name,
      before: c.before ?? null,
      after: c.after ?? null,
      direct: c.direct,
      lockfile: c.lockfile,
      via: c.via ?? [],
    })),
  };
}

export function diffMarkdown(changes: readonly DependencyChange[]): string {
  if (changes.length === 0) return 'No dependency changes.\n';
  const lines = ['| change | package | before | after | direct | via | lockfile |', '|---|---|---|---|---|---|---|'];
  for (const c of changes) {
    lines.push(
      `| ${c.type} | ${escapeMarkdown(c.name)} | ${escapeMarkdown(c.before ?? '')} | ${escapeMarkdown(c.after ?? '')} | ${c.direct ? 'yes' : ''} | ${(c.via ?? []).map((v) => escapeMarkdown(v)).join(', ')} | ${escapeMarkdown(c.lockfile)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Loads one side of a diff: a directory, a git ref, or (for head) the work tree. */
export async function loadSide(
  cwd: string,
  side: { ref?: string; dir?: string },
  paths: string[],
  load: LoadOptions,
  againstRef = false,
): Promise<Inventory[]> {
  if (side.dir) return loadWorkTreeInventories(resolve(cwd, side.dir), paths, load);
  if (side.ref) return loadGitInventories(cwd, side.ref, paths, load);
  // The work tree against a git base may reach what the base may: the repository (see `bound`).
  return loadWorkTreeInventories(cwd, paths, againstRef ? { ...load, bound: gitTopLevel(cwd) } : load);
}

export function registerDiff(program: Command, ctx: CommandContext): void {
  const command = program
    .command('diff')
    .description(commandDescription('diff'))
    .argument('[paths...]', 'lockfiles or directories to compare (default: all lockfiles)')
    .option('--base <ref>', 'git ref of the base (read with git show; nothing is checked out)')
    .option('--head <ref>', 'git ref of the head (default: the work tree)')
    .option('--base-dir <dir>', 'compare against the lockfiles in this directory instead of a git ref')
    .option('--head-dir <dir>', 'take the head lockfiles from this directory')
    .option('--parse-as <format>', "parse named files as this format (its conventional file name, e.g. 'yarn.lock')")
    .addOption(formatOption(['table', 'json', 'markdown'], 'table'));
  addExcludeOptions(command).action(async (paths: string[], options: DiffOptions) => {
      if (!options.base && !options.baseDir) usageError('diff needs --base <ref> or --base-dir <dir>');
      if (options.base && options.baseDir) usageError('use either --base or --base-dir, not both');
      if (options.head && options.headDir) usageError('use either --head or --head-dir, not both');
      const load = { ...(options.parseAs ? { parseAs: options.parseAs } : {}), logger: ctx.logger, ...excludeLoadOptions(options) };
      const base = await loadSide(ctx.io.cwd, { ref: options.base, dir: options.baseDir }, paths, load);
      const head = await loadSide(ctx.io.cwd, { ref: options.head, dir: options.headDir }, paths, load, Boolean(options.base && !options.baseDir));
      const changes = diffInventories(base, head);
      if (options.format === 'json') {
        ctx.io.stdout(`${JSON.stringify(diffJson(changes), null, 2)}\n`);
      } else if (options.format === 'markdown') {
        ctx.io.stdout(diffMarkdown(changes));
      } else {
        const rows = changes.map((c) => [
          c.type,
          c.ecosystem,
          c.name,
          c.before ?? '',
          c.after ?? '',
          c.direct ? 'direct' : '',
          (c.via ?? []).join(','),
          c.lockfile,
        ]);
        ctx.io.stdout(renderTable(['CHANGE', 'ECOSYSTEM', 'NAME', 'BEFORE', 'AFTER', 'DIRECT', 'VIA', 'LOCKFILE'], rows));
      }
    });
}
