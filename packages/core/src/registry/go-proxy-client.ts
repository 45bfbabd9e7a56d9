import { UnexpectedResponseError } from '../http/response-shape.js';
import { jsonBody } from './registry-json.js';
import { GoInfoSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import type { PackageMetadata, RegistryClient, VersionMetadata } from './types.js';

/** The go command's default `GOPROXY`. */
export const GOPROXY_DEFAULT = 'https://proxy.golang.org,direct';

/**
 * The proxies the go command would ask, in order, from `GOPROXY` (comma- or pipe-separated). `direct` and `off`
 * are not HTTP proxies and are skipped: lockwarden does not clone version-control repositories.
 */
export function resolveGoProxies(env: Record<string, string | undefined>): string[] {
  const value = env.GOPROXY && env.GOPROXY !== '' ? env.GOPROXY : GOPROXY_DEFAULT;
  return value
    .split(/[,|]/)
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\//.test(s))
    .map((s) => (s.endsWith('/') ? s : `${s}/`));
}

/** Module path escaping of the module proxy protocol: each upper-case letter becomes `!` + its lower case. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/**
 * The Go module proxy protocol: `@v/list` for versions, `@v/<version>.info` for a version's time. A 404 or 410
 * from a proxy means "not here", and the next proxy in `GOPROXY` is asked, as the go command does.
 */
export class GoProxyRegistryClient implements RegistryClient {
  readonly ecosystem = 'Go' as const;

  constructor(
    private readonly proxies: string[],
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const escaped = escapeModulePath(name);
    for (const proxy of this.proxies) {
      const list = await this.fetcher.get(`${proxy}${escaped}/@v/list`, 'Go module proxy');
      if (list.status === 404) continue;
      const lines = list.body
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // The list is plain text, one semantic version per line; anything else (an HTML page, `{}`) is a broken proxy.
      const bad = lines.find((l) => !/^v\d+\.\d+\.\d+\S*$/.test(l));
      if (bad !== undefined) throw new UnexpectedResponseError('Go module proxy', `${escaped}/@v/list: unexpected response shape (a line is not a version)`);
      const versions: VersionMetadata[] = lines.map((version) => ({ version, publishing: { level: 'none' } }));
      const meta: PackageMetadata = { ecosystem: this.ecosystem, name, exists: true, registry: proxy, versions };
      const latest = await this.info(proxy, `${escaped}/@latest`);
      if (latest?.version) {
        meta.latest = latest.version;
        if (!versions.some((v) => v.version === latest.version)) versions.push({ version: latest.version, publishing: { level: 'none' } });
      }
      return meta;
    }
    return { ecosystem: this.ecosystem, name, exists: false, registry: this.proxies[0] ?? '', versions: [] };
  }

  /** One version's publish time (`@v/<version>.info`); the list alone carries no times. */
  async getVersion(name: string, version: string): Promise<VersionMetadata | undefined> {
    const escaped = escapeModulePath(name);
    for (const proxy of this.proxies) {
      const info = await this.info(proxy, `${escaped}/@v/${escapeModulePath(version)}.info`);
      if (info) return { version, publishing: { level: 'none' }, ...(info.time ? { publishedAt: info.time } : {}) };
    }
    return undefined;
  }

  private async info(proxy: string, path: string): Promise<{ version?: string; time?: string } | undefined> {
    const res = await this.fetcher.get(`${proxy}${path}`, 'Go module proxy', {}, jsonBody(GoInfoSchema, 'Go module proxy', path));
    if (res.status === 404) return undefined;
    const doc = res.doc as Record<string, unknown>;
    return {
      ...(typeof doc.Version === 'string' ? { version: doc.Version } : {}),
      ...(typeof doc.Time === 'string' ? { time: doc.Time } : {}),
    };
  }
}
