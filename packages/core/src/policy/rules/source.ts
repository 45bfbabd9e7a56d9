import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import type { FindingDraft, RuleModule } from './rule.js';

/**
 * Where the bits come from. A registry outside the allowed list is the dependency-confusion case; git, tarball
 * and local-path dependencies bypass the registry's immutability; plain http: lets anyone on the path swap them.
 */
export const sourceRule: RuleModule<'source'> = {
  id: 'source',
  description: 'Allowed registries, git/tarball/file dependencies, insecure http, missing integrity.',
  data: 'lockfile',
  defaults: {
    action: 'block',
    registries: [],
    'unknown-registry': 'warn',
    git: 'warn',
    tarball: 'warn',
    file: 'info',
    http: 'block',
    'missing-integrity': 'warn',
  },
  evaluate({ pkg, options }) {
    // References are judged by the pinning rule; there is no lockfile to record their integrity.
    if (pkg.reference) return { findings: [] };
    const findings: FindingDraft[] = [];
    const src = pkg.source;
    const url = src.kind === 'registry' || src.kind === 'git' || src.kind === 'tarball' ? src.url : undefined;
    switch (src.kind) {
      case 'registry':
        if (options.registries.length > 0) {
          if (!url) {
            findings.push({
              action: options['unknown-registry'],
              severity: 'low',
              message: 'the lockfile does not record which registry this package came from',
              remedy: 'regenerate the lockfile so it records resolved URLs',
            });
          } else if (!registryAllowed(url, options.registries)) {
            findings.push({
              severity: 'high',
              message: `resolved from ${displayHost(url)}, which is not an allowed registry`,
              remedy: `install it from ${options.registries.join(', ')}`,
              evidence: { url },
            });
          }
        }
        break;
      case 'git':
        findings.push({
          action: options.git,
          severity: 'moderate',
          message: `git dependency (${src.url}${src.commit ? ` at ${src.commit.slice(0, 12)}` : ''})`,
          remedy: 'depend on a published release from the registry instead',
          evidence: { url: src.url, ...(src.commit ? { commit: src.commit } : {}) },
        });
        break;
      case 'tarball':
        findings.push({
          action: options.tarball,
          severity: 'moderate',
          message: `tarball dependency (${src.url})`,
          remedy: 'depend on a published release from the registry instead',
          evidence: { url: src.url },
        });
        break;
      case 'path':
        // A path inside the repository is the project's own code (a workspace member); only one that leaves it is news.
        if (!leavesProject(pkg.location.file, src.path)) break;
        findings.push({
          action: options.file,
          severity: 'low',
          message: `local path dependency outside the project (${src.path})`,
          remedy: 'vendor the code into the repository or depend on a published release',
          evidence: { path: src.path },
        });
        break;
      case 'unknown':
        break;
    }
    if (url && /^(?:git\+)?http:\/\//i.test(url)) {
      findings.push({
        action: options.http,
        severity: 'high',
        message: `fetched over insecure http (${url})`,
        remedy: 'use an https: URL',
        evidence: { url },
      });
    }
    if ((src.kind === 'registry' || src.kind === 'tarball') && pkg.integrity.length === 0) {
      findings.push({
        action: options['missing-integrity'],
        severity: 'moderate',
        message: 'the lockfile records no integrity hash for this package',
        remedy: 'regenerate the lockfile with a package manager that records integrity',
      });
    }
    return { findings };
  },
};

/** Whether a path dependency, relative to its lockfile's folder, points outside the scanned project. */
function leavesProject(lockfile: string, path: string): boolean {
  const target = path.replace(/^file:(\/\/)?/, '');
  if (posix.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target)) return true;
  const joined = posix.normalize(posix.join(posix.dirname(lockfile.split('\\').join('/')), target.split('\\').join('/')));
  return joined === '..' || joined.startsWith('../');
}

function displayHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Entries with a scheme are URL prefixes; bare entries are host names or host globs (`*.corp.example`). */
export function registryAllowed(url: string, allowed: readonly string[]): boolean {
  let host: string | undefined;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    host = undefined;
  }
  return allowed.some((entry) => {
    if (entry.includes('://')) {
      const prefix = entry.endsWith('/') ? entry : `${entry}/`;
      return url.startsWith(prefix) || url === entry;
    }
    return host !== undefined && minimatch(host, entry.toLowerCase(), { dot: true, nobrace: true, noext: true });
  });
}
