import { vetVersions, type AdvisorySource, type Finding, type PackageMetadata, type Policy, type VersionsJudgement } from '@lockwarden/core';

/** What the proxy needs to judge: the policy and the advisory source, fixed for the proxy's lifetime. */
export interface JudgeOptions {
  policy: Policy;
  advisories?: AdvisorySource;
  /** The clock; tests move it. */
  now?: () => Date;
}

/**
 * Judges a package's versions once per upstream document and reuses the answer until `ttlMs` passes: release age
 * depends on the clock and advisories change, so a judgement is not kept forever, but thousands of requests for
 * one packument during an install cost one judgement.
 */
export class Judge {
  private readonly cache = new Map<string, { key: string; at: number; judgement: Promise<VersionsJudgement> }>();

  constructor(
    private readonly options: JudgeOptions,
    private readonly ttlMs = 60_000,
  ) {}

  /** `documentKey` identifies the upstream document (its ETag or a hash), so a changed document is judged again. */
  judge(metadata: PackageMetadata, documentKey: string, distTags?: Record<string, string>): Promise<VersionsJudgement> {
    const id = `${metadata.ecosystem}:${metadata.name}`;
    const now = this.options.now?.() ?? new Date();
    const hit = this.cache.get(id);
    if (hit && hit.key === documentKey && now.getTime() - hit.at < this.ttlMs) return hit.judgement;
    const judgement = vetVersions({
      metadata,
      ...(distTags ? { distTags } : {}),
      policy: this.options.policy,
      ...(this.options.advisories ? { advisories: this.options.advisories } : {}),
      now,
    });
    const entry = { key: documentKey, at: now.getTime(), judgement };
    this.cache.set(id, entry);
    // A judgement that could not consult its sources is not kept: the next request tries them again.
    const forget = () => {
      if (this.cache.get(id) === entry) this.cache.delete(id);
    };
    judgement.then((j) => (j.errors.length > 0 ? forget() : undefined), forget);
    return judgement;
  }
}

/** The findings that removed a version (or the name), worst first. */
export function blockingFindings(j: VersionsJudgement, version?: string): Finding[] {
  if (version !== undefined) {
    const v = j.versions.find((x) => x.version === version);
    if (v) return v.findings.filter((f) => f.action === 'block' || f.action === 'quarantine');
  }
  if (j.nameFindings.length > 0) return j.nameFindings;
  return j.removed.flatMap((v) => v.findings.filter((f) => f.action === 'block' || f.action === 'quarantine'));
}

/**
 * One sentence a client prints: `lockwarden: lw-evil@1.0.0 blocked by malware (MAL-2026-1): …; did you mean `x`?`.
 * Untrusted registry and advisory text is made single-line and cut; npm prints it inside its own error line.
 */
export function blockMessage(j: VersionsJudgement, version?: string): string {
  const findings = blockingFindings(j, version);
  const what = version ? `${j.name}@${version}` : j.name;
  const parts = dedupe(findings).slice(0, 3).map((f) => {
    const ids = f.advisories?.length ? ` ${f.advisories.join(', ')}` : '';
    return `${f.rule}${ids}: ${clip(f.message)}`;
  });
  const why = parts.length ? parts.join('; ') : 'no version passes the policy';
  const hint = j.didYouMean ? `; did you mean \`${j.didYouMean}\`?` : j.safeVersion && version ? `; ${j.safeVersion} passes the policy` : '';
  const scope = version ? '' : findings.length && j.nameFindings.length === 0 ? ' (every version removed)' : '';
  return `lockwarden: ${clip(what)} blocked${scope} by ${why}${hint}`;
}

/** The message for a name the upstream does not have. */
export function notFoundMessage(name: string): string {
  return `lockwarden: ${clip(name)} does not exist in the registry; it may be a hallucinated or mistyped name (nonexistent)`;
}

/** Rule ids and advisory ids behind a judgement, for the audit log. */
export function auditFacts(findings: readonly Finding[]): { rules: string[]; advisories: string[] } {
  return {
    rules: [...new Set(findings.map((f) => f.rule))].sort(),
    advisories: [...new Set(findings.flatMap((f) => f.advisories ?? []))].sort(),
  };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clip(s: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
