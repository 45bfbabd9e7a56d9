import type { Source } from '../../model/package.js';

/** What a URL or path requirement (`git+https://...@v1#egg=x`, `./dist/x-1.0-py3-none-any.whl`) tells us. */
export interface UrlRequirementInfo {
  /** Project name from `#egg=`, the wheel/sdist file name, or the repository's last path segment. */
  name?: string;
  /** Version from a wheel or sdist file name; `""` otherwise. */
  version: string;
  source: Source;
  /** A local directory (`-e .`, `./libs/foo`): the project itself or a sibling, not something downloaded. */
  localDirectory: boolean;
}

const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const WHEEL = /^([A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?)-([0-9][^-]*)(?:-[0-9][^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/i;
const SDIST = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)-([0-9][^-]*?)\.(?:tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** True when a requirements-file line is a URL or a path rather than a PEP 508 name (pip's own test, roughly). */
export function looksLikeUrlOrPath(text: string): boolean {
  return (
    SCHEME.test(text) ||
    /^(git|hg|svn|bzr)\+/i.test(text) ||
    /^[.~/\\]/.test(text) ||
    text.includes('/') ||
    text.includes('\\') ||
    ARCHIVE.test(text)
  );
}

/** Reads a URL or path requirement; `url` is as written (without the requirement's marker). */
export function describeUrlRequirement(url: string): UrlRequirementInfo {
  const hashAt = url.indexOf('#');
  const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const target = hashAt < 0 ? url : url.slice(0, hashAt);
  const egg = /(?:^|&)egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(fragment)?.[1];

  const vcs = /^(git|hg|svn|bzr)\+/i.exec(target)?.[1]?.toLowerCase();
  if (vcs !== undefined || /^git:\/\//i.test(target)) {
    const bare = vcs === undefined ? target : target.slice(vcs.length + 1);
    const { repo, ref } = splitVcsRef(bare);
    const name = egg ?? lastSegment(repo)?.replace(/\.git$/i, '');
    if (vcs === undefined || vcs === 'git') {
      const source: Source = { kind: 'git', url: repo };
      if (ref !== undefined) {
        source.ref = ref;
        if (/^[0-9a-f]{40}$/i.test(ref)) source.commit = ref.toLowerCase();
      }
      return withName({ version: '', source, localDirectory: false }, name);
    }
    // Mercurial, Subversion and Bazaar have no Source kind of their own; the URL still says where the code is.
    return withName({ version: '', source: { kind: 'tarball', url: bare }, localDirectory: false }, name);
  }

  const file = lastSegment(target) ?? '';
  const fromFile = WHEEL.exec(file) ?? SDIST.exec(file);
  const name = egg ?? fromFile?.[1];
  const version = fromFile?.[2] ?? '';
  if (/^file:/i.test(target)) {
    return withName({ version, source: { kind: 'path', path: target }, localDirectory: !ARCHIVE.test(target) }, name);
  }
  if (SCHEME.test(target)) return withName({ version, source: { kind: 'tarball', url: target }, localDirectory: false }, name);
  const localDirectory = !ARCHIVE.test(target);
  return withName({ version, source: { kind: 'path', path: target }, localDirectory }, localDirectory ? egg : name);
}

function withName(info: UrlRequirementInfo, name: string | undefined): UrlRequirementInfo {
  if (name !== undefined && name !== '') info.name = name;
  return info;
}

/** `https://host/org/repo.git@v1.2` -> repo URL and ref; the `@` of `user@host` is not a ref. */
function splitVcsRef(url: string): { repo: string; ref?: string } {
  const schemeEnd = url.indexOf('://');
  const pathStart = schemeEnd < 0 ? 0 : url.indexOf('/', schemeEnd + 3);
  if (pathStart < 0) return { repo: url };
  const at = url.indexOf('@', pathStart);
  if (at < 0) return { repo: url };
  return { repo: url.slice(0, at), ref: url.slice(at + 1) };
}

function lastSegment(url: string): string | undefined {
  const query = url.indexOf('?');
  let end = query < 0 ? url.length : query;
  // Trailing separators by hand: `/[/\\]+$/` is quadratic on a long run of them that does not end the URL.
  while (end > 0 && (url[end - 1] === '/' || url[end - 1] === '\\')) end--;
  const path = url.slice(0, end);
  const segment = path.split(/[/\\]/).pop();
  if (segment === undefined || segment === '') return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
