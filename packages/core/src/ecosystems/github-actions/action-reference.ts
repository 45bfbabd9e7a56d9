import { buildPurl } from '../../model/purl.js';
import type { Package } from '../../model/package.js';
import { isCommitSha, referencePackage } from '../reference-package.js';
import { imagePackage } from '../docker/image-reference.js';

/**
 * A `uses:` value as a package: `owner/repo[/path]@ref` is an action (or a reusable workflow when the path is
 * under `.github/workflows/`), `docker://image` is a container image, and `./local` paths are the repository's
 * own code (undefined). Pinned means a full 40-hex commit SHA; a `# v4` comment after it is informational.
 */
export function usesPackage(uses: string, file: string, line: number): Package | undefined {
  const value = uses.trim();
  if (value.startsWith('./') || value.startsWith('../') || value === '') return undefined;
  if (value.startsWith('docker://')) return imagePackage(value.slice('docker://'.length), file, line, 'uses: docker://');
  const at = value.lastIndexOf('@');
  const path = at >= 0 ? value.slice(0, at) : value;
  const ref = at >= 0 ? value.slice(at + 1) : undefined;
  const [owner, repo, ...rest] = path.split('/');
  if (!owner || !repo) return undefined;
  const subpath = rest.join('/');
  const reusable = /^\.github\/workflows\/[^/]+\.ya?ml$/.test(subpath);
  // The purl spec's githubactions type: lowercase owner and repository, the path inside the repository kept.
  const purlName = subpath ? `${repo.toLowerCase()}/${subpath}` : repo.toLowerCase();
  return referencePackage({
    ecosystem: 'GitHub Actions',
    // OSV's GitHub Actions advisories are keyed by `owner/repo`.
    name: `${owner}/${repo}`.toLowerCase(),
    version: ref ?? '',
    purl: buildPurl('githubactions', owner.toLowerCase(), purlName, ref),
    file,
    line,
    registry: true,
    reference: {
      kind: reusable ? 'reusable-workflow' : 'action',
      pinned: isCommitSha(ref),
      via: 'uses',
      ...(ref ? { ref } : {}),
    },
  });
}
