/**
 * Ecosystem names are OSV's (https://ossf.github.io/osv-schema/#defined-ecosystems), so advisory
 * records match without translation.
 */
export const ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'Maven',
  'RubyGems',
  'Packagist',
  'NuGet',
  'Pub',
  'Hex',
  'SwiftURL',
  'CocoaPods',
  // The kinds below are not lockfile ecosystems: they are references found in source, CI and container files.
  // `GitHub Actions` is OSV's name, so its advisories match; the others have no OSV ecosystem.
  'Hugging Face',
  'GitHub Actions',
  'Docker',
  'GitLab CI',
  'Model file',
] as const;

export type Ecosystem = (typeof ECOSYSTEMS)[number];

export function isEcosystem(value: string): value is Ecosystem {
  return (ECOSYSTEMS as readonly string[]).includes(value);
}
