import { posix } from 'node:path';
import { Minimatch } from 'minimatch';
import { LockwardenError } from '../errors.js';
import type { Ecosystem } from '../model/ecosystem.js';
import type { EcosystemPlugin, LockfileFormat, LockfileParser, ManifestFormat, ManifestParser } from './types.js';
import { npmPlugin } from './npm/index.js';
import { goPlugin } from './go/index.js';
import { cargoPlugin } from './cargo/index.js';
import { rubygemsPlugin } from './rubygems/index.js';
import { packagistPlugin } from './packagist/index.js';
import { pypiPlugin } from './pypi/index.js';
import { mavenPlugin } from './maven/index.js';
import { nugetPlugin } from './nuget/index.js';
import { pubPlugin } from './pub/index.js';
import { hexPlugin } from './hex/index.js';
import { swiftPlugin } from './swift/index.js';
import { cocoapodsPlugin } from './cocoapods/index.js';
import { githubActionsPlugin } from './github-actions/index.js';
import { gitlabCiPlugin } from './gitlab-ci/index.js';
import { dockerPlugin } from './docker/index.js';
import { huggingfacePlugin } from './huggingface/index.js';
import { modelFilesPlugin } from './model-files/index.js';

/**
 * The explicit list of ecosystem plug-ins. A test checks that every folder under `ecosystems/` is listed here
 * and that every parser is exercised by fixtures.
 */
export const ECOSYSTEM_PLUGINS: ReadonlyMap<Ecosystem, EcosystemPlugin> = new Map<Ecosystem, EcosystemPlugin>([
  ['npm', npmPlugin],
  ['Go', goPlugin],
  ['crates.io', cargoPlugin],
  ['RubyGems', rubygemsPlugin],
  ['Packagist', packagistPlugin],
  ['PyPI', pypiPlugin],
  ['Maven', mavenPlugin],
  ['NuGet', nugetPlugin],
  ['Pub', pubPlugin],
  ['Hex', hexPlugin],
  ['SwiftURL', swiftPlugin],
  ['CocoaPods', cocoapodsPlugin],
  // Scanners of references outside lockfiles; a file claimed by a lockfile parser above is never scanned.
  ['GitHub Actions', githubActionsPlugin],
  ['GitLab CI', gitlabCiPlugin],
  ['Docker', dockerPlugin],
  ['Hugging Face', huggingfacePlugin],
  ['Model file', modelFilesPlugin],
]);

/** The plug-in for an ecosystem; throws UNSUPPORTED_ECOSYSTEM when there is none. */
export function getEcosystemPlugin(ecosystem: string): EcosystemPlugin {
  const plugin = ECOSYSTEM_PLUGINS.get(ecosystem as Ecosystem);
  if (!plugin) {
    throw new LockwardenError('UNSUPPORTED_ECOSYSTEM', `unsupported ecosystem "${ecosystem}"`);
  }
  return plugin;
}

/** Every lockfile format of every plug-in, in registry order (metadata only: no parser is loaded). */
export function allLockfileFormats(): LockfileFormat[] {
  return [...ECOSYSTEM_PLUGINS.values()].flatMap((p) => p.lockfiles);
}

/** Every manifest format of every plug-in. */
export function allManifestFormats(): ManifestFormat[] {
  return [...ECOSYSTEM_PLUGINS.values()].flatMap((p) => p.manifests ?? []);
}

/** Every lockfile parser, loaded (tests and the fuzzer; a command loads only the formats it meets). */
export async function allLockfileParsers(): Promise<LockfileParser[]> {
  return Promise.all(allLockfileFormats().map((f) => f.load()));
}

/** Every manifest parser, loaded. */
export async function allManifestParsers(): Promise<ManifestParser[]> {
  return Promise.all(allManifestFormats().map((f) => f.load()));
}

/** The format whose id (conventional file name) is `id`, e.g. `--parse-as yarn.lock`. */
export function getLockfileFormat(id: string): LockfileFormat {
  const format = allLockfileFormats().find((p) => p.id === id);
  if (!format) {
    const known = allLockfileFormats()
      .map((p) => p.id)
      .join(', ');
    throw new LockwardenError('UNSUPPORTED_FORMAT', `unknown lockfile format "${id}" (known: ${known})`);
  }
  return format;
}

/** The parser of the format whose id is `id`, loaded; throws UNSUPPORTED_FORMAT for an unknown id. */
export function loadLockfileParser(id: string): Promise<LockfileParser> {
  return getLockfileFormat(id).load();
}

/** The lockfile format that claims a file by its base name, or `undefined` (scanners are not asked). */
export function formatForFileName(baseName: string): LockfileFormat | undefined {
  return allLockfileFormats().find((p) => !p.scanner && p.fileNames.some((pattern) => matchesFileName(pattern, baseName)));
}

/**
 * The formats for a file found during discovery: the lockfile format that claims it by name, else every scanner
 * that claims it by name or path pattern (empty when none does).
 */
export function formatsForPath(path: string): LockfileFormat[] {
  const baseName = posix.basename(path);
  const lockfile = formatForFileName(baseName);
  if (lockfile) return [lockfile];
  return scanners().filter(
    ({ format, paths }) => format.fileNames.some((pattern) => matchesFileName(pattern, baseName)) || paths.some((m) => m.match(path)),
  ).map(({ format }) => format);
}

let compiledScanners: Array<{ format: LockfileFormat; paths: Minimatch[] }> | undefined;

/** The scanners with their path patterns compiled once: discovery asks for every file of the tree. */
function scanners(): Array<{ format: LockfileFormat; paths: Minimatch[] }> {
  compiledScanners ??= allLockfileFormats()
    .filter((p) => p.scanner)
    .map((format) => ({ format, paths: (format.pathPatterns ?? []).map((p) => new Minimatch(p, { dot: true })) }));
  return compiledScanners;
}

/** Matches exact names and simple `*` globs (`*.lock.json`). */
export function matchesFileName(pattern: string, baseName: string): boolean {
  if (!pattern.includes('*')) return pattern === baseName;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!baseName.startsWith(first) || !baseName.endsWith(last) || baseName.length < first.length + last.length) {
    return false;
  }
  let index = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = baseName.indexOf(part, index);
    if (found < 0 || found + part.length > baseName.length - last.length) return false;
    index = found + part.length;
  }
  return true;
}

/** Orders two versions as the ecosystem does: -1, 0 or 1. */
export function compareVersions(ecosystem: string, a: string, b: string): -1 | 0 | 1 {
  return getEcosystemPlugin(ecosystem).compareVersions(a, b);
}

/** The ecosystem's canonical form of a package name. */
export function normalizePackageName(ecosystem: string, name: string): string {
  return getEcosystemPlugin(ecosystem).normalizeName(name);
}

/** The ecosystem whose plug-in has this purl type (`pypi` → `PyPI`), or `undefined` for other types (deb, github, ...). */
export function ecosystemForPurlType(purlType: string): Ecosystem | undefined {
  // pkg:generic names anything; that committed model files use it does not make every generic purl one.
  if (purlType === 'generic') return undefined;
  for (const plugin of ECOSYSTEM_PLUGINS.values()) if (plugin.purlType === purlType) return plugin.ecosystem;
  return undefined;
}

/** Every purl type a plug-in handles, in registry order. */
export function supportedPurlTypes(): string[] {
  return [...ECOSYSTEM_PLUGINS.values()].map((p) => p.purlType);
}
