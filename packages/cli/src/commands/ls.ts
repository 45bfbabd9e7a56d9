import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export function registerLs(program: Command, ctx: CommandContext): void {
  program
    .command('ls')
    .description('list the packages of lockfiles (a directory is searched for every supported lockfile)')
    .argument('[paths...]', 'lockfiles or directories', [])
    .option('--parse-as <format>', 'parse every PATH as this format (its conventional file name, e.g. yarn.lock)')
    .option('--format <format>', 'table or json', 'table')
    .action(() => {
      ctx.io.stderr('ls: not wired yet\n');
      ctx.exitCode = 2;
    });
}
