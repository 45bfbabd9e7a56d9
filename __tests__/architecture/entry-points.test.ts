import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { modulesLoadedBy } from '../helpers/module-census.js';

/** The package (or `core:<folder>` for our own files) each loaded module belongs to. */
function owners(files: readonly string[]): Set<string> {
  return new Set(
    files.map((f) => {
      const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
      if (dep && !f.includes('/packages/core/dist/')) return dep[1] as string;
      const own = /packages\/core\/dist\/([^/.]+)/.exec(f);
      return own ? `core:${own[1]}` : f;
    }),
  );
}

describe('the subpath entry points of @lockwarden/core (built package, fresh process)', () => {
  it('@lockwarden/core/lockfiles loads no advisory, SBOM, policy or Ajv module', () => {
    const loaded = owners(modulesLoadedBy("await import('@lockwarden/core/lockfiles')", REPO_ROOT));
    expect(loaded).toContain('core:lockfiles');
    expect(loaded).toContain('core:ecosystems');
    for (const absent of ['core:advisories', 'core:sbom', 'core:policy', 'core:engine', 'core:report', 'ajv', '@cyclonedx/cyclonedx-library', 'xmlbuilder2']) {
      expect(loaded, absent).not.toContain(absent);
    }
  });

  it('the census sees what an entry does load: the root entry loads advisories, SBOM and Ajv', () => {
    const loaded = owners(modulesLoadedBy("await import('@lockwarden/core')", REPO_ROOT));
    for (const present of ['core:advisories', 'core:sbom', 'core:engine', 'ajv', '@cyclonedx/cyclonedx-library']) {
      expect(loaded, present).toContain(present);
    }
  });
});
