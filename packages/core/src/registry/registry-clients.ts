import { homedir } from 'node:os';
import { HubRegistryClient, hubSettings } from './huggingface-client.js';
import { join } from 'node:path';
import { sourceDeadlineFromEnv } from '../http/source-deadline.js';
import type { Logger } from '../log/logger.js';
import type { Ecosystem } from '../model/ecosystem.js';
import { CRATES_DEFAULT_API, CratesRegistryClient } from './crates-client.js';
import { DiskCache } from './disk-cache.js';
import { GoProxyRegistryClient, resolveGoProxies } from './go-proxy-client.js';
import { NpmRegistryClient } from './npm-client.js';
import { NpmRegistryConfig } from './npmrc.js';
import { PypiRegistryClient, resolvePipIndexUrl } from './pypi-client.js';
import { RegistryFetcher } from './registry-fetcher.js';
import { RegistryHttp, type RegistryHttpOptions } from './registry-http.js';
import { RUBYGEMS_DEFAULT, RubyGemsRegistryClient } from './rubygems-client.js';
import { PACKAGIST_DEFAULT, PackagistRegistryClient } from './packagist-client.js';
import { NUGET_DEFAULT_INDEX, NugetRegistryClient } from './nuget-client.js';
import { MAVEN_CENTRAL_DEFAULT, MavenRegistryClient } from './maven-client.js';
import { PubRegistryClient, resolvePubHostedUrl } from './pub-client.js';
import { HexRegistryClient, resolveHexApiUrl } from './hex-client.js';
import { CocoaPodsRegistryClient, resolveCocoaPodsTrunkUrl } from './cocoapods-client.js';
import { resolveSwiftSourceHost, SwiftGithubRegistryClient } from './swift-github-client.js';
import { findVersion, type PackageMetadata, type RegistryClient } from './types.js';

/** How to build the clients: where configuration comes from, the cache, HTTP tuning. */
export interface RegistryClientsOptions {
  /** Project directory (for the project `.npmrc`). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** On-disk cache directory; `null` disables the cache. Default: `$LOCKWARDEN_CACHE_DIR` or `~/.cache/lockwarden/registry`. */
  cacheDir?: string | null;
  /** How long cached answers stay fresh. Default 1 hour. */
  cacheTtlMs?: number;
  http?: RegistryHttpOptions;
  /**
   * How long one registry may keep lookups waiting without answering any, per run (`--source-deadline`); else
   * `LOCKWARDEN_SOURCE_DEADLINE` seconds, else 60 s.
   */
  deadlineMs?: number;
  logger?: Logger;
  /** Replaces `npm config get registry` (tests). */
  askNpm?: () => Promise<string | undefined>;
  /** Registry base URLs that override discovery, per ecosystem (tests, or a policy naming an internal mirror). */
  endpoints?: Partial<Record<Ecosystem, string>>;
}

/** The default cache directory, under a path the GitHub Action can persist with actions/cache. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  if (env.LOCKWARDEN_CACHE_DIR) return env.LOCKWARDEN_CACHE_DIR;
  const base = env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), '.cache');
  return join(base, 'lockwarden', 'registry');
}

/**
 * One client per ecosystem, created on first use (the npm configuration is read only if an npm package is looked
 * up). Swift packages have no registry: their GitHub source host answers instead (other hosts are
 * unsupported, which the rules report as "not evaluated").
 */
export class RegistryClients {
  private readonly fetcher: RegistryFetcher;
  private readonly clients = new Map<Ecosystem, Promise<RegistryClient | undefined>>();

  constructor(private readonly options: RegistryClientsOptions) {
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir(options.env) : options.cacheDir;
    const cache = cacheDir === null ? undefined : new DiskCache(cacheDir, options.cacheTtlMs ?? 60 * 60 * 1000);
    const deadlineMs = options.http?.deadlineMs ?? options.deadlineMs ?? sourceDeadlineFromEnv(options.env);
    const http = new RegistryHttp({
      ...options.http,
      ...(deadlineMs !== undefined ? { deadlineMs } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.fetcher = new RegistryFetcher({ http, ...(cache ? { cache } : {}) });
  }

  /** Ecosystems this build can look up. */
  static readonly SUPPORTED: readonly Ecosystem[] = ['npm', 'PyPI', 'crates.io', 'Go', 'RubyGems', 'Packagist', 'NuGet', 'Maven', 'Pub', 'Hex', 'CocoaPods', 'SwiftURL', 'Hugging Face'];

  /** The client for an ecosystem, or `undefined` when there is none. */
  get(ecosystem: Ecosystem): Promise<RegistryClient | undefined> {
    let client = this.clients.get(ecosystem);
    if (!client) {
      client = this.create(ecosystem);
      this.clients.set(ecosystem, client);
    }
    return client;
  }

  private async create(ecosystem: Ecosystem): Promise<RegistryClient | undefined> {
    const { env, endpoints = {} } = this.options;
    switch (ecosystem) {
      case 'npm': {
        const config = endpoints.npm
          ? await NpmRegistryConfig.load({ ...this.sources(), env: { ...env, npm_config_registry: endpoints.npm } })
          : await NpmRegistryConfig.load(this.sources());
        return new NpmRegistryClient(config, this.fetcher);
      }
      case 'PyPI':
        return new PypiRegistryClient(endpoints.PyPI ?? resolvePipIndexUrl(env), this.fetcher);
      case 'crates.io':
        return new CratesRegistryClient(slash(endpoints['crates.io'] ?? CRATES_DEFAULT_API), this.fetcher);
      case 'Go':
        return new GoProxyRegistryClient(endpoints.Go ? [slash(endpoints.Go)] : resolveGoProxies(env), this.fetcher);
      case 'RubyGems':
        return new RubyGemsRegistryClient(slash(endpoints.RubyGems ?? RUBYGEMS_DEFAULT), this.fetcher);
      case 'Packagist':
        return new PackagistRegistryClient(slash(endpoints.Packagist ?? PACKAGIST_DEFAULT), this.fetcher);
      case 'NuGet':
        return new NugetRegistryClient(endpoints.NuGet ?? NUGET_DEFAULT_INDEX, this.fetcher);
      case 'Maven':
        return new MavenRegistryClient(slash(endpoints.Maven ?? MAVEN_CENTRAL_DEFAULT), this.fetcher);
      case 'Pub':
        return new PubRegistryClient(endpoints.Pub ? slash(endpoints.Pub) : resolvePubHostedUrl(env), this.fetcher);
      case 'Hex':
        return new HexRegistryClient(endpoints.Hex ? slash(endpoints.Hex) : resolveHexApiUrl(env), this.fetcher);
      case 'SwiftURL': {
        const host = resolveSwiftSourceHost(env);
        return new SwiftGithubRegistryClient(endpoints.SwiftURL ? { ...host, api: slash(endpoints.SwiftURL) } : host, this.fetcher);
      }
      case 'CocoaPods':
        return new CocoaPodsRegistryClient(endpoints.CocoaPods ? slash(endpoints.CocoaPods) : resolveCocoaPodsTrunkUrl(env), this.fetcher);
      case 'Hugging Face': {
        const hub = hubSettings(env);
        return new HubRegistryClient({ ...hub, ...(endpoints['Hugging Face'] ? { endpoint: endpoints['Hugging Face'] } : {}) }, this.fetcher);
      }
      default:
        return undefined;
    }
  }

  private sources(): { cwd: string; env: Record<string, string | undefined>; askNpm?: () => Promise<string | undefined> } {
    return { cwd: this.options.cwd, env: this.options.env, ...(this.options.askNpm ? { askNpm: this.options.askNpm } : {}) };
  }
}

/** One package (and optionally one version) to look up. */
export interface LookupRequest {
  ecosystem: Ecosystem;
  name: string;
  version?: string;
}

/** The answer for one request: metadata, "no client for this ecosystem", or the outage that prevented it. */
export type LookupResult =
  | { status: 'ok'; metadata: PackageMetadata }
  | { status: 'unsupported' }
  | { status: 'error'; error: unknown };

/** Key of a lookup result: `ecosystem:name`. */
export function lookupKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}:${name}`;
}

/**
 * Looks up each distinct package once, at most `concurrency` at a time. Versions whose times the package document
 * lacks are completed with the client's `getVersion`. Failures are values in the result, so one registry's outage
 * leaves the others' answers usable.
 */
export async function lookupPackages(
  requests: readonly LookupRequest[],
  clients: RegistryClients,
  concurrency = 8,
): Promise<Map<string, LookupResult>> {
  const results = new Map<string, LookupResult>();
  const versionsWanted = new Map<string, Set<string>>();
  const queue: LookupRequest[] = [];
  for (const r of requests) {
    const key = lookupKey(r.ecosystem, r.name);
    if (!versionsWanted.has(key)) {
      versionsWanted.set(key, new Set());
      queue.push(r);
    }
    if (r.version) versionsWanted.get(key)!.add(r.version);
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const r = queue[next++]!;
      const key = lookupKey(r.ecosystem, r.name);
      try {
        const client = await clients.get(r.ecosystem);
        if (!client || (client.supports && !client.supports(r.name))) {
          results.set(key, { status: 'unsupported' });
          continue;
        }
        const metadata = await client.getPackage(r.name);
        if (metadata.exists && client.getVersion) {
          for (const version of versionsWanted.get(key) ?? []) {
            const known = findVersion(metadata, version);
            if (known?.publishedAt) continue;
            const detail = await client.getVersion(r.name, version);
            if (detail) metadata.versions = [...metadata.versions.filter((v) => v.version !== version), detail];
          }
        }
        results.set(key, { status: 'ok', metadata });
      } catch (error) {
        results.set(key, { status: 'error', error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  return results;
}

function slash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
