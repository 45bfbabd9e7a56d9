import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { createAdvisorySource } from '@lockwarden/core/advisories/create-source';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '@lockwarden/core/report';
import { runCheck } from '@lockwarden/core/engine/run-check';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { EXIT } from '../io.js';
import { addExcludeOptions, excludeLoadOptions, formatOption, sourceDeadlineMs, sourceDeadlineOption, usageError } from '../options.js';
import { VERSION } from '../version.js';
import { addGitLabOptions, type GitLabFlags } from '../gitlab/inputs.js';
import { resolveGitLabRun } from '../gitlab/pipeline.js';

interface CheckFlags extends GitLabFlags {
  mode: 'pr' | 'audit';
  failOpen?: boolean | 'true' | 'false';
  base?: string;
  baseDir?: string;
  headDir?: string;
  baseSbom?: string;
  headSbom?: string;
  head?: string;
  policy?: string;
  policyRef?: string;
  offline?: boolean;
  db?: string;
  osvUrl?: string;
  parseAs?: string;
  exclude?: string[];
  defaultExcludes?: boolean;
  format: ReportFormat;
  output?: string;
  approveQuarantine?: boolean;
  markdownMaxLength?: string;
  sourceDeadline?: string;
}

const EXIT_FOR_VERDICT = { pass: EXIT.ok, fail: EXIT.violation, error: EXIT.error } as const;

export function registerCheck(program: Command, ctx: CommandContext): void {
  const command = program
    .command('check')
    .description(commandDescription('check'))
    .argument('[paths...]', 'lockfiles or directories to check (default: all lockfiles)')
    .option('--base <ref>', 'git ref of the base (read with git show; nothing is checked out)')
    .option('--head <ref>', 'git ref of the head (default: the work tree)')
    .option('--base-dir <dir>', 'take the base lockfiles from this folder instead of a git ref')
    .option('--head-dir <dir>', 'take the head lockfiles from this folder')
    .option('--base-sbom <file>', 'compare SBOMs instead of lockfiles: the base CycloneDX/SPDX JSON SBOM')
    .option('--head-sbom <file>', 'the head CycloneDX/SPDX JSON SBOM (with --base-sbom)')
    .option('--policy <file>', 'policy file (default: .github/lockwarden.yml, lockwarden.yml, else lockwarden:baseline)')
    .option('--policy-ref <ref>', 'read the policy from this git ref, so a change cannot relax the policy that judges it')
    .option('--offline', 'consult no network service: advisories from --db, registry rules not evaluated')
    .option('--db <dir>', 'offline OSV database folder')
    .option('--osv-url <url>', 'OSV API base URL (a mirror)')
    .option('--parse-as <format>', "parse named files as this format (its conventional file name, e.g. 'yarn.lock')")
    .addOption(sourceDeadlineOption())
    .addOption(formatOption(REPORT_FORMATS, 'table'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--approve-quarantine', 'approve quarantined findings (never blocked ones)')
    .option('--markdown-max-length <chars>', 'shorten the markdown report to at most this many characters')
    .addOption(new Option('--mode <mode>', 'pr judges what changed since --base; audit judges every package').choices(['pr', 'audit']).default('pr'))
    .addOption(new Option('--fail-open [bool]', 'a data source that is down warns instead of failing (overrides the policy)').choices(['true', 'false']));
  addGitLabOptions(addExcludeOptions(command)).action(async (paths: string[], flags: CheckFlags) => {
      const startTime = new Date();
      const baseOutsideGit = Boolean(flags.baseDir || flags.baseSbom);
      const gitlab = flags.gitlab ? resolveGitLabRun({ mode: flags.mode, base: flags.base, baseOutsideGit }, ctx) : undefined;
      const mode = gitlab?.mode ?? flags.mode;
      const base = gitlab?.base ?? flags.base;
      if (Boolean(flags.baseSbom) !== Boolean(flags.headSbom)) usageError('--base-sbom and --head-sbom go together');
      if (mode === 'pr' && !base && !baseOutsideGit) usageError('check needs --base <ref>, --base-dir <dir> or --base-sbom <file>');
      if (base && flags.baseDir) usageError('use either --base or --base-dir, not both');
      if (flags.head && flags.headDir) usageError('use either --head or --head-dir, not both');
      const maxLength = flags.markdownMaxLength === undefined ? undefined : Number(flags.markdownMaxLength);
      if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength > 0)) {
        usageError('--markdown-max-length takes a positive whole number');
      }
      const deadline = sourceDeadlineMs(flags.sourceDeadline);
      const advisories = createAdvisorySource({
        ...deadline,
        offline: Boolean(flags.offline),
        ...(flags.db ? { db: flags.db } : {}),
        ...(flags.osvUrl ? { osvUrl: flags.osvUrl } : {}),
        cwd: ctx.io.cwd,
        env: ctx.io.env,
        logger: ctx.logger,
      });
      const result = await runCheck(
        {
          cwd: ctx.io.cwd,
          mode,
          ...(base ? { base } : {}),
          ...(flags.head ? { head: flags.head } : {}),
          ...(flags.baseDir ? { baseDir: flags.baseDir } : {}),
          ...(flags.headDir ? { headDir: flags.headDir } : {}),
          ...(flags.baseSbom ? { baseSbom: flags.baseSbom, headSbom: flags.headSbom } : {}),
          paths,
          ...(flags.parseAs ? { parseAs: flags.parseAs } : {}),
          ...excludeLoadOptions(flags),
          ...(flags.policy ? { policyFile: flags.policy } : {}),
          ...(flags.policyRef ? { policyRef: flags.policyRef } : {}),
          approveQuarantine: Boolean(flags.approveQuarantine),
          offline: Boolean(flags.offline),
          ...(flags.failOpen === true || flags.failOpen === 'true' ? { failOpen: true, failOpenOrigin: '--fail-open' } : {}),
        },
        {
          ...(advisories ? { advisories } : {}),
          // Offline, no registry is asked: its clients (and their XML, INI and semver libraries) are not loaded.
          ...(flags.offline ? {} : { registry: await registrySource(ctx, deadline) }),
          logger: ctx.logger,
        },
      );
      const text = renderReport(
        flags.format,
        { ...result.report, toolVersion: VERSION },
        maxLength ? { markdown: { maxLength } } : {},
      );
      if (flags.output) {
        writeFileSync(resolve(ctx.io.cwd, flags.output), text);
      } else {
        ctx.io.stdout(text);
      }
      // Warnings go to stderr too when the report does not show them to a person: written to a file, or a machine
      // format on stdout. A table or markdown report on stdout already lists them; printing them again is noise.
      if (flags.output || (flags.format !== 'table' && flags.format !== 'markdown')) {
        for (const w of result.decision.warnings) ctx.logger.warn(w);
      }
      if (gitlab) {
        // The GitLab report writers (CycloneDX, XML) load only for a GitLab run.
        const { publishGitLab } = await import('../gitlab/publish.js');
        await publishGitLab(result, flags, gitlab, { startTime, endTime: new Date() }, ctx);
      }
      ctx.exitCode = EXIT_FOR_VERDICT[result.decision.verdict];
    });
}

async function registrySource(ctx: CommandContext, deadline: { deadlineMs?: number }) {
  const { RegistryClients, RegistryEnrichmentSource } = await import('@lockwarden/core/registry');
  return new RegistryEnrichmentSource(new RegistryClients({ cwd: ctx.io.cwd, env: ctx.io.env, logger: ctx.logger, ...deadline }));
}
