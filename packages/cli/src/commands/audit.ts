import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_OSV_API_URL,
  OsvOfflineSource,
  createAdvisorySource,
  renderReport,
  type Decision,
  LockwardenError,
  readSbom,
  DEFAULT_OSV_DB_DIR,
  auditInventories,
  escapeMarkdown,
  hasBlockingFindings,
  loadWorkTreeInventories,
  markdownCode,
  packageRefFromPurl,
  type AdvisorySource,
  type AuditResult,
  type Finding,
  type Inventory,
} from '@lockwarden/core';
import type { CommandContext } from '../context.js';
import { EXIT } from '../io.js';
import { formatOption, usageError } from '../options.js';
import { VERSION } from '../version.js';
import { renderTable } from '../table.js';

interface AuditOptions {
  offline?: boolean;
  db?: string;
  osvUrl?: string;
  purl: string[];
  sbom: string[];
  parseAs?: string;
  format: 'table' | 'json' | 'markdown' | 'sarif';
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
    .description('report known vulnerabilities and malware (OSV) in every package of the lockfiles')
    .argument('[paths...]', 'lockfiles or directories (default: the current directory)')
    .option('--offline', `use only the local OSV database (--db, default ${DEFAULT_OSV_DB_DIR})`)
    .option('--db <dir>', 'the local OSV database folder, as `lockwarden db download` writes it (implies --offline)')
    .option('--osv-url <url>', `OSV API base URL (env LOCKWARDEN_OSV_URL; default ${DEFAULT_OSV_API_URL})`)
    .option('--purl <purl>', 'also audit this package URL, e.g. pkg:npm/lodash@4.17.20 (repeatable)', collect, [])
    .option('--sbom <file>', 'also audit the packages of this CycloneDX (1.4-1.7) or SPDX 2.3 JSON SBOM (repeatable)', collect, [])
    .option('--parse-as <format>', "parse named files as this format (its conventional file name, e.g. 'yarn.lock')")
    .addOption(formatOption(['table', 'json', 'markdown', 'sarif'], 'table'))
    .action(async (paths: string[], options: AuditOptions) => {
      const extra = options.purl.map(packageRefFromPurl);
      const sboms = options.sbom.map((file) => readSbomFile(ctx.io.cwd, file));
      // Named purls or SBOMs alone audit just those; otherwise the lockfiles under the paths (or the working directory).
      const inventories: Inventory[] = [
        ...(paths.length === 0 && (extra.length > 0 || sboms.length > 0) ? [] : loadWorkTreeInventories(ctx.io.cwd, paths, { parseAs: options.parseAs, logger: ctx.logger })),
        ...sboms,
      ];
      if (inventories.length === 0 && extra.length === 0) usageError('no lockfiles found (name lockfiles or directories, or use --purl)');
      const source = advisorySourceFor(ctx, options);
      let result: AuditResult;
      try {
        result = await auditInventories(inventories, source, { extra });
      } finally {
        if (source instanceof OsvOfflineSource) await source.close();
      }
      if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(auditJson(result), null, 2)}\n`);
      else if (options.format === 'sarif') ctx.io.stdout(renderReport('sarif', { decision: auditDecision(result), toolVersion: VERSION }));
      else if (options.format === 'markdown') ctx.io.stdout(auditMarkdown(result));
      else ctx.io.stdout(auditTable(result));
      ctx.exitCode = hasBlockingFindings(result.findings) ? EXIT.violation : EXIT.ok;
    });
}

/** An audit result as a policy decision, so the shared reporters (SARIF) render it. */
export function auditDecision(result: AuditResult): Decision {
  return {
    verdict: hasBlockingFindings(result.findings) ? 'fail' : 'pass',
    mode: 'audit',
    findings: result.findings,
    exceptionsApplied: [],
    exceptionsExpired: [],
    quarantineApproved: [],
    notEvaluated: [],
    warnings: [],
    errors: [],
    packagesJudged: result.packagesChecked,
    data: [{ kind: 'advisories', source: result.source, ...(result.dataAsOf ? { asOf: result.dataAsOf.toISOString() } : {}) }],
    evaluatedAt: new Date().toISOString(),
  };
}

/** An SBOM file read into an inventory (its packages by purl). */
function readSbomFile(cwd: string, file: string): Inventory {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot read SBOM ${file}`, { cause: err });
  }
  return readSbom(text, file);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
