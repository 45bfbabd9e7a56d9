import { buildPurl } from '../../model/purl.js';
import { referencePackage } from '../reference-package.js';
import type { Package } from '../../model/package.js';

/** A container image reference split the way the Docker CLI splits it. */
export interface ImageReference {
  /** Registry host; `docker.io` when the reference names none. */
  registry: string;
  /** Repository path (`library/node` for the official `node`). */
  repository: string;
  tag?: string;
  /** `sha256:<hex>` when the reference pins a digest. */
  digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-f]{32,}$/i;

/**
 * Splits `[registry/]path[:tag][@digest]`. The first component is a registry when it has a dot or a port or is
 * `localhost` (the Docker CLI's rule); Docker Hub names without a slash live under `library/`.
 * Returns undefined for what is not an image (`scratch`, an empty or variable-only string).
 */
export function parseImageReference(text: string): ImageReference | undefined {
  const ref = text.trim();
  if (!ref || ref === 'scratch' || /\s/.test(ref)) return undefined;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) digest = undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    parts.shift();
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (!repository) return undefined;
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/**
 * pkg:docker purl (the purl spec's Docker type: the version is a digest or a tag, digest preferred because tags
 * move; `repository_url` names a registry other than Docker Hub). With both, the tag goes in a `tag` qualifier.
 */
export function imagePurl(image: ImageReference): string {
  const segments = image.repository.split('/');
  const name = segments.pop() ?? image.repository;
  const qualifiers: Record<string, string> = {};
  if (image.registry !== 'docker.io') qualifiers.repository_url = image.registry;
  if (image.digest && image.tag) qualifiers.tag = image.tag;
  const version = image.digest ?? image.tag;
  return buildPurl('docker', segments.join('/') || undefined, name, version, Object.keys(qualifiers).length ? qualifiers : undefined);
}

/** The reference's display name: the repository as Docker would pull it, registry included when not Docker Hub. */
export function imageName(image: ImageReference): string {
  const repo = image.registry === 'docker.io' ? image.repository.replace(/^library\//, '') : image.repository;
  return image.registry === 'docker.io' ? repo : `${image.registry}/${repo}`;
}

/**
 * An image reference found at `file:line` as a package; `written` is kept in the evidence so a report shows what
 * the file says. An image is pinned only by digest.
 */
export function imagePackage(written: string, file: string, line: number, via: string): Package | undefined {
  const image = parseImageReference(written);
  if (!image) return undefined;
  const digest = image.digest;
  return referencePackage({
    ecosystem: 'Docker',
    name: imageName(image),
    version: digest ?? image.tag ?? '',
    purl: imagePurl(image),
    file,
    line,
    reference: { kind: 'image', pinned: digest !== undefined, via, ...(digest ?? image.tag ? { ref: digest ?? image.tag } : {}) },
    ...(digest?.startsWith('sha256:') ? { integrity: [{ algorithm: 'sha256', value: digest.slice(7).toLowerCase() }] } : {}),
  });
}
