import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { modulesLoadedBy, modulesLoadedByScript } from '../helpers/module-census.js';

/** The packages, core folders and SBOM files (`core:sbom/<file>`) a fresh process loads. */
function owners(files: readonly string[]): Set<string> {
  return new Set(
    files.map((f) => {
      const own = /packages\/core\/dist\/(sbom\/[^.]+|[^/.]+)/.exec(f);
      if (own) return `core:${own[1]}`;
      const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
      return dep ? (dep[1] as string) : f;
    }),
  );
}

const LIBRARY_PATH = ['@cyclonedx/cyclonedx-library', 'xmlbuilder2', 'ajv', 'core:sbom/cyclonedx-library/build', 'core:sbom/validate'];
// The CLI's separate modules: the `lockwarden` command runs the bundle, which folds modules into chunks.
const BIN = join(REPO_ROOT, '__tests__/helpers/cli-modules.mjs');
const work = mkdtempSync(join(tmpdir(), 'lw-sbom-lazy-'));
copyFileSync(join(REPO_ROOT, 'examples/basic/head/package-lock.json'), join(work, 'package-lock.json'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writing a JSON SBOM loads neither the CycloneDX library, xmlbuilder2 nor Ajv (built packages, fresh process)', () => {
  it('lockwarden sbom writes JSON with the direct writer alone, and no registry client (only --model-cards asks the Hub)', () => {
    const loaded = owners(modulesLoadedByScript(BIN, ['sbom', '--reproducible'], work));
    expect(loaded).toContain('core:sbom/json/cyclonedx-json');
    for (const heavy of [...LIBRARY_PATH, 'core:registry']) expect(loaded, heavy).not.toContain(heavy);
  });

  it('lockwarden sbom --format xml imports the library for XML', () => {
    const loaded = owners(modulesLoadedByScript(BIN, ['sbom', '--format', 'xml'], work));
    for (const present of ['@cyclonedx/cyclonedx-library', 'xmlbuilder2']) expect(loaded, present).toContain(present);
  });

  it('@lockwarden/core/sbom loads no library module; its cyclonedx-library entry does', () => {
    const plain = owners(modulesLoadedBy("await import('@lockwarden/core/sbom')", REPO_ROOT));
    for (const heavy of LIBRARY_PATH) expect(plain, heavy).not.toContain(heavy);
    const library = owners(modulesLoadedBy("await import('@lockwarden/core/sbom/cyclonedx-library')", REPO_ROOT));
    expect(library).toContain('@cyclonedx/cyclonedx-library');
  });
});
