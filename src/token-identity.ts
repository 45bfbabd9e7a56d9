import type { GitHubClient } from './github-client.js';
import { httpStatus } from './github-client.js';

/** Who the Action's token writes as: comments and issues by anyone else are never edited. */
export interface TokenIdentity {
  /** The login without the `[bot]` suffix, lower-cased (GitHub logins are case-insensitive). */
  login: string;
  bot: boolean;
}

/** The bot `GITHUB_TOKEN` writes as; its installation token can read neither `GET /user` nor, on some hosts, `viewer`. */
export const ACTIONS_BOT: TokenIdentity = { login: 'github-actions', bot: true };

function identity(login: string, type: string | undefined): TokenIdentity {
  const bot = type === 'Bot' || login.endsWith('[bot]');
  return { login: login.replace(/\[bot\]$/, '').toLowerCase(), bot };
}

/**
 * Resolves the token's own identity. A personal access token answers `GET /user`; an installation token (GITHUB_TOKEN
 * or a GitHub App's) gets 403 there but can ask GraphQL for its `viewer` (`<app>[bot]`, type Bot). When both are
 * refused the token is GITHUB_TOKEN's, whose comments are `github-actions[bot]`'s. Other failures are thrown: a run
 * that cannot tell whose comment is whose must not edit any.
 */
export async function resolveTokenIdentity(client: GitHubClient): Promise<TokenIdentity> {
  try {
    const me = await client.rest.users.getAuthenticated();
    return identity(me.data.login, me.data.type);
  } catch (err) {
    if (httpStatus(err) !== 403) throw err;
  }
  try {
    const answer = await client.graphql<{ viewer: { login: string; __typename?: string } }>('query { viewer { login __typename } }');
    return identity(answer.viewer.login, answer.viewer.__typename);
  } catch (err) {
    // GitHub answers a refused `viewer` either with 401/403 or with 200 and `errors` (a GraphqlResponseError).
    const status = httpStatus(err);
    if (status !== 403 && status !== 401 && (err as { name?: unknown } | null)?.name !== 'GraphqlResponseError') throw err;
  }
  return ACTIONS_BOT;
}

/** Whether a comment or issue was written by this identity (REST gives `login` with `[bot]` and `type: 'Bot'` for apps). */
export function isAuthoredBy(user: { login?: string; type?: string } | null | undefined, me: TokenIdentity): boolean {
  if (!user || typeof user.login !== 'string') return false;
  const author = identity(user.login, user.type);
  return author.login === me.login && author.bot === me.bot;
}
