import type { Source } from '../../model/package.js';

const HEX_COMMIT = /^[0-9a-f]{7,40}$/i;
const GIT_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);
const GIT_PREFIXES = ['git+', 'git://', 'git@', 'ssh://', 'github:', 'gitlab:', 'bitbucket:', 'gist:'];
const CODELOAD = /^https?:\/\/codeload\.github\.com\/([^/]+)\/([^/]+)\/tar\.gz\/([0-9a-f]{7,40})$/i;

/** A resolution split into its git repository, the pinned commit (when hex) and a symbolic ref. */
interface GitParts {
  url: string;
  commit?: string;
  ref?: string;
}

function isGitSpec(spec: string): boolean {
  for (const prefix of GIT_PREFIXES) if (spec.startsWith(prefix)) return true;
  return false;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Splits a git-ish resolution (`git+ssh://...#<sha>`, `github:o/r#<sha>`, yarn berry `...#commit=<sha>`,
 * codeload tarballs, GitLab archives with `?ref=<sha>`) into repository, commit and ref; `undefined` when
 * the string does not point at a git repository.
 */
export function gitParts(spec: string): GitParts | undefined {
  const codeload = CODELOAD.exec(spec);
  if (codeload) return { url: `https://github.com/${codeload[1]}/${codeload[2]}.git`, commit: codeload[3] };

  const hash = spec.indexOf('#');
  const base = hash < 0 ? spec : spec.slice(0, hash);
  const fragment = hash < 0 ? '' : spec.slice(hash + 1);
  let gitLike = isGitSpec(spec) || base.endsWith('.git');
  let archiveRef: string | undefined;
  if (!gitLike && (spec.startsWith('https://') || spec.startsWith('http://'))) {
    const host = hostOf(base);
    if (host !== undefined && GIT_HOSTS.has(host)) {
      gitLike = true;
      // GitLab/GitHub archive downloads carry the commit as ?ref=.
      const ref = /[?&]ref=([^&#]+)/.exec(base)?.[1];
      if (ref !== undefined) archiveRef = ref;
    }
  }
  // yarn berry: `#commit=<sha>` / `#commit:<sha>`, possibly among `&`-joined parameters.
  const berry = /(?:^|[&#])commit[=:]([0-9a-f]{7,40})/i.exec(fragment);
  if (berry?.[1] !== undefined) return { url: base, commit: berry[1] };
  if (!gitLike) return undefined;
  const url = archiveRef !== undefined ? base.slice(0, base.indexOf('?')) : base;
  const pin = fragment !== '' ? fragment : archiveRef;
  if (pin === undefined || pin === '') return { url };
  return HEX_COMMIT.test(pin) ? { url, commit: pin } : { url, ref: pin };
}

/** The commit a resolution pins, if any. */
export function gitCommitOf(spec: string): string | undefined {
  return gitParts(spec)?.commit;
}

/**
 * Classifies where a package comes from given its resolved URL or spec: a registry tarball (`/-/` in the
 * path), a git repository (with commit when pinned), another tarball URL, or a local path.
 */
export function sourceFromResolved(resolved: string | undefined): Source {
  if (resolved === undefined || resolved === '') return { kind: 'registry' };
  // The common case, a registry tarball (`https://host/name/-/name-1.0.0.tgz`), without URL parsing.
  if (
    resolved.startsWith('https://') &&
    resolved.includes('/-/') &&
    !resolved.includes('#') &&
    !resolved.includes('?') &&
    !resolved.includes('/-/archive/')
  ) {
    return { kind: 'registry', url: resolved };
  }
  if (resolved.startsWith('https://') || resolved.startsWith('http://')) {
    const git = gitParts(resolved);
    if (git) return gitSource(git);
    return resolved.includes('/-/') ? { kind: 'registry', url: resolved } : { kind: 'tarball', url: resolved };
  }
  const git = gitParts(resolved);
  if (git) return gitSource(git);
  if (resolved.startsWith('file:')) return { kind: 'path', path: resolved.slice(5) };
  if (resolved.startsWith('link:')) return { kind: 'path', path: resolved.slice(5) };
  if (resolved.startsWith('portal:')) return { kind: 'path', path: resolved.slice(7) };
  return { kind: 'path', path: resolved };
}

function gitSource(parts: GitParts): Source {
  const source: Source = { kind: 'git', url: parts.url };
  if (parts.commit !== undefined) source.commit = parts.commit;
  if (parts.ref !== undefined) source.ref = parts.ref;
  return source;
}
