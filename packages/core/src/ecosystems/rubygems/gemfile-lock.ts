import { ParseError } from '../../errors.js';
import { quoteInput } from '../../parse/error-text.js';
import type { Edge, Inventory } from '../../model/inventory.js';
import type { Hash, Package, Source } from '../../model/package.js';
import { MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';
import type { LockfileParser } from '../types.js';
import { findControlCharacter } from './control-characters.js';
import { gemPurl } from './purl.js';
import { isGemVersion } from './version.js';

type Section = 'source' | 'dependencies' | 'checksums' | 'other';

interface Spec {
  pkg: Package;
  deps: string[];
}

// Bundler's LockfileParser::NAME_VERSION (name, optional "(version[-platform])", optional "!"), with character
// classes that cannot overlap, so a hostile line is matched without backtracking.
const NAME_VERSION = /^( {2}| {4}| {6})([^\s!()]+)(?: \(([^-)]*)(?:-([^)]*))?\))?(!)?$/;
const SOURCE_HEADERS = new Set(['GIT', 'GEM', 'PATH', 'PLUGIN SOURCE']);
const KNOWN_HEADERS = new Set([...SOURCE_HEADERS, 'PLATFORMS', 'DEPENDENCIES', 'RUBY VERSION', 'BUNDLED WITH', 'CHECKSUMS']);

/**
 * Gemfile.lock / gems.locked. Line-based like Bundler's own LockfileParser: GEM, GIT, PATH and PLUGIN SOURCE
 * sections hold `specs:` (4-space gem lines, 6-space dependency lines, which give the edges); DEPENDENCIES marks
 * the direct gems; CHECKSUMS (Bundler 2.6+) gives sha256 integrity. Unknown sections are skipped as Bundler
 * skips them. Merge-conflict markers, binary content, and spec lines that are not `name (version)` are errors.
 */
export const gemfileLockParser: LockfileParser = {
  id: 'Gemfile.lock',
  ecosystem: 'RubyGems',
  fileNames: ['Gemfile.lock', 'gems.locked'],
  conformance: ['ruby/gemfilelock'],
  parse(text: string, path: string): Inventory {
    if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(path, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
    const lines = stripBom(text).split('\n');
    const specs: Spec[] = [];
    const direct: string[] = [];
    const checksums = new Map<string, Hash[]>();
    let section: Section | undefined;
    let source: { header: string; remote?: string; revision?: string; ref?: string; remotes: string[] } | undefined;
    let current: Spec | undefined;
    let sawHeader = false;
    const sectionSpecs: Spec[] = [];
    const closeSource = (): void => {
      for (const s of sectionSpecs) s.pkg.source = sourceOf(source);
      sectionSpecs.length = 0;
    };

    for (let i = 0; i < lines.length; i++) {
      const lineNo = i + 1;
      const raw = lines[i] as string;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const fail = (reason: string, column = 1): never => {
        throw new ParseError(path, reason, { line: lineNo, column });
      };
      const bad = findControlCharacter(line);
      if (bad >= 0) fail(`unexpected control or binary character (0x${line.charCodeAt(bad).toString(16)})`, bad + 1);
      if (/^(<{7}|={7}|>{7})( |$)/.test(line)) fail('merge conflict marker: resolve the conflict and run bundle lock again');
      if (line.trim() === '') continue;
      if (!line.startsWith(' ')) {
        closeSource();
        current = undefined;
        sawHeader ||= KNOWN_HEADERS.has(line);
        if (SOURCE_HEADERS.has(line)) {
          section = 'source';
          source = { header: line, remotes: [] };
        } else if (line === 'DEPENDENCIES') section = 'dependencies';
        else if (line === 'CHECKSUMS') section = 'checksums';
        else section = 'other';
        continue;
      }
      if (section === 'source' && source) {
        const option = /^ {2}([a-z_]+): ?(.*)$/.exec(line);
        if (option) {
          const [, key, value = ''] = option;
          if (key === 'remote') source.remotes.push(value);
          else if (key === 'revision') source.revision = value;
          else if (key === 'branch' || key === 'tag' || key === 'ref') source.ref ??= value;
          continue;
        }
        if (line === '  specs:') continue;
        const m = NAME_VERSION.exec(line);
        if (!m) fail('expected "name (version)" in specs');
        const [, indent = '', name = '', version, platform] = m as RegExpExecArray;
        if (indent.length === 4) {
          // A gem line without a version cannot be installed; Bundler's parser and the peer skip it.
          if (version === undefined) {
            current = undefined;
            continue;
          }
          if (!isGemVersion(version)) fail(`invalid version ${quoteInput(version)}`, line.indexOf('(') + 2);
          const pkg: Package = {
            id: platform ? `${name}@${version}-${platform}` : `${name}@${version}`,
            ecosystem: 'RubyGems',
            name,
            version,
            purl: gemPurl(name, version, platform),
            direct: false,
            scopes: [],
            integrity: [],
            source: { kind: 'unknown' },
            location: { file: path, line: lineNo },
          };
          current = { pkg, deps: [] };
          specs.push(current);
          sectionSpecs.push(current);
        } else if (indent.length === 6) {
          current?.deps.push(name);
        } else {
          fail('expected a source option or "specs:"');
        }
        continue;
      }
      if (section === 'dependencies') {
        const m = NAME_VERSION.exec(line);
        if (!m || m[1] !== '  ') fail('expected "name (requirement)" in DEPENDENCIES');
        direct.push((m as RegExpExecArray)[2] as string);
        continue;
      }
      if (section === 'checksums') {
        const m = /^ {2}(\S+) \(([^)]*)\)(?: (\S+))?$/.exec(line);
        if (!m) fail('expected "name (version) sha256=..." in CHECKSUMS');
        const [, name = '', version = '', sums] = m as RegExpExecArray;
        const hashes: Hash[] = [];
        for (const part of (sums ?? '').split(',').filter(Boolean)) {
          const h = /^(sha256|sha512)=([0-9a-fA-F]+)$/.exec(part);
          if (h) hashes.push({ algorithm: h[1] as 'sha256' | 'sha512', value: (h[2] as string).toLowerCase() });
        }
        checksums.set(`${name}@${version}`, hashes);
      }
    }
    closeSource();
    if (!sawHeader && lines.some((l) => l.trim() !== '')) {
      throw new ParseError(path, 'not a Gemfile.lock: no GEM, GIT, PATH, PLATFORMS or DEPENDENCIES section', { line: 1, column: 1 });
    }

    const byName = new Map<string, Package[]>();
    for (const s of specs) {
      const list = byName.get(s.pkg.name);
      if (list) list.push(s.pkg);
      else byName.set(s.pkg.name, [s.pkg]);
    }
    for (const s of specs) {
      // CHECKSUMS keys platform builds as name (version-platform), like the spec lines.
      s.pkg.integrity = checksums.get(s.pkg.id) ?? [];
    }
    const edges: Edge[] = [];
    for (const s of specs) for (const dep of s.deps) for (const to of byName.get(dep) ?? []) edges.push({ from: s.pkg.id, to: to.id });
    const directNames = new Set(direct);
    for (const name of directNames) for (const p of byName.get(name) ?? []) edges.push({ from: '.', to: p.id });
    for (const s of specs) s.pkg.direct = directNames.has(s.pkg.name);
    return {
      lockfile: path,
      format: 'Gemfile.lock',
      ecosystem: 'RubyGems',
      packages: specs.map((s) => s.pkg),
      edges,
      projects: [{ id: '.', path: '' }],
    };
  },
};

function sourceOf(source: { header: string; remotes: string[]; revision?: string; ref?: string } | undefined): Source {
  const remote = source?.remotes[0];
  switch (source?.header) {
    case 'GEM':
      return remote ? { kind: 'registry', url: remote } : { kind: 'registry' };
    case 'GIT':
      return remote
        ? { kind: 'git', url: remote, ...(source.revision ? { commit: source.revision } : {}), ...(source.ref ? { ref: source.ref } : {}) }
        : { kind: 'unknown' };
    case 'PATH':
      return remote ? { kind: 'path', path: remote } : { kind: 'unknown' };
    default:
      return { kind: 'unknown' };
  }
}
