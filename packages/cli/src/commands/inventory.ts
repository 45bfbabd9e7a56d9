import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { formatOption } from '../options.js';

/** `--store`, on every inventory subcommand. */
function storeOption(): Option {
  return new Option('--store <path|url>', 'SQLite file or postgres:// URL (env LOCKWARDEN_STORE; default .lockwarden/inventory.db)');
}

/**
 * `lockwarden inventory ...`: the store of every build's components, who-uses, re-evaluation, VEX and the
 * compliance report. The actions (and with them the database drivers) load only when an inventory command runs.
 */
export function registerInventory(program: Command, ctx: CommandContext): void {
  const inventory = program.command('inventory').description(commandDescription('inventory'));
  const actions = () => import('./inventory-actions.js');

  inventory
    .command('ingest')
    .description('store the components of CycloneDX/SPDX SBOMs or lockfiles as one snapshot of a repository')
    .argument('<paths...>', 'SBOM files, lockfiles or folders')
    .addOption(storeOption())
    .requiredOption('--repo <name>', 'repository name (e.g. org/app)')
    .requiredOption('--ref <ref>', 'branch or tag the build is of')
    .option('--commit <sha>', 'commit the build is of')
    .option('--taken-at <time>', 'ISO time of the build (default: now)')
    .option('--parse-as <format>', "parse named files as this lockfile format (its conventional file name)")
    .addOption(formatOption(['table', 'json'], 'table'))
    .action(async (paths: string[], options) => (await actions()).ingestAction(ctx, paths, options));

  inventory
    .command('who-uses')
    .description('repositories whose latest snapshot holds packages matching a purl pattern (pkg:npm/minimist@<1.2.6, pkg:npm/@scope/*)')
    .argument('<pattern>', 'purl pattern, as in the policy')
    .addOption(storeOption())
    .option('--all-snapshots', 'search every snapshot, not only the latest per repository and ref')
    .addOption(formatOption(['table', 'json'], 'table'))
    .action(async (pattern: string, options) => (await actions()).whoUsesAction(ctx, pattern, options));

  inventory
    .command('reevaluate')
    .description('judge the latest snapshot of every repository against current advisories; report what is new since the last run')
    .addOption(storeOption())
    .option('--offline', 'use only the local OSV database (--db)')
    .option('--db <dir>', 'the local OSV database folder (implies --offline)')
    .option('--osv-url <url>', 'OSV API base URL (env LOCKWARDEN_OSV_URL)')
    .option('--policy <file>', 'policy file whose vulnerability and malware rules apply (default: discovered, else lockwarden:baseline)')
    .addOption(formatOption(['table', 'json', 'markdown', 'sarif'], 'table'))
    .action(async (options) => (await actions()).reevaluateAction(ctx, options));

  const vex = inventory.command('vex').description('VEX statements: import CycloneDX VEX or OpenVEX 0.2, export CycloneDX VEX');
  vex
    .command('import')
    .argument('<file>', 'CycloneDX VEX or OpenVEX 0.2 JSON')
    .addOption(storeOption())
    .option('--repo <name>', 'the repository the statements are about (default: every repository)')
    .action(async (file: string, options) => (await actions()).vexImportAction(ctx, file, options));
  vex
    .command('export')
    .description("CycloneDX 1.6 VEX of a repository's findings with their analysis")
    .addOption(storeOption())
    .requiredOption('--repo <name>', 'repository')
    .option('--ref <ref>', 'ref (default: the most recent snapshot of any ref)')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (options) => (await actions()).vexExportAction(ctx, options));

  inventory
    .command('report')
    .description('the compliance record of one release: components, origins, hashes, licenses, vulnerabilities, BSI TR-03183-2 fields')
    .addOption(storeOption())
    .requiredOption('--repo <name>', 'repository')
    .option('--ref <ref>', 'ref (default: the most recent snapshot of any ref)')
    .option('--output <file>', 'write to this file instead of stdout')
    .addOption(formatOption(['json', 'markdown', 'html'], 'json'))
    .action(async (options) => (await actions()).reportAction(ctx, options));
}
