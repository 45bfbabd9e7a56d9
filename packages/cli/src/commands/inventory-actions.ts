import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LockwardenError } from '@lockwarden/core/errors';
import { createAdvisorySource } from '@lockwarden/core/advisories';
import type { Finding } from '@lockwarden/core/findings';
import { loadRunPolicy } from '@lockwarden/core/engine';
import type { Decision } from '@lockwarden/core/policy';
import { escapeMarkdown, markdownCode, renderReport } from '@lockwarden/core/report';
import {
  complianceHtml,
  complianceMarkdown,
  complianceRecord,
  cycloneDxVex,
  openInventoryStore,
  readIngestInputs,
  readVex,
  reevaluate,
  type InventoryStore,
  type ReevaluationResult,
  type StoredFinding,
} from '@lockwarden/core/inventory';
import { readFileSync } from 'node:fs';
import type { CommandContext } from '../context.js';
import { EXIT } from '../io.js';
import { renderTable } from '../table.js';
import { VERSION } from '../version.js';

/** A finding that fails the run: `block`, or `quarantine` (nobody approves in a scheduled re-evaluation). */
function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.action === 'block' || f.action === 'quarantine');
}

interface StoreFlag {
  store?: string;
}

async function withStore<T>(ctx: CommandContext, options: StoreFlag, fn: (store: InventoryStore) => Promise<T>): Promise<T> {
  const store = await openInventoryStore(options.store, { cwd: ctx.io.cwd, env: ctx.io.env });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function write(ctx: CommandContext, text: string, output?: string): void {
  if (!output) {
    ctx.io.stdout(text);
    return;
  }
  try {
    writeFileSync(resolve(ctx.io.cwd, output), text);
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot write ${output}`, { cause: err });
  }
  ctx.logger.info(`wrote ${output}`);
}

export async function ingestAction(
  ctx: CommandContext,
  paths: string[],
  options: StoreFlag & { repo: string; ref: string; commit?: string; takenAt?: string; parseAs?: string; format: 'table' | 'json' },
): Promise<void> {
  let takenAt: string | undefined;
  if (options.takenAt !== undefined) {
    const t = new Date(options.takenAt);
    if (Number.isNaN(t.getTime())) throw new LockwardenError('USAGE_ERROR', `--taken-at "${options.takenAt}" is not an ISO date-time`);
    takenAt = t.toISOString();
  }
  const { components, inputs } = await readIngestInputs(ctx.io.cwd, paths, options.parseAs ? { parseAs: options.parseAs } : {});
  const result = await withStore(ctx, options, (store) =>
    store.ingest({ repo: options.repo, ref: options.ref, ...(options.commit ? { commit: options.commit } : {}), ...(takenAt ? { takenAt } : {}), inputs, components }),
  );
  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ ...result.snapshot, newComponents: result.newComponents, reusedSet: result.reusedSet }, null, 2)}\n`);
  } else {
    ctx.io.stdout(
      `ingested ${result.snapshot.components} components of ${result.snapshot.repo}@${result.snapshot.ref} from ${inputs.length} file(s) (snapshot ${result.snapshot.id}; ${result.reusedSet ? 'same component set as before' : `${result.newComponents} new components`})\n`,
    );
  }
  ctx.exitCode = EXIT.ok;
}

export async function whoUsesAction(ctx: CommandContext, pattern: string, options: StoreFlag & { allSnapshots?: boolean; format: 'table' | 'json' }): Promise<void> {
  const rows = await withStore(ctx, options, (store) => store.whoUses(pattern, { allSnapshots: Boolean(options.allSnapshots) }));
  if (options.format === 'json') {
    const json = rows.map((r) => ({ repo: r.repo, ref: r.ref, commit: r.commit, name: r.name, version: r.version, purl: r.purl, direct: r.direct, lockfile: r.lockfile, ...(options.allSnapshots ? { takenAt: r.takenAt } : {}), ...(r.versionUnknown ? { versionUnknown: true } : {}) }));
    ctx.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (rows.length === 0) {
    ctx.io.stdout(`no repository uses ${pattern}\n`);
  } else {
    const header = ['REPO', 'REF', 'COMMIT', 'PACKAGE', 'DIRECT', 'LOCKFILE', ...(options.allSnapshots ? ['TAKEN AT'] : [])];
    ctx.io.stdout(
      renderTable(
        header,
        rows.map((r) => [r.repo, r.ref, r.commit ?? '', `${r.name}@${r.version}${r.versionUnknown ? ' (version not comparable)' : ''}`, r.direct ? 'yes' : 'no', r.lockfile, ...(options.allSnapshots ? [r.takenAt] : [])]),
      ),
    );
  }
  ctx.exitCode = EXIT.ok;
}

function findingJson(f: StoredFinding): object {
  return {
    repo: f.repo,
    ref: f.ref,
    commit: f.commit,
    rule: f.finding.rule,
    action: f.finding.action,
    severity: f.finding.severity,
    name: f.finding.name,
    version: f.finding.version,
    purl: f.purl,
    advisories: f.finding.advisories ?? [],
    fixed: f.finding.fixed ?? null,
    message: f.finding.message,
    lockfile: f.finding.location?.file ?? null,
    ...(f.vex ? { vex: { status: f.vex.status, justification: f.vex.justification ?? null, detail: f.vex.detail ?? null, document: f.vex.document } } : {}),
  };
}

/** The JSON document `inventory reevaluate --format json` prints. */
export function reevaluationJson(r: ReevaluationResult): object {
  return {
    run: r.run,
    source: r.source,
    dataAsOf: r.dataAsOf?.toISOString() ?? null,
    repositories: r.heads.length,
    packagesQueried: r.packagesQueried,
    new: r.new.map(findingJson),
    resolved: r.resolved.map(findingJson),
    open: r.open.map(findingJson),
    suppressed: r.suppressed.map(findingJson),
    notEvaluated: r.notEvaluated,
  };
}

/** `2 repositories`, or `1 repository (3 refs)`: a head is one ref of a repository, not a repository. */
function headsText(r: ReevaluationResult): string {
  const repos = new Set(r.heads.map((h) => h.repo)).size;
  const refs = r.heads.length;
  return `${repos} ${repos === 1 ? 'repository' : 'repositories'}${refs === repos ? '' : ` (${refs} refs)`}`;
}

function reevaluationMarkdown(r: ReevaluationResult): string {
  const lines = [
    `**lockwarden re-evaluation**: ${r.new.length} new, ${r.resolved.length} resolved, ${r.open.length} still open, ${r.suppressed.length} suppressed by VEX; ${headsText(r)}, ${r.packagesQueried} distinct packages, advisories from ${escapeMarkdown(r.source)}${r.dataAsOf ? ` (data as of ${r.dataAsOf.toISOString().slice(0, 10)})` : ''}.`,
  ];
  const section = (title: string, list: StoredFinding[]) => {
    if (list.length === 0) return;
    lines.push('', `### ${title}`, '', '| repository | package | severity | advisories | fixed in | summary |', '|---|---|---|---|---|---|');
    for (const f of list) {
      lines.push(
        `| ${escapeMarkdown(`${f.repo}@${f.ref}`)} | ${markdownCode(`${f.finding.name}@${f.finding.version}`)} | ${f.finding.severity} | ${(f.finding.advisories ?? []).map((t) => escapeMarkdown(t)).join(', ')} | ${escapeMarkdown(f.finding.fixed ?? '')} | ${escapeMarkdown(f.finding.message)} |`,
      );
    }
  };
  section('New', r.new);
  section('Resolved', r.resolved);
  section('Still open', r.open);
  if (r.suppressed.length > 0) {
    lines.push('', '### Suppressed by VEX', '');
    for (const f of r.suppressed) lines.push(`- ${escapeMarkdown(`${f.repo}@${f.ref}`)} ${markdownCode(`${f.finding.name}@${f.finding.version}`)} ${escapeMarkdown(f.advisory)}: not_affected (${escapeMarkdown(f.vex?.justification ?? f.vex?.detail ?? '')}; ${escapeMarkdown(f.vex?.document ?? '')})`);
  }
  return `${lines.join('\n')}\n`;
}

function reevaluationTable(r: ReevaluationResult): string {
  const rows = [...r.new.map((f) => ['new', f] as const), ...r.resolved.map((f) => ['resolved', f] as const), ...r.open.map((f) => ['open', f] as const), ...r.suppressed.map((f) => ['vex', f] as const)].map(([state, f]) => [
    state,
    `${f.repo}@${f.ref}`,
    f.finding.action,
    f.finding.severity,
    `${f.finding.name}@${f.finding.version}`,
    (f.finding.advisories ?? []).join(','),
    f.finding.fixed ?? '',
  ]);
  const table = rows.length > 0 ? renderTable(['STATE', 'REPOSITORY', 'ACTION', 'SEVERITY', 'PACKAGE', 'ADVISORIES', 'FIXED'], rows) : '';
  return `${table}${r.new.length} new, ${r.resolved.length} resolved, ${r.open.length} open, ${r.suppressed.length} suppressed; ${headsText(r)}, ${r.packagesQueried} packages; ${r.source}\n`;
}

function reevaluationDecision(r: ReevaluationResult): Decision {
  const findings = [...r.new, ...r.open].map((f) => f.finding);
  return {
    verdict: hasBlockingFindings(findings) ? 'fail' : 'pass',
    mode: 'audit',
    findings,
    exceptionsApplied: [],
    exceptionsExpired: [],
    quarantineApproved: [],
    notEvaluated: [],
    warnings: [],
    errors: [],
    packagesJudged: r.packagesQueried,
    data: [{ kind: 'advisories', source: r.source, ...(r.dataAsOf ? { asOf: r.dataAsOf.toISOString() } : {}) }],
    evaluatedAt: new Date().toISOString(),
  };
}

export async function reevaluateAction(
  ctx: CommandContext,
  options: StoreFlag & { offline?: boolean; db?: string; osvUrl?: string; policy?: string; format: 'table' | 'json' | 'markdown' | 'sarif' },
): Promise<void> {
  const policy = await loadRunPolicy({ cwd: ctx.io.cwd, ...(options.policy ? { policyFile: options.policy } : {}) });
  for (const w of policy.warnings) ctx.logger.warn(w);
  // The OSV record cache is keyed by `modified`: an unchanged advisory is not fetched again on the next run.
  const source = createAdvisorySource({
    ...options,
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    logger: ctx.logger,
    cacheDir: ctx.io.env.LOCKWARDEN_CACHE_DIR ?? '.lockwarden-cache',
  });
  let result: ReevaluationResult;
  try {
    result = await withStore(ctx, options, (store) => reevaluate(store, source, { policy: policy.policy }));
  } finally {
    await source.close?.();
  }
  for (const n of result.notEvaluated) ctx.logger.warn(`not evaluated: ${n}`);
  if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(reevaluationJson(result), null, 2)}\n`);
  else if (options.format === 'markdown') ctx.io.stdout(reevaluationMarkdown(result));
  else if (options.format === 'sarif') ctx.io.stdout(renderReport('sarif', { decision: reevaluationDecision(result), toolVersion: VERSION }));
  else ctx.io.stdout(reevaluationTable(result));
  // A scheduled run fails when something blocking became known since the last run; old findings were reported then.
  ctx.exitCode = hasBlockingFindings(result.new.map((f) => f.finding)) ? EXIT.violation : EXIT.ok;
}

export async function vexImportAction(ctx: CommandContext, file: string, options: StoreFlag & { repo?: string }): Promise<void> {
  let text: string;
  try {
    text = readFileSync(resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot read VEX document ${file}`, { cause: err });
  }
  const statements = readVex(text, file, options.repo ?? null);
  const stored = await withStore(ctx, options, (store) => store.addVexStatements(statements));
  ctx.io.stdout(`imported ${stored} VEX statement(s) from ${file} for ${options.repo ?? 'every repository'}\n`);
  ctx.exitCode = EXIT.ok;
}

async function headOf(store: InventoryStore, repo: string, ref: string | undefined) {
  const snapshot = await store.latestSnapshot(repo, ref);
  if (!snapshot) throw new LockwardenError('USAGE_ERROR', `the store has no snapshot of ${repo}${ref ? ` at ${ref}` : ''} (run inventory ingest first)`);
  return snapshot;
}

export async function vexExportAction(ctx: CommandContext, options: StoreFlag & { repo: string; ref?: string; output?: string }): Promise<void> {
  const doc = await withStore(ctx, options, async (store) => {
    const snapshot = await headOf(store, options.repo, options.ref);
    return cycloneDxVex({
      repo: snapshot.repo,
      ref: snapshot.ref,
      commit: snapshot.commit,
      findings: await store.findings(snapshot.repo, snapshot.ref),
      components: await store.components(snapshot.id),
      now: new Date(),
      toolVersion: VERSION,
    });
  });
  write(ctx, `${JSON.stringify(doc, null, 2)}\n`, options.output);
  ctx.exitCode = EXIT.ok;
}

export async function reportAction(ctx: CommandContext, options: StoreFlag & { repo: string; ref?: string; output?: string; format: 'json' | 'markdown' | 'html' }): Promise<void> {
  const record = await withStore(ctx, options, async (store) => {
    const snapshot = await headOf(store, options.repo, options.ref);
    return complianceRecord(snapshot, await store.components(snapshot.id), await store.findings(snapshot.repo, snapshot.ref));
  });
  const text = options.format === 'html' ? complianceHtml(record) : options.format === 'markdown' ? complianceMarkdown(record) : `${JSON.stringify(record, null, 2)}\n`;
  write(ctx, text, options.output);
  ctx.exitCode = EXIT.ok;
}
