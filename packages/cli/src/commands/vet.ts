import type { Command } from 'commander';
import { createAdvisorySource } from '@lockwarden/core/advisories';
import { RegistryClients } from '@lockwarden/core/registry';
import { renderReport } from '@lockwarden/core/report';
import { parseVetTarget, runVet } from '@lockwarden/core/engine';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { EXIT } from '../io.js';
import { formatOption, usageError } from '../options.js';
import { VERSION } from '../version.js';

interface VetFlags {
  policy?: string;
  offline?: boolean;
  db?: string;
  osvUrl?: string;
  format: 'table' | 'json';
  cacheDir?: string;
}

const EXIT_FOR_VERDICT = { pass: EXIT.ok, fail: EXIT.violation, error: EXIT.error } as const;

export function registerVet(program: Command, ctx: CommandContext): void {
  program
    .command('vet')
    .description(commandDescription('vet'))
    .argument('<packages...>', 'e.g. npm:expresss pypi:requests@2.32.3 pkg:golang/golang.org/x/net@v0.17.0')
    .option('--policy <file>', 'policy file (default: .github/lockwarden.yml, lockwarden.yml, else lockwarden:baseline)')
    .option('--offline', 'consult no network service: registry rules not evaluated, typosquat still judged')
    .option('--db <dir>', 'offline OSV database folder')
    .option('--osv-url <url>', 'OSV API base URL (a mirror)')
    .option('--cache-dir <dir>', 'registry response cache (default: $LOCKWARDEN_CACHE_DIR or ~/.cache/lockwarden/registry)')
    .addOption(formatOption(['table', 'json'], 'table'))
    .action(async (specs: string[], flags: VetFlags) => {
      if (specs.length === 0) usageError('vet needs at least one package');
      const targets = specs.map(parseVetTarget);
      // Offline without a database still vets names (typosquat) and says advisories were not checked.
      const advisories = flags.offline && !flags.db ? undefined : createAdvisorySource({
        offline: Boolean(flags.offline),
        ...(flags.db ? { db: flags.db } : {}),
        ...(flags.osvUrl ? { osvUrl: flags.osvUrl } : {}),
        cwd: ctx.io.cwd,
        env: ctx.io.env,
        logger: ctx.logger,
      });
      const registry = new RegistryClients({
        cwd: ctx.io.cwd,
        env: ctx.io.env,
        logger: ctx.logger,
        ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
      });
      const result = await runVet(
        { cwd: ctx.io.cwd, targets, offline: Boolean(flags.offline), ...(flags.policy ? { policyFile: flags.policy } : {}) },
        { registry, ...(advisories ? { advisories } : {}), logger: ctx.logger },
      );
      ctx.io.stdout(renderReport(flags.format, { ...result.report, toolVersion: VERSION }));
      for (const w of result.decision.warnings) ctx.logger.warn(w);
      ctx.exitCode = EXIT_FOR_VERDICT[result.decision.verdict];
    });
}
