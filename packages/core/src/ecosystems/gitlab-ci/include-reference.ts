import { buildPurl } from '../../model/purl.js';
import type { Package } from '../../model/package.js';
import { isCommitSha, referencePackage } from '../reference-package.js';

/**
 * An `include:project` (with `ref`) or `include:component` as a package. The purl spec has no GitLab type;
 * lockwarden writes `pkg:gitlab/<group>/<project>@<ref>` (components: the component name as subpath), which
 * keeps the project path intact. Pinned means a 40-hex commit SHA.
 */
export function projectIncludePackage(project: string, ref: string | undefined, file: string, line: number, via: string): Package {
  const segments = project.replace(/^\/+|\/+$/g, '').split('/');
  const name = segments.pop() ?? project;
  return referencePackage({
    ecosystem: 'GitLab CI',
    name: project,
    version: ref ?? '',
    purl: buildPurl('gitlab', segments.join('/') || undefined, name, ref),
    file,
    line,
    reference: { kind: 'include', pinned: isCommitSha(ref), via, ...(ref ? { ref } : {}) },
  });
}

/** `include:component: <host>/<group>/<project>/<component>@<version>` (the version may be a SHA, a tag, `~latest`). */
export function componentIncludePackage(component: string, file: string, line: number): Package | undefined {
  const at = component.lastIndexOf('@');
  const path = at >= 0 ? component.slice(0, at) : component;
  const ref = at >= 0 ? component.slice(at + 1) : undefined;
  const parts = path.split('/');
  if (parts.length < 4) return undefined;
  // The first segment is the instance host ($CI_SERVER_FQDN), the last the component; in between the project.
  const componentName = parts.pop() as string;
  const project = parts.slice(1).join('/');
  const pkg = projectIncludePackage(project, ref, file, line, 'include:component');
  const segments = project.split('/');
  const name = segments.pop() as string;
  pkg.purl = buildPurl('gitlab', segments.join('/') || undefined, name, ref, undefined, componentName);
  pkg.name = `${project}/${componentName}`;
  pkg.id = `${file}:${line}:${pkg.name}`;
  return pkg;
}

/** `include:remote`: a URL; pinned only with an `integrity` hash (GitLab 17.9+). */
export function remoteIncludePackage(url: string, integrity: string | undefined, file: string, line: number): Package {
  const pkg = referencePackage({
    ecosystem: 'GitLab CI',
    name: url,
    version: '',
    purl: buildPurl('generic', undefined, url.split('/').pop() || 'include', undefined, { download_url: url }),
    file,
    line,
    reference: { kind: 'include', pinned: integrity !== undefined, via: 'include:remote' },
  });
  const m = integrity ? /^sha256-(.+)$/.exec(integrity) : null;
  if (m?.[1]) pkg.integrity = [{ algorithm: 'sha256', value: Buffer.from(m[1], 'base64').toString('hex') }];
  return pkg;
}
