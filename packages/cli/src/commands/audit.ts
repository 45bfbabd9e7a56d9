import { Option, type Command } from 'commander';
import type { Finding } from '@lockwarden/core/findings';
import { DEFAULT_OSV_API_URL, createAdvisorySource, DEFAULT_OSV_DB_DIR, type AdvisorySource } from '@lockwarden/core/advisories';
import { RegistryClients, RegistryEnrichmentSource } from '@lockwarden/core/registry';
import type { Decision } from '@lockwarden/core/policy';
import { renderReport, escapeMarkdown, markdownCode, type ReportInput } from '@lockwarden/core/report';
import { runAudit } from '@lockwarden/core/engine';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { EXIT } from '../io.js';
import { excludeLoadOptions, formatOption } from '../options.js';
import { VERSION } from '../version.js';
import { renderTable } from '../table.js';

interface AuditOptions {
  offline?: boolean;
  db?: string;
  osvUrl?: string;
  purl: string[];
  sbom: string[];
  parseAs?: string;
  exclude?: string[];
  defaultExcludes?: boolean;
  policy?: string;
  policyRef?: string;
  failOpen?: boolean | 'true' | 'false';
  approveQuarantine?: boolean;
  format: 'table' | 'json' | 'markdown' | 'sarif';
}

/** What the audit reports print: the findings of the policy's decision and where the advisories came from. */
export interface AuditResult {
  /** The advisory source, as the decision names it. */
  source: string;
  dataAsOf?: Date;
  packagesChecked: number;
  /** Findings still in force (excepted ones are not listed). */
  findings: Finding[];
}

const EXIT_FOR_VERDICT = { pass: EXIT.ok, fail: EXIT.violation, error: EXIT.error } as const;

/** The audit view of a policy decision. */
export function auditResult(decision: Decision): AuditResult {
  const advisories = decision.data.find((d) => d.kind === 'advisories');
  return {
    source: advisories?.source ?? 'no advisory source',
    ...(advisories?.asOf ? { dataAsOf: new Date(advisories.asOf) } : {}),
    packagesChecked: decision.packagesJudged,
    findings: decision.findings.filter((f) => f.action !== 'off'),
  };
}


/** The JSON shape of one audit finding (a stable contract). */
export function auditFindingJson(f: Finding): object {
  return {
    rule: f.rule,
    action: f.action,
    severity: f.severity,
    ecosystem: f.ecosystem,
    name: f.name,
    version: f.version,
    message: f.message,
    advisories: f.advisories ?? [],
    fixed: f.fixed ?? null,
  };
}

/** The JSON document `audit --format json` prints. */
export function auditJson(result: AuditResult): object {
  return {
    source: result.source,
    dataAsOf: result.dataAsOf?.toISOString() ?? null,
    packages: result.packagesChecked,
    findings: result.findings.map(auditFindingJson),
  };
}

/** "data as of 2026-01-21 (304 days old)", or that the data is live. */
export function dataAge(result: AuditResult, now: Date = new Date()): string {
  if (!result.dataAsOf) return `${result.source} (live)`;
  const days = Math.max(0, Math.floor((now.getTime() - result.dataAsOf.getTime()) / 86_400_000));
  return `${result.source}, data as of ${result.dataAsOf.toISOString().slice(0, 10)} (${days} day${days === 1 ? '' : 's'} old)`;
}

export function auditMarkdown(result: AuditResult): string {
  const lines = [`Advisories from ${escapeMarkdown(dataAge(result))}; ${result.packagesChecked} packages checked.`, ''];
  if (result.findings.length === 0) return `${lines.join('\n')}\nNo known vulnerabilities or malware.\n`;
  lines.push('| action | severity | package | advisories | fixed in | summary |', '|---|---|---|---|---|---|');
  for (const f of result.findings) {
    lines.push(
      `| ${f.action} | ${f.severity} | ${markdownCode(`${f.name}@${f.version}`)} | ${(f.advisories ?? []).map((id) => escapeMarkdown(id)).join(', ')} | ${escapeMarkdown(f.fixed ?? '')} | ${escapeMarkdown(f.message)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function auditTable(result: AuditResult): string {
  const rows = result.findings.map((f) => [
    f.action,
    f.severity,
    f.rule,
    f.ecosystem,
    `${f.name}@${f.version}`,
    (f.advisories ?? []).join(','),
    f.fixed ?? '',
    f.location?.file ?? '',
  ]);
  const table = rows.length > 0 ? renderTable(['ACTION', 'SEVERITY', 'RULE', 'ECOSYSTEM', 'PACKAGE', 'ADVISORIES', 'FIXED', 'LOCKFILE'], rows) : '';
  return `${table}${result.findings.length} finding(s) in ${result.packagesChecked} packages; ${dataAge(result)}\n`;
}

/** The advisory source the options ask for: the offline database, or the OSV API (flag, env, default). */
export function advisorySourceFor(ctx: CommandContext, options: Pick<AuditOptions, 'offline' | 'db' | 'osvUrl'>): AdvisorySource {
  return createAdvisorySource({ ...options, cwd: ctx.io.cwd, env: ctx.io.env, logger: ctx.logger });
}

export function registerAudit(program: Command, ctx: CommandContext): void {
  program
    .command('audit')
    .description(commandDescription('audit'))
    .argument('[paths...]', 'lockfiles or directories (default: the current directory)')
    .option('--offline', `use only the local OSV database (--db, default ${DEFAULT_OSV_DB_DIR}); registry rules not evaluated`)
    .option('--db <dir>', 'the local OSV database folder, as `lockwarden db download` writes it (implies --offline)')
    .option('--osv-url <url>', `OSV API base URL (env LOCKWARDEN_OSV_URL; default ${DEFAULT_OSV_API_URL})`)
    .option('--purl <purl>', 'also audit this package URL, e.g. pkg:npm/lodash@4.17.20 (repeatable)', collect, [])
    .option('--sbom <file>', 'also audit the packages of this CycloneDX (1.4-1.7) or SPDX 2.3 JSON SBOM (repeatable)', collect, [])
    .option('--parse-as <format>', "parse named files as this format (its conventional file name, e.g. 'yarn.lock')")
    .option('--exclude <glob...>', 'leave out lockfiles matching these globs (below the folder searched; repeatable)')
    .option('--no-default-excludes', 'also search test-fixture folders (testdata/, fixtures/, __fixtures__/, test-fixtures/)')
    .option('--policy <file>', 'policy file (default: .github/lockwarden.yml, lockwarden.yml, else lockwarden:baseline)')
    .option('--policy-ref <ref>', 'read the policy from this git ref')
    .option('--approve-quarantine', 'approve quarantined findings (never blocked ones)')
    .addOption(new Option('--fail-open [bool]', 'a data source that is down warns instead of failing (overrides the policy)').choices(['true', 'false']))
    .addOption(formatOption(['table', 'json', 'markdown', 'sarif'], 'table'))
    .action(async (paths: string[], options: AuditOptions) => {
      const source = advisorySourceFor(ctx, options);
      const offline = Boolean(options.offline || options.db);
      let decision: Decision;
      let report: ReportInput;
      try {
        const result = await runAudit(
          {
            cwd: ctx.io.cwd,
            paths,
            sboms: options.sbom,
            purls: options.purl,
            ...(options.parseAs ? { parseAs: options.parseAs } : {}),
            ...excludeLoadOptions(options),
            ...(options.policy ? { policyFile: options.policy } : {}),
            ...(options.policyRef ? { policyRef: options.policyRef } : {}),
            ...(options.failOpen === true || options.failOpen === 'true' ? { failOpen: true, failOpenOrigin: '--fail-open' } : {}),
            approveQuarantine: Boolean(options.approveQuarantine),
            offline,
          },
          {
            advisories: source,
            ...(offline ? {} : { registry: new RegistryEnrichmentSource(new RegistryClients({ cwd: ctx.io.cwd, env: ctx.io.env, logger: ctx.logger })) }),
            logger: ctx.logger,
          },
        );
        decision = result.decision;
        report = result.report;
      } finally {
        await source.close?.();
      }
      // Could not evaluate: say why on stderr, one line per cause, and print no report that could read as a pass.
      if (decision.verdict === 'error') {
        for (const e of decision.errors) ctx.io.stderr(`lockwarden: ${e}\n`);
        ctx.exitCode = EXIT.error;
        return;
      }
      const result = auditResult(decision);
      if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(auditJson(result), null, 2)}\n`);
      else if (options.format === 'sarif') ctx.io.stdout(renderReport('sarif', { ...report, toolVersion: VERSION }));
      else if (options.format === 'markdown') ctx.io.stdout(auditMarkdown(result));
      else ctx.io.stdout(auditTable(result));
      for (const w of decision.warnings) ctx.logger.warn(w);
      ctx.exitCode = EXIT_FOR_VERDICT[decision.verdict];
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
