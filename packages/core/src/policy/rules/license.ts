import parseSpdx from 'spdx-expression-parse';
import satisfies from 'spdx-satisfies';
import type { Action } from '../../findings/finding.js';
import { isLocalPackage, packageKey } from '../../model/package.js';
import type { Enrichment } from '../enrichment.js';
import { registryFailureFor } from './registry-data.js';
import { NO_FINDINGS, type RuleModule } from './rule.js';

type SpdxNode = parseSpdx.Info;

/**
 * Licenses are SPDX expressions: `MIT OR GPL-3.0` passes an allow-list with MIT, `MIT AND GPL-3.0` needs both.
 * A deny-list fails an expression only when every way of satisfying it uses a denied license.
 */
export const licenseRule: RuleModule<'license'> = {
  id: 'license',
  description: 'Declared licenses (SPDX expressions) against an allow or deny list.',
  data: 'lockfile',
  defaults: { action: 'block', unknown: 'warn' },
  evaluate({ pkg, options, enrichment }) {
    // Models have their own rule (model-license); actions, images and model files declare no license to judge.
    if (pkg.reference) return NO_FINDINGS;
    // The project's own code (workspace members, `file:` links) is licensed by the project, not by a registry.
    if (isLocalPackage(pkg)) return NO_FINDINGS;
    const registry = enrichment.registry?.byPackage.get(packageKey(pkg));
    // A name the registry does not have gets the nonexistent finding; "no license" on top would be noise.
    if (registry && !registry.exists) return NO_FINDINGS;
    const declared = pkg.license !== undefined ? pkg.license : registry?.license;
    if (declared === null || (typeof declared === 'string' && declared.trim() === '')) {
      const where = pkg.license !== undefined ? 'the lockfile' : 'the registry';
      return finding(options.unknown, 'low', `no license declared (${where} records none)`, "check the package's license before using it", {});
    }
    if (declared === undefined) {
      // The license would have come from the registry, which failed for this package: not looked up is not "none".
      const failure = registryFailureFor(pkg, enrichment);
      if (failure) return { notEvaluated: `${failure.source} failed: ${failure.message}` };
      return { notEvaluated: unknownReason(pkg.ecosystem, registry !== undefined, enrichment) };
    }
    const text = declared.trim();
    const tree = parseCached(text);
    if (!tree) {
      return finding(options.unknown, 'low', `license "${text}" is not an SPDX expression`, 'check the package\'s license terms by hand', {
        license: text,
      });
    }
    if (options.allow && options.allow.length > 0) {
      if (!satisfiesCached(text, options.allow)) {
        return finding(
          options.action,
          'moderate',
          `license ${text} is not in the allow-list`,
          `use a package under ${options.allow.join(', ')}`,
          { license: text, allow: options.allow },
        );
      }
    }
    if (options.deny && options.deny.length > 0) {
      const deny = options.deny;
      const choices = alternatives(tree);
      const clean = choices.some((clause) => clause.every((leaf) => !deny.some((d) => leafMatches(leaf, d))));
      if (!clean) {
        const used = [...new Set(choices.flat().filter((leaf) => deny.some((d) => leafMatches(leaf, d))))];
        return finding(
          options.action,
          'moderate',
          `license ${text} is denied (${used.join(', ')})`,
          'use a package under a license the policy allows',
          { license: text, deny },
        );
      }
    }
    return { findings: [] };
  },
};

/** Why a license is unknown: not in the lockfile, and the registry was not asked or does not record licenses. */
function unknownReason(ecosystem: string, looked: boolean, enrichment: Enrichment): string {
  if (looked) return `not in the lockfile, and the ${ecosystem} registry does not record licenses`;
  const skipped = enrichment.skipped?.registry;
  if (skipped) return `not in the lockfile; registry not consulted (${skipped})`;
  const failed = enrichment.failures?.find((f) => f.data === 'registry');
  if (failed) return `not in the lockfile; ${failed.source} failed`;
  return enrichment.registry ? `not in the lockfile, and no ${ecosystem} registry client` : 'not in the lockfile; registry not consulted';
}

function finding(
  action: Action,
  severity: 'moderate' | 'low',
  message: string,
  remedy: string,
  evidence: Record<string, unknown>,
) {
  return { findings: [{ action, severity, message, remedy, evidence }] };
}

/** Lockfiles repeat a handful of license strings thousands of times; parsing each once keeps audits fast. */
const parsed = new Map<string, SpdxNode | null>();
const satisfied = new Map<string, boolean>();
const MAX_CACHE = 10_000;

function parseCached(text: string): SpdxNode | null {
  let tree = parsed.get(text);
  if (tree === undefined) {
    try {
      tree = parseSpdx(text);
    } catch {
      tree = null;
    }
    if (parsed.size > MAX_CACHE) parsed.clear();
    parsed.set(text, tree);
  }
  return tree;
}

function satisfiesCached(text: string, allow: readonly string[]): boolean {
  const key = `${text}\0${allow.join('\0')}`;
  let ok = satisfied.get(key);
  if (ok === undefined) {
    try {
      ok = satisfies(text, allow);
    } catch {
      ok = false;
    }
    if (satisfied.size > MAX_CACHE) satisfied.clear();
    satisfied.set(key, ok);
  }
  return ok;
}

function leafText(node: parseSpdx.LicenseInfo): string {
  return `${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
}

/** The expression in disjunctive normal form: each inner list is one way to satisfy it (all must be accepted). */
function alternatives(node: SpdxNode): string[][] {
  if ('license' in node) return [[leafText(node)]];
  const left = alternatives(node.left);
  const right = alternatives(node.right);
  if (node.conjunction === 'or') return [...left, ...right];
  return left.flatMap((l) => right.map((r) => [...l, ...r]));
}

function leafMatches(leaf: string, denied: string): boolean {
  return leaf === denied || satisfiesCached(leaf, [denied]);
}

/** Throws when an allow/deny entry is not something spdx-satisfies accepts (a single id, `id+`, or `id WITH exc`). */
export function checkLicenseListEntry(entry: string): string | undefined {
  try {
    const node = parseSpdx(entry);
    if (!('license' in node)) return `"${entry}" is a compound expression; list licenses one by one`;
    return undefined;
  } catch {
    return `"${entry}" is not an SPDX license id`;
  }
}
