import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import {
  isRuleId,
  parseVetTarget,
  renderReport,
  runCheck,
  vetPackage,
  RegistryEnrichmentSource,
  type AdvisorySource,
  type Finding,
  type Logger,
  type Policy,
  type RegistryClients,
} from '@lockwarden/core';
import { VERSION } from '../version.js';
import { RULE_EXPLANATIONS } from './rule-explanations.js';

/** What the MCP tools use; built once per server from flags and the environment. */
export interface McpDeps {
  cwd: string;
  policy: Policy;
  /** The policy file given with `--policy`, for check_dependency_change. */
  policyFile?: string;
  registry: RegistryClients;
  advisories?: AdvisorySource;
  logger: Logger;
  now?: () => Date;
}

const FindingSchema = z.object({
  rule: z.string(),
  action: z.string(),
  severity: z.string(),
  message: z.string(),
  advisories: z.array(z.string()).optional(),
  remedy: z.string().optional(),
});

const VerdictSchema = z.object({
  spec: z.string(),
  ecosystem: z.string(),
  name: z.string(),
  version: z.string().optional().describe('the version judged: the one asked for, else the registry latest'),
  exists: z.boolean().optional().describe('the registry knows the name; absent when the registry could not be asked'),
  verdict: z.enum(['pass', 'fail', 'error']),
  findings: z.array(FindingSchema),
  didYouMean: z.string().optional().describe('the popular package a typosquat imitates'),
  safeVersion: z.string().optional().describe('the newest version that passes the policy: pin this'),
  errors: z.array(z.string()),
});

/**
 * The MCP server: `vet_packages` (judge before installing), `check_dependency_change` (the `check` report of the
 * working tree against a base) and `explain_finding`. Bad arguments come back as tool errors (`isError`), never as
 * a crash of the server.
 */
export function createMcpServer(deps: McpDeps): McpServer {
  const server = new McpServer({ name: 'lockwarden', version: VERSION });

  server.registerTool(
    'vet_packages',
    {
      title: 'Vet packages before installing them',
      description:
        'Judge packages against the supply-chain policy before adding them: malware and vulnerability advisories, ' +
        'names that do not exist (hallucinated), typosquats, releases too new to trust. Give TYPE:NAME[@VERSION] ' +
        '(npm:lodash, pypi:requests@2.32.3) or purls. Without a version the latest is judged; safeVersion is the newest version to pin.',
      inputSchema: { packages: z.array(z.string()).min(1).max(100).describe('TYPE:NAME[@VERSION] or purls') },
      outputSchema: { results: z.array(VerdictSchema) },
    },
    async ({ packages }) => {
      const targets = packages.map((spec) => ({ spec, target: parseVetTarget(spec) }));
      const results = [];
      for (const { spec, target } of targets) {
        const v = await vetPackage(spec, target, {
          registry: deps.registry,
          ...(deps.advisories ? { advisories: deps.advisories } : {}),
          policy: deps.policy,
          now: deps.now?.() ?? new Date(),
        });
        results.push({ ...v, findings: v.findings.map(slimFinding) });
      }
      const structured = { results };
      return { content: [{ type: 'text', text: summary(results) }], structuredContent: structured };
    },
  );

  server.registerTool(
    'check_dependency_change',
    {
      title: 'Check dependency changes',
      description:
        'Judge what changed in the lockfiles between a base git ref (default HEAD) and a head ref (default the working tree), ' +
        'with the same policy as CI. Returns the check report (verdict, findings, what was not evaluated).',
      inputSchema: {
        base: z.string().optional().describe('git ref of the base; default HEAD'),
        head: z.string().optional().describe('git ref of the head; default the working tree'),
        paths: z.array(z.string()).optional().describe('limit to these lockfiles or folders'),
      },
      outputSchema: { verdict: z.enum(['pass', 'fail', 'error']), report: z.record(z.string(), z.unknown()) },
    },
    async ({ base, head, paths }) => {
      const result = await runCheck(
        {
          cwd: deps.cwd,
          mode: 'pr',
          base: base ?? 'HEAD',
          ...(head ? { head } : {}),
          ...(paths ? { paths } : {}),
          ...(deps.policyFile ? { policyFile: deps.policyFile } : {}),
        },
        {
          ...(deps.advisories ? { advisories: deps.advisories } : {}),
          registry: new RegistryEnrichmentSource(deps.registry),
          logger: deps.logger,
        },
      );
      const report = JSON.parse(renderReport('json', { ...result.report, toolVersion: VERSION })) as Record<string, unknown>;
      const text = `verdict: ${result.decision.verdict}; ${result.decision.findings.length} finding(s)`;
      return { content: [{ type: 'text', text }], structuredContent: { verdict: result.decision.verdict, report } };
    },
  );

  server.registerTool(
    'explain_finding',
    {
      title: 'Explain a finding',
      description: 'What a lockwarden rule means and how to resolve its finding; with a package, also what the rule says about it now.',
      inputSchema: {
        rule: z.string().describe('rule id, e.g. typosquat, release-age, malware'),
        package: z.string().optional().describe('TYPE:NAME[@VERSION] or a purl'),
      },
      outputSchema: {
        rule: z.string(),
        meaning: z.string(),
        fix: z.string(),
        findings: z.array(FindingSchema).optional(),
        didYouMean: z.string().optional(),
        safeVersion: z.string().optional(),
      },
    },
    async ({ rule, package: spec }) => {
      if (!isRuleId(rule)) throw new Error(`unknown rule "${rule}"; rules: ${Object.keys(RULE_EXPLANATIONS).join(', ')}`);
      const { meaning, fix } = RULE_EXPLANATIONS[rule];
      const out: Record<string, unknown> = { rule, meaning, fix };
      if (spec) {
        const v = await vetPackage(spec, parseVetTarget(spec), {
          registry: deps.registry,
          ...(deps.advisories ? { advisories: deps.advisories } : {}),
          policy: deps.policy,
          now: deps.now?.() ?? new Date(),
        });
        out.findings = v.findings.filter((f) => f.rule === rule).map(slimFinding);
        if (v.didYouMean) out.didYouMean = v.didYouMean;
        if (v.safeVersion) out.safeVersion = v.safeVersion;
      }
      return { content: [{ type: 'text', text: `${rule}: ${meaning}\nHow to fix: ${fix}` }], structuredContent: out };
    },
  );

  return server;
}

function slimFinding(f: Finding): z.infer<typeof FindingSchema> {
  return {
    rule: f.rule,
    action: f.action,
    severity: f.severity,
    message: f.message,
    ...(f.advisories?.length ? { advisories: f.advisories } : {}),
    ...(f.remedy ? { remedy: f.remedy } : {}),
  };
}

function summary(results: ReadonlyArray<{ spec: string; verdict: string; safeVersion?: string; didYouMean?: string; findings: { rule: string; message: string }[]; errors: string[] }>): string {
  return results
    .map((r) => {
      const why = r.errors.length ? r.errors.join('; ') : r.findings.filter((f) => f).map((f) => `${f.rule}: ${f.message}`).join('; ');
      const hints = [r.didYouMean ? `did you mean ${r.didYouMean}?` : '', r.safeVersion ? `safe version ${r.safeVersion}` : ''].filter(Boolean).join(', ');
      return `${r.spec}: ${r.verdict}${why ? ` (${why})` : ''}${hints ? ` — ${hints}` : ''}`;
    })
    .join('\n');
}
