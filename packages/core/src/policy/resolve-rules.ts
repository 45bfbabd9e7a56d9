import { Minimatch } from 'minimatch';
import type { Package } from '../model/package.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { Policy, ResolvedRules, RuleId, RulesConfig } from './types.js';

/** Scope names that mean "used only while developing or testing" across ecosystems. */
export const DEV_SCOPES: ReadonlySet<string> = new Set(['dev', 'development', 'test']);

/** A package is dev-only when it has scopes and each of them is a development scope. */
export function isDevOnly(pkg: Pick<Package, 'scopes'>): boolean {
  return pkg.scopes.length > 0 && pkg.scopes.every((s) => DEV_SCOPES.has(s));
}

/** Layers rule settings: later layers override earlier ones option by option; lists replace, they do not add up. */
export function layerRules(...layers: RulesConfig[]): RulesConfig {
  const out: Record<string, Record<string, unknown>> = {};
  for (const layer of layers) {
    for (const id of Object.keys(layer) as RuleId[]) {
      const opts = layer[id];
      if (!opts) continue;
      const merged: Record<string, unknown> = { ...(out[id] ?? {}) };
      for (const [k, v] of Object.entries(opts)) {
        if (v !== undefined) merged[k] = v;
      }
      // A later layer choosing a license allow-list replaces an inherited deny-list, and the other way round.
      if (id === 'license') {
        if ('allow' in opts && !('deny' in opts)) delete merged.deny;
        if ('deny' in opts && !('allow' in opts)) delete merged.allow;
      }
      out[id] = merged;
    }
  }
  return out as RulesConfig;
}

/** Resolves every rule's options for packages of one lockfile and scope; cached because rules run per package. */
export class RuleResolver {
  private readonly cache = new Map<string, ResolvedRules>();
  private readonly overrides: Array<{ match: (path: string) => boolean; rules: RulesConfig }>;

  constructor(private readonly policy: Policy) {
    this.overrides = policy.overrides.map((o) => {
      const matchers = o.paths.map((p) => new Minimatch(p, { dot: true }));
      return { match: (path: string) => matchers.some((m) => m.match(path)), rules: o.rules };
    });
  }

  resolve(lockfile: string, devOnly: boolean): ResolvedRules {
    const key = `${devOnly ? 'dev' : 'run'}\0${lockfile}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const path = lockfile.replace(/\\/g, '/').replace(/^\.\//, '');
    const layers: RulesConfig[] = [this.policy.rules];
    if (devOnly) layers.push(this.policy.devRules);
    for (const o of this.overrides) if (o.match(path)) layers.push(o.rules);
    const configured = layerRules(...layers);
    const resolved = {} as Record<RuleId, unknown>;
    for (const id of RULE_IDS) {
      resolved[id] = { ...RULES[id].defaults, ...(configured[id] ?? {}) };
    }
    const result = resolved as ResolvedRules;
    this.cache.set(key, result);
    return result;
  }
}
