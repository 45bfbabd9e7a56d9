// Sub-path imports, as in sbom/build.ts: the package root loads validators whose `__dirname` breaks ESM bundles.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import type { Ecosystem, Inventory } from '@lockwarden/core/model';
import { LOCKFILE_PROPERTY, reproducibleTimestamp, type RootProject } from '@lockwarden/core/sbom';
import { buildBom, serializeBom } from '@lockwarden/core/sbom/cyclonedx-library';

/** Property names of GitLab's CycloneDX property taxonomy (docs: development/sec/cyclonedx_property_taxonomy). */
export const GITLAB_SBOM_PROPERTIES = {
  schemaVersion: 'gitlab:meta:schema_version',
  category: 'gitlab:dependency_scanning:category',
  inputFile: 'gitlab:dependency_scanning:input_file:path',
  packageManager: 'gitlab:dependency_scanning:package_manager:name',
  language: 'gitlab:dependency_scanning:language:name',
} as const;

/** GitLab accepts CycloneDX 1.4 to 1.6 for `artifacts:reports:cyclonedx`. */
export const GITLAB_SBOM_SPEC_VERSION = '1.6' as const;

/** Package manager names as GitLab's own analyzers report them, by lockfile format (the parser id). */
const PACKAGE_MANAGERS: Record<string, string> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'yarn.lock': 'yarn',
  'pnpm-lock.yaml': 'pnpm',
  'bun.lock': 'bun',
  'poetry.lock': 'poetry',
  'Pipfile.lock': 'pipenv',
  'uv.lock': 'uv',
  'pdm.lock': 'pdm',
  'requirements.txt': 'pip',
  'Cargo.lock': 'cargo',
  'go.sum': 'go',
  'go.mod': 'go',
  'Gemfile.lock': 'bundler',
  'composer.lock': 'composer',
  'packages.lock.json': 'nuget',
  'pom.xml': 'maven',
  'gradle.lockfile': 'gradle',
  'pubspec.lock': 'pub',
  'mix.lock': 'mix',
  'Package.resolved': 'swift',
  'Podfile.lock': 'cocoapods',
};

const LANGUAGES: Record<Ecosystem, string> = {
  npm: 'JavaScript',
  PyPI: 'Python',
  Go: 'Go',
  'crates.io': 'Rust',
  Maven: 'Java',
  RubyGems: 'Ruby',
  Packagist: 'PHP',
  NuGet: 'C#',
  Pub: 'Dart',
  Hex: 'Elixir',
  SwiftURL: 'Swift',
  CocoaPods: 'Objective-C',
  'Hugging Face': 'Python',
  'GitHub Actions': 'YAML',
  Docker: 'Dockerfile',
  'GitLab CI': 'YAML',
  'Model file': 'Python',
};

export interface GitLabSbomOptions {
  toolVersion: string;
  root?: RootProject | undefined;
  /** `SOURCE_DATE_EPOCH`: fixes the timestamp and derives the serial number from the content. */
  sourceDateEpoch?: string | undefined;
  now?: Date | undefined;
}

function describeInventory(inv: Inventory): { inputFile: string; packageManager: string; language: string } {
  return {
    inputFile: inv.lockfile,
    packageManager: PACKAGE_MANAGERS[inv.format] ?? inv.format,
    language: LANGUAGES[inv.ecosystem],
  };
}

/**
 * The CycloneDX 1.6 SBOM for `artifacts:reports:cyclonedx`: the same BOM `lockwarden sbom` builds, plus GitLab's
 * property taxonomy so its dependency list and continuous vulnerability scanning read it. `gitlab:meta:schema_version`
 * is on the metadata; input file, package manager and language are on every component (a merged BOM holds several
 * lockfiles, and component-level values win over metadata), and on the metadata too when there is one lockfile.
 * Dev-only components (CycloneDX scope `excluded`) get the category `development`.
 */
export function renderGitLabSbom(inventories: readonly Inventory[], options: GitLabSbomOptions): string {
  const reproducible = Boolean(options.sourceDateEpoch);
  const bom = buildBom(inventories, {
    toolVersion: options.toolVersion,
    root: options.root,
    timestamp: reproducible ? reproducibleTimestamp(options.sourceDateEpoch) : (options.now ?? new Date()),
  });
  const byLockfile = new Map(inventories.map((inv) => [inv.lockfile, describeInventory(inv)]));
  const P = GITLAB_SBOM_PROPERTIES;

  bom.metadata.properties.add(new Models.Property(P.schemaVersion, '1'));
  const only = inventories.length === 1 ? byLockfile.get((inventories[0] as Inventory).lockfile) : undefined;
  if (only) {
    bom.metadata.properties.add(new Models.Property(P.inputFile, only.inputFile));
    bom.metadata.properties.add(new Models.Property(P.packageManager, only.packageManager));
    bom.metadata.properties.add(new Models.Property(P.language, only.language));
  }
  for (const component of bom.components) {
    const lockfiles = [...component.properties].filter((p) => p.name === LOCKFILE_PROPERTY).map((p) => p.value).sort();
    const source = lockfiles.map((l) => byLockfile.get(l)).find((d) => d !== undefined);
    if (source) {
      component.properties.add(new Models.Property(P.inputFile, source.inputFile));
      component.properties.add(new Models.Property(P.packageManager, source.packageManager));
      component.properties.add(new Models.Property(P.language, source.language));
    }
    const category = component.scope === Enums.ComponentScope.Excluded ? 'development' : 'production';
    component.properties.add(new Models.Property(P.category, category));
  }
  return serializeBom(bom, { specVersion: GITLAB_SBOM_SPEC_VERSION, format: 'json', reproducible });
}
