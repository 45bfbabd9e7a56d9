import { parseSyml } from '@yarnpkg/parsers';
import { ParseError } from '../../errors.js';
import type { Inventory } from '../../model/inventory.js';
import type { Hash, Source } from '../../model/package.js';
import { isRecord, MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';
import { readYamlSubset } from '../../parse/yaml-subset.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { decodeIntegrity, decodeYarnChecksum } from './integrity.js';
import { PackageCollector } from './package-collector.js';
import { applyRootScopes, declareRoot, type RootDeclarations } from './root-scopes.js';
import { npmProjectId } from './package-lock.js';
import { sourceFromResolved } from './resolved-source.js';

const ROOT_MANIFEST_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const ENTRY_DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies'];

/** One lockfile entry with every descriptor (`name@range`) that resolves to it. */
interface YarnEntry {
  descriptors: string[];
  fields: Record<string, unknown>;
}

/** `name@range` → [name, range]; the name may be scoped. */
function splitDescriptor(descriptor: string): [string, string] {
  const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
  return at < 0 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}

function unquote(part: string): string {
  const trimmed = part.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return tryUnquote(trimmed) ?? trimmed.slice(1, -1);
  }
  return trimmed;
}

/** The descriptors of a header: berry quotes the whole list (`"a@npm:1, a@npm:^1"`), v1 each one. */
function splitHeader(header: string): string[] {
  const whole = header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? tryUnquote(header) : undefined;
  return (whole ?? header).split(',').map((part) => (whole === undefined ? unquote(part) : part.trim()));
}

function tryUnquote(quoted: string): string | undefined {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps each descriptor to the 1-based line of its entry header, in one pass over the text: headers are the
 * lines that start at column 0 and end with `:` (yarn never indents them; comments start with `#`).
 */
function headerLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const first = text.charCodeAt(start);
    // Skip blank lines, indented properties (space, tab) and comments (#).
    if (end > start && first !== 32 && first !== 9 && first !== 35 && first !== 13) {
      let content = text.slice(start, end);
      if (content.endsWith('\r')) content = content.slice(0, -1);
      if (content.endsWith(':')) {
        for (const descriptor of splitHeader(content.slice(0, -1))) {
          if (descriptor !== '' && !lines.has(descriptor)) lines.set(descriptor, line);
        }
      }
    }
    start = end + 1;
    line++;
  }
  return lines;
}

function parseError(path: string, err: unknown): ParseError {
  const e = err as { message?: string; location?: { start?: { line?: number; column?: number } }; mark?: { line?: number; column?: number } };
  const reason = (e.message ?? String(err)).split('\n')[0] ?? 'invalid yarn.lock';
  const fromPeg = e.location?.start;
  if (fromPeg?.line !== undefined) {
    return new ParseError(path, `invalid yarn.lock: ${reason}`, { line: fromPeg.line, column: fromPeg.column }, { cause: err });
  }
  // js-yaml (berry lockfiles) counts lines and columns from 0.
  if (e.mark?.line !== undefined) {
    return new ParseError(
      path,
      `invalid yarn.lock: ${reason.replace(/ \(\d+:\d+\)$/, '')}`,
      { line: e.mark.line + 1, column: (e.mark.column ?? 0) + 1 },
      { cause: err },
    );
  }
  return new ParseError(path, `invalid yarn.lock: ${reason}`, {}, { cause: err });
}

/** What `parseSyml` takes for a yarn v1 lockfile (its own PEG grammar); anything else it loads as YAML. */
const V1_HEADER = /^(#.*(\r?\n))*?#\s+yarn\s+lockfile\s+v1\r?\n/i;

/**
 * A berry lockfile read by the YAML subset reader, typed as `parseSyml` types it (js-yaml's FAILSAFE schema: every
 * scalar a string); `undefined` for v1 files and for anything outside the subset, which `parseSyml` then reads
 * (and reports errors of, with their positions). On a 5,000-package berry lockfile, in a fresh process: 100 ms
 * against 139 ms for `parseSyml`.
 */
function berrySubset(source: string): Record<string, unknown> | undefined {
  if (V1_HEADER.test(source)) return undefined;
  return readYamlSubset(source, { schema: 'failsafe' })?.value;
}

/** Groups parseSyml's result into entries: v1 repeats one object under each descriptor, berry joins them. */
function entriesOf(parsed: Record<string, unknown>): YarnEntry[] {
  const byObject = new Map<Record<string, unknown>, YarnEntry>();
  for (const key of Object.keys(parsed)) {
    if (key === '__metadata') continue;
    const fields = parsed[key];
    if (!isRecord(fields)) continue;
    const descriptors = key.split(',').map(unquote).filter((d) => d !== '');
    const existing = byObject.get(fields);
    if (existing) existing.descriptors.push(...descriptors);
    else byObject.set(fields, { descriptors, fields });
  }
  return [...byObject.values()];
}

function str(fields: Record<string, unknown>, key: string): string | undefined {
  const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Where a berry package comes from, read from the range of its resolution (`npm:1.0.0`, `workspace:.`, …). */
function berrySource(range: string): Source {
  if (range.startsWith('npm:')) return { kind: 'registry' };
  if (range.startsWith('patch:')) {
    // `patch:lodash@npm%3A4.17.21#./patches/x.patch::…`: the patched package's own source decides.
    const inner = decodeURIComponent(range.slice(6).split('#')[0] ?? '');
    return berrySource(splitDescriptor(inner)[1]);
  }
  for (const protocol of ['workspace:', 'file:', 'link:', 'portal:']) {
    if (range.startsWith(protocol)) return { kind: 'path', path: range.slice(protocol.length).split('#')[0]?.split('::')[0] ?? '' };
  }
  return sourceFromResolved(range);
}

/** An SRI text whose first hash decodes to at least one byte: it can be decoded when read, to the same hashes. */
const DECODABLE_SRI = /^(?:sha1|sha256|sha384|sha512|md5)-[A-Za-z0-9+/]{2}/i;

/**
 * yarn v1 registry tarball URLs end in `#<sha1>`: the only hash such an entry carries without `integrity`. A
 * decodable `integrity` is passed on undecoded (the package decodes it the first time its hashes are read).
 */
function v1Hashes(fields: Record<string, unknown>, resolved: string | undefined): Hash[] | string {
  const sri = str(fields, 'integrity');
  if (sri !== undefined && DECODABLE_SRI.test(sri)) return sri;
  const fromIntegrity = decodeIntegrity(sri);
  if (fromIntegrity.length > 0 || resolved === undefined) return fromIntegrity;
  const hash = resolved.lastIndexOf('#');
  const sha1 = hash < 0 ? '' : resolved.slice(hash + 1);
  return /^[0-9a-f]{40}$/.test(sha1) && resolved.includes('/-/') ? [{ algorithm: 'sha1', value: sha1 }] : [];
}

/**
 * Parses yarn.lock: classic (v1) and berry (v2+), both through `@yarnpkg/parsers`. Each entry is one package
 * (berry's root workspace `@workspace:.` is the root project, not a package; other workspaces are both).
 * Edges resolve each dependency's descriptor to the entry that lists it. Direct dependencies come from the
 * root workspace (berry) or, for v1, from the sibling package.json when readable, else from entries no
 * other entry depends on.
 */
export function parseYarnLock(text: string, path: string, context?: ParseContext): Inventory {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(path, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  const source = stripBom(text);
  let parsed: unknown = berrySubset(source);
  if (parsed === undefined) {
    try {
      parsed = parseSyml(source);
    } catch (err) {
      throw parseError(path, err);
    }
  }
  if (!isRecord(parsed)) throw new ParseError(path, 'expected a mapping of lockfile entries', { line: 1, column: 1 });
  const berry = Object.hasOwn(parsed, '__metadata');
  const lines = headerLines(source);
  const collector = new PackageCollector(path, 'yarn.lock');
  const byDescriptor = new Map<string, string>();
  const taken = new Set<string>();
  const nodes: Array<{ id: string; entry: YarnEntry; project?: string }> = [];
  collector.addProject({ id: npmProjectId(''), path: '' });

  for (const entry of entriesOf(parsed)) {
    const first = entry.descriptors[0] ?? '';
    const [descriptorName, range] = splitDescriptor(first);
    const resolution = str(entry.fields, 'resolution');
    const version = str(entry.fields, 'version') ?? '';
    let name = descriptorName;
    let pkgSource: Source;
    let integrity: Hash[] | string;
    let id: string;
    let project: string | undefined;
    if (berry) {
      const [resolvedName, resolvedRange] = splitDescriptor(resolution ?? first);
      name = resolvedName;
      id = resolution ?? first;
      pkgSource = berrySource(resolvedRange);
      integrity = decodeYarnChecksum(str(entry.fields, 'checksum'));
      if (resolvedRange.startsWith('workspace:')) {
        const workspace = resolvedRange.slice(10);
        project = workspace === '.' ? '' : workspace;
      }
    } else {
      if (range.startsWith('npm:')) {
        const alias = splitDescriptor(range.slice(4));
        if (alias[1] !== '') name = alias[0];
      }
      const resolved = str(entry.fields, 'resolved');
      id = `${name}@${version}`;
      // Two entries can share a name and version (two git commits); ids must stay unique per entry.
      for (let n = 2; taken.has(id); n++) id = `${name}@${version}#${n}`;
      pkgSource = resolved !== undefined ? sourceFromResolved(resolved) : sourceFromResolved(range);
      integrity = v1Hashes(entry.fields, resolved);
    }
    taken.add(id);
    for (const descriptor of entry.descriptors) byDescriptor.set(descriptor, id);
    if (project !== undefined) {
      collector.addProject({ id: npmProjectId(project), name, path: project });
      nodes.push({ id, entry, project });
      // The root workspace is the project itself; the corpus (and yarn) list other workspaces as packages too.
      if (project === '') continue;
    } else {
      nodes.push({ id, entry });
    }
    const aliases = entry.descriptors.map((d) => splitDescriptor(d)[0]).filter((n) => n !== name);
    collector.add({
      nodeId: id,
      name,
      version,
      scopes: [],
      integrity,
      source: pkgSource,
      line: lines.get(first),
      ...(aliases.length > 0 ? { aliases: [...new Set(aliases)] } : {}),
    });
  }

  const resolve = (depName: string, range: string): string | undefined =>
    byDescriptor.get(`${depName}@${range}`) ?? (berry ? byDescriptor.get(`${depName}@npm:${range}`) : undefined);

  const required = new Set<string>();
  for (const node of nodes) {
    const from = node.project !== undefined ? npmProjectId(node.project) : node.id;
    for (const field of ENTRY_DEPENDENCY_FIELDS) {
      const map = Object.hasOwn(node.entry.fields, field) ? node.entry.fields[field] : undefined;
      if (!isRecord(map)) continue;
      for (const depName of Object.keys(map)) {
        const range = map[depName];
        if (typeof range !== 'string') continue;
        const to = resolve(depName, range);
        if (to === undefined) continue;
        collector.addEdge(from, to);
        required.add(to);
      }
    }
  }
  if (!berry) addV1DirectEdges(collector, nodes, required, resolve, context);
  const inventory = collector.build();
  applyRootScopes(inventory, manifestDeclarations(nodes, berry, context));
  return inventory;
}

/**
 * yarn.lock records no dev flags (berry even merges a workspace's devDependencies into its `dependencies`), so the
 * projects' package.json files say which roots are dev: every workspace's for berry, the root's for classic
 * (which records no workspaces). Without a readable manifest every root counts as runtime.
 */
function manifestDeclarations(
  nodes: ReadonlyArray<{ project?: string }>,
  berry: boolean,
  context: ParseContext | undefined,
): RootDeclarations {
  const declarations: RootDeclarations = new Map();
  const projects = berry ? nodes.flatMap((n) => (n.project !== undefined ? [n.project] : [])) : [''];
  for (const project of new Set(projects)) {
    const text = context?.readRelated?.(project === '' ? 'package.json' : `${project}/package.json`);
    let manifest: unknown;
    try {
      manifest = text === undefined ? undefined : JSON.parse(text);
    } catch {
      // An unreadable manifest costs only the scopes; the lockfile's own errors are reported elsewhere.
      manifest = undefined;
    }
    if (isRecord(manifest)) declareRoot(declarations, npmProjectId(project), manifest);
  }
  return declarations;
}

function addV1DirectEdges(
  collector: PackageCollector,
  nodes: ReadonlyArray<{ id: string }>,
  required: ReadonlySet<string>,
  resolve: (name: string, range: string) => string | undefined,
  context: ParseContext | undefined,
): void {
  const root = npmProjectId('');
  const manifestText = context?.readRelated?.('package.json');
  let manifest: unknown;
  try {
    manifest = manifestText === undefined ? undefined : JSON.parse(manifestText);
  } catch {
    manifest = undefined;
  }
  if (isRecord(manifest)) {
    for (const field of ROOT_MANIFEST_FIELDS) {
      const map = manifest[field];
      if (!isRecord(map)) continue;
      for (const depName of Object.keys(map)) {
        const range = map[depName];
        const to = typeof range === 'string' ? resolve(depName, range) : undefined;
        if (to !== undefined) collector.addEdge(root, to);
      }
    }
    return;
  }
  for (const node of nodes) if (!required.has(node.id)) collector.addEdge(root, node.id);
}

/** yarn.lock, classic (v1) and berry (v2+). */
export const yarnLockParser: LockfileParser = {
  id: 'yarn.lock',
  ecosystem: 'npm',
  fileNames: ['yarn.lock'],
  conformance: ['javascript/yarnlock'],
  parse: parseYarnLock,
};
