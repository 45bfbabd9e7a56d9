import { isRecord } from '../parse/json.js';
import { jsonBody } from './registry-json.js';
import { GithubCommitSchema, GithubRefSchema, GithubRepoSchema, GithubTagSchema } from './response-schemas.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import type { PackageMetadata, RegistryClient, VersionMetadata } from './types.js';

/** Where the GitHub API lives when `GITHUB_API_URL` is not set. */
export const GITHUB_API_DEFAULT = 'https://api.github.com/';

/** The GitHub host and API a Swift package's source host is asked through. */
export interface SwiftSourceHost {
  /** Host part of package names served by this API (`github.com`, or a GitHub Enterprise Server host). */
  host: string;
  /** API base URL, ending in `/`. */
  api: string;
  /** Sent to the API host only (rate limits: 60 requests an hour without, 5,000 with). */
  token?: string;
}

/** The GitHub host from `GITHUB_SERVER_URL`/`GITHUB_API_URL` (as Actions sets them), token from `GITHUB_TOKEN`. */
export function resolveSwiftSourceHost(env: Record<string, string | undefined>): SwiftSourceHost {
  const api = env.GITHUB_API_URL && env.GITHUB_API_URL.trim() !== '' ? env.GITHUB_API_URL.trim() : GITHUB_API_DEFAULT;
  let host = 'github.com';
  try {
    if (env.GITHUB_SERVER_URL) host = new URL(env.GITHUB_SERVER_URL).host.toLowerCase();
  } catch {
    // An unreadable server URL keeps github.com.
  }
  return { host, api: api.endsWith('/') ? api : `${api}/`, ...(env.GITHUB_TOKEN ? { token: env.GITHUB_TOKEN } : {}) };
}

/**
 * Swift packages have no registry: SwiftPM resolves them from their git host. For packages on GitHub the API
 * answers what a registry would: whether the repository exists (`repos/<owner>/<repo>`: 404 means no such
 * package), when it was created, its licence, whether it is archived; and for a pinned version whether the tag
 * exists and when it was made (`git/ref/tags/<tag>`, then the annotated tag's `tagger.date` or the commit's
 * `committer.date`), trying `<version>` and `v<version>` as SwiftPM does. Other hosts are unsupported.
 */
export class SwiftGithubRegistryClient implements RegistryClient {
  readonly ecosystem = 'SwiftURL' as const;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly source: SwiftSourceHost,
    private readonly fetcher: RegistryFetcher,
  ) {
    this.headers = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      ...(source.token ? { authorization: `Bearer ${source.token}` } : {}),
    };
  }

  supports(name: string): boolean {
    return this.repoPath(name) !== undefined;
  }

  async getPackage(name: string): Promise<PackageMetadata> {
    const base = { ecosystem: this.ecosystem, name, registry: this.source.api };
    const path = this.repoPath(name);
    if (!path) return { ...base, exists: false, versions: [] };
    const res = await this.fetcher.get(`${this.source.api}repos/${path}`, 'GitHub API', this.headers, jsonBody(GithubRepoSchema, 'GitHub API', `repository ${path}`));
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    const repo = res.doc as Record<string, unknown>;
    const meta: PackageMetadata = { ...base, exists: true, versions: [], firstPublishedAt: String(repo.created_at) };
    if (typeof repo.html_url === 'string') meta.repository = repo.html_url.toLowerCase();
    const license = isRecord(repo.license) && typeof repo.license.spdx_id === 'string' && repo.license.spdx_id !== 'NOASSERTION' ? repo.license.spdx_id : undefined;
    if (license) meta.license = license;
    return meta;
  }

  async getVersion(name: string, version: string): Promise<VersionMetadata | undefined> {
    const path = this.repoPath(name);
    if (!path || version === '') return undefined;
    for (const tag of version.startsWith('v') ? [version] : [version, `v${version}`]) {
      const what = `tag ${tag} of ${path}`;
      const res = await this.fetcher.get(`${this.source.api}repos/${path}/git/ref/tags/${encodeURIComponent(tag)}`, 'GitHub API', this.headers, jsonBody(GithubRefSchema, 'GitHub API', what));
      if (res.status === 404) continue;
      const ref = res.doc as Record<string, unknown>;
      const object = ref.object as { type: string; sha: string };
      const publishedAt = await this.tagTime(path, object);
      return { version, publishing: { level: 'none' }, ...(publishedAt ? { publishedAt } : {}) };
    }
    return undefined;
  }

  /** An annotated tag's creation time, else the tagged commit's time. */
  private async tagTime(path: string, object: { type: string; sha: string }): Promise<string | undefined> {
    if (!/^[0-9a-f]{40}$/.test(object.sha)) return undefined;
    if (object.type === 'tag') {
      const what = `tag object ${object.sha} of ${path}`;
      const res = await this.fetcher.get(`${this.source.api}repos/${path}/git/tags/${object.sha}`, 'GitHub API', this.headers, jsonBody(GithubTagSchema, 'GitHub API', what));
      if (res.status === 404) return undefined;
      const tag = res.doc as Record<string, unknown>;
      return String((tag.tagger as { date: string }).date);
    }
    const what = `commit ${object.sha} of ${path}`;
    const res = await this.fetcher.get(`${this.source.api}repos/${path}/git/commits/${object.sha}`, 'GitHub API', this.headers, jsonBody(GithubCommitSchema, 'GitHub API', what));
    if (res.status === 404) return undefined;
    const commit = res.doc as Record<string, unknown>;
    return String((commit.committer as { date: string }).date);
  }

  /** `owner/repo` for `<host>/<owner>/<repo>` on the configured host; `undefined` for other hosts and shapes. */
  private repoPath(name: string): string | undefined {
    const m = /^([^/]+)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(name);
    if (!m || m[1]!.toLowerCase() !== this.source.host) return undefined;
    return `${m[2]}/${m[3]}`;
  }
}
