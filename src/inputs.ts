import * as core from '@actions/core';

/** The inputs of action.yml; a test checks this list against action.yml so the two cannot drift. */
export const INPUT_NAMES = [
  'policy',
  'base-ref',
  'head-ref',
  'token',
  'comment',
  'mode',
  'fail-open',
  'offline-db',
  'cache-dir',
  'sbom',
  'sarif',
  'approve-label',
  'inventory-store',
] as const;

export type CommentMode = 'always' | 'on-failure' | 'never';

export interface ActionInputs {
  policy?: string;
  baseRef?: string;
  headRef?: string;
  token: string;
  comment: CommentMode;
  mode?: 'pr' | 'audit';
  failOpen: boolean;
  offlineDb?: string;
  cacheDir?: string;
  sbom?: string;
  sarif?: string;
  approveLabel: string;
  inventoryStore?: string;
}

function optional(name: (typeof INPUT_NAMES)[number]): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(name: (typeof INPUT_NAMES)[number], allowed: readonly T[], fallback: T | undefined): T | undefined {
  const value = optional(name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput`, but an empty input is `false`. */
function bool(name: (typeof INPUT_NAMES)[number]): boolean {
  const value = optional(name);
  if (value === undefined) return false;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`input "${name}" must be true or false (got "${value}")`);
}

/** Reads and validates the inputs; throws with the input's name on a bad value. */
export function readInputs(): ActionInputs {
  return {
    policy: optional('policy'),
    baseRef: optional('base-ref'),
    headRef: optional('head-ref'),
    token: optional('token') ?? '',
    comment: oneOf('comment', ['always', 'on-failure', 'never'] as const, 'always') ?? 'always',
    mode: oneOf('mode', ['pr', 'audit'] as const, undefined),
    failOpen: bool('fail-open'),
    offlineDb: optional('offline-db'),
    cacheDir: optional('cache-dir'),
    sbom: optional('sbom'),
    sarif: optional('sarif'),
    approveLabel: optional('approve-label') ?? 'lockwarden:approved',
    inventoryStore: optional('inventory-store'),
  };
}
