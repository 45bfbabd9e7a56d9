/** What one run judges, derived from the event that triggered the workflow. */
export interface RunTarget {
  mode: 'pr' | 'audit';
  /** Base commit for `pr` mode. */
  base?: string;
  /** Head commit; `undefined` means the checked-out work tree. */
  head?: string;
  /** The PR number, when the event belongs to one (for the sticky comment and labels). */
  pullNumber?: number;
  /** Labels on the PR at event time (the live list is read from the API when a token allows). */
  labels: string[];
  /** Why this target was chosen, for the log. */
  reason: string;
}

interface Payload {
  pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string }; labels?: Array<{ name?: string }> };
  merge_group?: { base_sha?: string; head_sha?: string };
  before?: string;
  after?: string;
}

const ZERO_SHA = /^0+$/;

/**
 * Chooses mode, base and head from the event. Under `pull_request_target` the workflow runs with the base
 * branch checked out and a write token: the head is read from the PR's head commit with `git show`, never
 * checked out or executed.
 */
export function resolveTarget(
  eventName: string,
  payload: Payload,
  overrides: { mode?: 'pr' | 'audit'; baseRef?: string; headRef?: string } = {},
): RunTarget {
  const labels = (payload.pull_request?.labels ?? []).map((l) => l.name ?? '').filter(Boolean);
  const target = ((): RunTarget => {
    switch (eventName) {
      case 'pull_request':
        return {
          mode: 'pr',
          base: payload.pull_request?.base?.sha,
          pullNumber: payload.pull_request?.number,
          labels,
          reason: 'pull_request: base commit of the PR against the checked-out merge commit',
        };
      case 'pull_request_target':
        return {
          mode: 'pr',
          base: payload.pull_request?.base?.sha,
          head: payload.pull_request?.head?.sha,
          pullNumber: payload.pull_request?.number,
          labels,
          reason: 'pull_request_target: PR base commit against the PR head commit, read as data with git show',
        };
      case 'merge_group':
        return {
          mode: 'pr',
          base: payload.merge_group?.base_sha,
          head: payload.merge_group?.head_sha,
          labels: [],
          reason: 'merge_group: the queue entry against its base',
        };
      case 'push':
        if (!payload.before || ZERO_SHA.test(payload.before)) {
          return { mode: 'audit', labels: [], reason: 'push of a new branch: no previous commit, so everything is judged' };
        }
        return { mode: 'pr', base: payload.before, head: payload.after, labels: [], reason: 'push: before..after' };
      default:
        return { mode: 'audit', labels: [], reason: `${eventName}: audit of the default branch` };
    }
  })();
  if (overrides.baseRef) target.base = overrides.baseRef;
  if (overrides.headRef) target.head = overrides.headRef;
  if (overrides.mode) target.mode = overrides.mode;
  if (target.mode === 'pr' && !target.base) {
    throw new Error(`cannot tell the base commit of this ${eventName} event: set the base-ref input`);
  }
  return target;
}
