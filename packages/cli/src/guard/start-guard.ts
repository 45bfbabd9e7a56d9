import { resolve } from 'node:path';
import {
  createAdvisorySource,
  loadPolicy,
  NpmRegistryConfig,
  resolvePipIndexUrl,
  type Logger,
} from '@lockwarden/core';
import { BatchingAdvisorySource } from './advisory-batcher.js';
import { AuditLog } from './audit-log.js';
import { Judge } from './judge.js';
import { startProxyServer, type ProxyServer } from './proxy-server.js';
import { UpstreamHttp } from './upstream-http.js';

/** Flags shared by `guard serve` and `guard -- COMMAND`. */
export interface GuardFlags {
  port?: string;
  host?: string;
  policy?: string;
  db?: string;
  osvUrl?: string;
  auditLog?: string;
  npmUpstream?: string;
  pypiUpstream?: string;
  upstreamTimeout?: string;
  verbose?: boolean;
}

export interface StartedGuard {
  server: ProxyServer;
  /** Every decision the proxy made; `runGuarded` recaps the notable ones after a failed command. */
  audit: AuditLog;
  /** The scopes with registries of their own, which the wrapper points at the proxy too. */
  npmScopes: string[];
  upstreams: { npm: string; pypi: string };
}

/**
 * Builds the proxy from flags and the user's configuration, as `check` would judge: the policy file (or the
 * default discovery), the advisory source (offline DB with `--db`, else the OSV API), the npm upstreams from the
 * `.npmrc` chain and the Python index from `--pypi-upstream`, `UV_DEFAULT_INDEX`, `PIP_INDEX_URL` or pip.conf.
 */
export async function startGuard(
  flags: GuardFlags,
  context: { cwd: string; env: Record<string, string | undefined>; logger: Logger; stderr: (s: string) => void },
): Promise<StartedGuard> {
  const { cwd, env, logger } = context;
  const loaded = flags.policy ? loadPolicy({ root: cwd, file: flags.policy }) : loadPolicy({ root: cwd });
  for (const w of loaded.warnings) logger.warn(w);
  const advisories = createAdvisorySource({
    ...(flags.db ? { db: flags.db } : {}),
    ...(flags.osvUrl ? { osvUrl: flags.osvUrl } : {}),
    cwd,
    env,
    logger,
  });
  const npm = await NpmRegistryConfig.load({ cwd, env: flags.npmUpstream ? { ...env, npm_config_registry: flags.npmUpstream } : env });
  const pypiIndex = flags.pypiUpstream ?? env.UV_DEFAULT_INDEX ?? env.UV_INDEX_URL ?? resolvePipIndexUrl(env);
  const timeoutMs = flags.upstreamTimeout ? Number(flags.upstreamTimeout) * 1000 : undefined;
  const http = new UpstreamHttp(timeoutMs && Number.isFinite(timeoutMs) ? { timeoutMs } : {});
  const audit = new AuditLog({
    ...(flags.auditLog ? { file: resolve(cwd, flags.auditLog) } : {}),
    stderr: context.stderr,
    ...(flags.verbose ? { verbose: true } : {}),
  });
  const judge = new Judge({ policy: loaded.policy, advisories: new BatchingAdvisorySource(advisories) });
  const server = await startProxyServer({
    host: flags.host ?? '127.0.0.1',
    port: flags.port ? Number(flags.port) : 0,
    npm,
    pypiIndex,
    http,
    judge,
    audit,
  });
  return { server, audit, npmScopes: [...npm.scopedRegistries().keys()], upstreams: { npm: npm.registry, pypi: pypiIndex } };
}
