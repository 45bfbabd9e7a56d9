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
] as const;

export type Ecosystem = (typeof ECOSYSTEMS)[number];

export function isEcosystem(value: string): value is Ecosystem {
  return (ECOSYSTEMS as readonly string[]).includes(value);
}
