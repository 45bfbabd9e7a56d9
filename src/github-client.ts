import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * Octokit with retries on 5xx and the rate-limit plugin. The base URL comes from GITHUB_API_URL (GHES and
 * tests); LOCKWARDEN_RETRY_BASE_MS scales the retry back-off (default 1 s, as the plugin's). `baseUrl` overrides
 * it for callers in a process whose environment was read before they knew the URL (@actions/github reads it on import).
 */
export function createGitHubClient(token: string, log: (message: string) => void, baseUrl?: string): GitHubClient {
  const base = Number(process.env.LOCKWARDEN_RETRY_BASE_MS ?? '1000');
  return getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl } : {}),
      retry: { retryAfterBaseValue: Number.isFinite(base) && base >= 0 ? base : 1000 },
      throttle: {
        onRateLimit: (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method ?? ''} ${options.url ?? ''}; retrying after ${retryAfter}s`);
          return retryCount < 2;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method ?? ''} ${options.url ?? ''}; retrying after ${retryAfter}s`);
          return retryCount < 1;
        },
      },
    },
    retry,
    throttling,
  );
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
