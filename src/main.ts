import * as core from '@actions/core';
import * as github from '@actions/github';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensureCommit, isLockwardenError, redactSecrets, renderReport, runCheck, type CheckResult, type Finding, type Logger } from '@lockwarden/core';
import { readInputs, type ActionInputs } from './inputs.js';
import { resolveTarget, type RunTarget } from './event.js';
import { createGitHubClient, type GitHubClient } from './github-client.js';
import { currentLabels, stickyBody, upsertStickyComment, MAX_COMMENT_LENGTH } from './sticky-comment.js';
import { pickAnnotations } from './annotations.js';
import { syncAuditIssue } from './audit-issue.js';
import { resolveTokenIdentity } from './token-identity.js';
import { buildCheckDeps } from './check-deps.js';
import { workflowSafe } from './workflow-text.js';
import { VERSION } from './version.js';

/** Room left for the marker and the overflow note inside GitHub's comment limit. */
const COMMENT_BUDGET = MAX_COMMENT_LENGTH - 2_000;

/** Every line the Action logs passes `workflowSafe`: credentials redacted, no workflow command from data. */
const actionsLogger: Logger = {
  debug: (m) => core.debug(workflowSafe(m)),
  info: (m) => core.info(workflowSafe(m)),
  warn: (m) => core.warning(workflowSafe(m)),
};

/**
 * The Action: read inputs and the event, run the core's check, and report where GitHub shows it (step result,
 * sticky PR comment, job summary, annotations, SARIF, audit issue). Errors are mapped to a failed step once, here.
 */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (err) {
    const message = isLockwardenError(err) || err instanceof Error ? err.message : String(err);
    core.setOutput('verdict', 'error');
    core.setFailed(redactSecrets(`lockwarden could not evaluate: ${message}`));
  }
}

async function runAction(): Promise<void> {
  const inputs = readInputs();
  const { context } = github;
  const target = resolveTarget(context.eventName, context.payload, inputs);
  core.info(`lockwarden: ${target.reason}`);
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  for (const sha of [target.base, target.head]) {
    if (sha) ensureCommit(cwd, sha, (m) => core.notice(m));
  }

  const client = inputs.token ? createGitHubClient(inputs.token, (m) => core.info(m)) : undefined;
  const issue = target.pullNumber ? { ...context.repo, number: target.pullNumber } : undefined;
  const labels = client && issue ? await currentLabels(client, issue, target.labels) : target.labels;
  const approved = labels.includes(inputs.approveLabel);
  if (approved) core.info(`label "${inputs.approveLabel}" is on the PR: quarantined findings are approved`);

  const result = await runCheck(
    {
      cwd,
      mode: target.mode,
      ...(target.base ? { base: target.base } : {}),
      ...(target.head ? { head: target.head } : {}),
      ...(inputs.policy ? { policyFile: inputs.policy } : {}),
      // Under pull_request_target the PR must not be able to relax the policy that judges it.
      ...(context.eventName === 'pull_request_target' && target.base ? { policyRef: target.base } : {}),
      approveQuarantine: approved,
      offline: inputs.offlineDb !== undefined,
      // The input can only loosen to fail-open; `false` (the default) keeps what the policy says.
      ...(inputs.failOpen ? { failOpen: true, failOpenOrigin: "the Action's fail-open input" } : {}),
    },
    buildCheckDeps(inputs, actionsLogger),
  );
  await report(inputs, target, result, client);
}

async function report(inputs: ActionInputs, target: RunTarget, result: CheckResult, client: GitHubClient | undefined): Promise<void> {
  const { decision } = result;
  const input = { ...result.report, toolVersion: VERSION };
  core.setOutput('verdict', decision.verdict);
  core.setOutput('findings', redactSecrets(JSON.stringify(decision.findings)));

  const full = renderReport('markdown', input);
  await core.summary.addRaw(full, true).write();

  for (const a of pickAnnotations(decision.findings)) core[a.level](redactSecrets(a.message), a.properties);

  if (inputs.sarif) {
    writeOutputFile(inputs.sarif, renderReport('sarif', input));
    core.setOutput('sarif', inputs.sarif);
  }
  if (inputs.sbom) {
    const { writeSbom } = await import('./sbom-output.js');
    await writeSbom(inputs.sbom, result.inventories, VERSION);
    core.setOutput('sbom', inputs.sbom);
  }
  if (inputs.inventoryStore && isDefaultBranchPush()) {
    const { ingestHead } = await import('./inventory-ingest.js');
    core.info(await ingestHead(inputs.inventoryStore, result.inventories));
  }

  const runUrl = `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${github.context.repo.owner}/${github.context.repo.repo}/actions/runs/${github.context.runId}`;
  if (client && target.pullNumber && inputs.comment !== 'never') {
    const markdown = renderReport('markdown', input, { markdown: { maxLength: COMMENT_BUDGET, truncatedNote: `The full report is in the [job summary](${runUrl}).` } });
    const outcome = await upsertStickyComment(
      client,
      { ...github.context.repo, number: target.pullNumber },
      // The footer names the run, so every run visibly refreshes the one comment.
      stickyBody(
        `${markdown}\n\n<sub>lockwarden ${VERSION} · [workflow run ${github.context.runId}](${runUrl})</sub>\n`,
        `The report was cut to fit a comment: the full report is in the [job summary](${runUrl}).`,
      ),
      // A clean PR still gets its earlier comment edited to say so, even with comment: on-failure.
      { createIfMissing: inputs.comment === 'always' || decision.verdict !== 'pass', me: await resolveTokenIdentity(client) },
    );
    if (outcome.outcome === 'forbidden') {
      core.notice(
        `lockwarden cannot comment on this PR (HTTP ${outcome.status}: a fork's read-only token?); the report is in the job summary and annotations`,
      );
    } else if (outcome.outcome !== 'skipped') {
      core.setOutput('comment-url', outcome.url);
      core.info(`PR comment ${outcome.outcome}: ${outcome.url}`);
    }
  }

  if (client && target.mode === 'audit' && ['schedule', 'workflow_dispatch'].includes(github.context.eventName)) {
    const outcome = await syncAuditIssue(client, github.context.repo, decision.findings, {
      body: (findings) => renderReport('markdown', { ...input, decision: { ...decision, findings: [...findings] } }, { markdown: { maxLength: COMMENT_BUDGET, truncatedNote: `The full report is in the [job summary](${runUrl}).` } }),
      newSince: (findings) => `New since the last audit:\n\n${renderReport('markdown', { ...input, decision: { ...decision, findings: [...findings] } }, { markdown: { maxLength: COMMENT_BUDGET, truncatedNote: `The full report is in the [job summary](${runUrl}).` } })}`,
      clean: 'The latest audit found nothing: closing.',
    }, await resolveTokenIdentity(client));
    if (outcome.outcome !== 'none') core.info(`audit issue ${outcome.outcome}: ${outcome.url}`);
  }

  conclude(inputs, decision.verdict, decision.findings, decision.errors);
}

/** Required-check semantics: violations and "could not evaluate" fail with different messages. */
function conclude(inputs: ActionInputs, verdict: 'pass' | 'fail' | 'error', findings: Finding[], errors: string[]): void {
  if (verdict === 'fail') {
    const blocking = findings.filter((f) => f.action === 'block').length;
    const quarantined = findings.filter((f) => f.action === 'quarantine').length;
    core.setFailed(`lockwarden: policy violated: ${blocking} blocking and ${quarantined} quarantined finding(s)`);
  } else if (verdict === 'error') {
    const why = redactSecrets(errors.join('; ')) || 'a data source failed';
    if (inputs.failOpen) core.warning(`lockwarden could not evaluate everything (fail-open): ${why}`);
    else core.setFailed(`lockwarden could not evaluate: ${why}`);
  } else {
    core.info('lockwarden: passed');
  }
}

function writeOutputFile(path: string, content: string): void {
  const full = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}

/** A push to the repository's default branch: the builds whose inventory is kept. */
function isDefaultBranchPush(): boolean {
  const defaultBranch = (github.context.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  return github.context.eventName === 'push' && defaultBranch !== undefined && github.context.ref === `refs/heads/${defaultBranch}`;
}
