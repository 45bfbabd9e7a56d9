import { posix } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../../errors.js';
import type { Package } from '../../model/package.js';
import { MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';
import { LineIndex } from '../../parse/line-index.js';
import type { LockfileParser, ParseContext } from '../types.js';
import { mavenPackage } from './maven-package.js';

/** Local parent POMs followed at most; Maven's own chains are a handful deep. */
const MAX_PARENT_DEPTH = 16;
/** `${a}` -> `${b}` -> ... chains resolved at most; a cycle stops here and stays unresolved. */
const MAX_INTERPOLATION_DEPTH = 16;
/** POMs are a few levels deep; far deeper nesting is hostile input. */
const MAX_NESTED_TAGS = 200;

type XmlNode = Record<string, unknown>;

interface DeclaredDependency {
  group: string;
  artifact: string;
  version: string;
  scope: string;
  optional: boolean;
  file: string;
  line: number | undefined;
}

/** One POM of the parent chain with what the effective model needs from it. */
interface PomModel {
  file: string;
  properties: Map<string, string>;
  dependencies: DeclaredDependency[];
  management: DeclaredDependency[];
  parent: { group: string; artifact: string; version: string; relativePath: string | undefined } | undefined;
  group: string;
  artifact: string;
  version: string;
}

/** Built on first use, so importing the parser registry constructs nothing. */
let xmlParser: XMLParser | undefined;
function pomParser(): XMLParser {
  xmlParser ??= new XMLParser({
    ignoreAttributes: true,
    // Versions such as 1.10 must stay text.
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    maxNestedTags: MAX_NESTED_TAGS,
    // Callbacks get the bare tag name; building a path string per tag would triple the parse time.
    jPath: false,
    isArray: (name) => name === 'dependency' || name === 'profile',
  });
  return xmlParser;
}
const META = XMLParser.getMetaDataSymbol();

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, name: string): unknown {
  return isNode(node) && Object.prototype.hasOwnProperty.call(node, name) ? node[name] : undefined;
}

/** The text of a leaf element (`<version>1.0</version>`), or "" when absent or not a leaf. */
function text(node: unknown, name: string): string {
  const value = child(node, name);
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}

function list(node: unknown, name: string): unknown[] {
  const value = child(node, name);
  return Array.isArray(value) ? value : [];
}

/** Parses one POM's text into the parts of its model lockwarden reads; throws ParseError with line and column. */
function readPom(raw: string, file: string): PomModel {
  if (raw.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  const source = stripBom(raw);
  // A POM never needs a DTD; refusing one rules out entity expansion (billion laughs) and external entities (XXE).
  const doctype = source.search(/<!DOCTYPE/i);
  if (doctype >= 0) {
    throw new ParseError(file, 'DOCTYPE declarations are not allowed in a POM', new LineIndex(source).position(doctype));
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new ParseError(file, `invalid XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col });
  }
  let document: unknown;
  try {
    document = pomParser().parse(source);
  } catch (err) {
    throw new ParseError(file, `invalid XML: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
  }
  const project = child(document, 'project');
  if (!isNode(project) && project !== '') {
    throw new ParseError(file, 'not a Maven POM: no <project> root element');
  }
  const lines = new LineIndex(source);
  const lineOf = (node: unknown): number | undefined => {
    const meta = isNode(node) ? (node[META as unknown as string] as { startIndex?: number } | undefined) : undefined;
    return meta?.startIndex === undefined ? undefined : lines.line(meta.startIndex);
  };
  const dependenciesOf = (container: unknown): DeclaredDependency[] =>
    list(child(container, 'dependencies'), 'dependency').map((d) => ({
      group: text(d, 'groupId'),
      artifact: text(d, 'artifactId'),
      version: text(d, 'version'),
      scope: text(d, 'scope'),
      optional: text(d, 'optional') === 'true',
      file,
      line: lineOf(d),
    }));

  const properties = new Map<string, string>();
  const readProperties = (container: unknown): void => {
    const props = child(container, 'properties');
    if (!isNode(props)) return;
    for (const key of Object.keys(props)) {
      if (key.startsWith('#')) continue;
      const value = props[key];
      properties.set(key, typeof value === 'string' ? value : text(props, key));
    }
  };
  readProperties(project);

  const dependencies = dependenciesOf(project);
  const management = dependenciesOf(child(project, 'dependencyManagement'));
  // Profiles active by default take part in every build that does not name profiles; others need a flag.
  for (const profile of list(child(project, 'profiles'), 'profile')) {
    if (text(child(profile, 'activation'), 'activeByDefault') !== 'true') continue;
    readProperties(profile);
    dependencies.push(...dependenciesOf(profile));
    management.push(...dependenciesOf(child(profile, 'dependencyManagement')));
  }

  const parentNode = child(project, 'parent');
  const parent = isNode(parentNode)
    ? {
        group: text(parentNode, 'groupId'),
        artifact: text(parentNode, 'artifactId'),
        version: text(parentNode, 'version'),
        relativePath: child(parentNode, 'relativePath') === undefined ? undefined : text(parentNode, 'relativePath'),
      }
    : undefined;
  return {
    file,
    properties,
    dependencies,
    management,
    parent,
    group: text(project, 'groupId') || parent?.group || '',
    artifact: text(project, 'artifactId'),
    version: text(project, 'version') || parent?.version || '',
  };
}

/**
 * Follows `<parent><relativePath>` (default `../pom.xml`) through `readRelated`, as Maven does before it looks in
 * a repository: the local POM is used only when its coordinates match the declared parent. No network.
 */
function readParentChain(child: PomModel, relativeDir: string, path: string, context: ParseContext | undefined): PomModel[] {
  const chain: PomModel[] = [];
  const seen = new Set<string>();
  let current = child;
  let dir = relativeDir;
  while (current.parent && context?.readRelated && chain.length < MAX_PARENT_DEPTH) {
    const declared = current.parent;
    // An empty <relativePath/> tells Maven to skip the local lookup.
    if (declared.relativePath === '') break;
    let target = posix.join(dir, declared.relativePath ?? '../pom.xml');
    if (!target.endsWith('.xml')) target = posix.join(target, 'pom.xml');
    if (seen.has(target)) break;
    seen.add(target);
    const raw = context.readRelated(target);
    if (raw === undefined) break;
    const parent = readPom(raw, posix.join(posix.dirname(path), target));
    const matches =
      parent.group === declared.group &&
      parent.artifact === declared.artifact &&
      (declared.version === '' || declared.version.includes('${') || parent.version === declared.version);
    if (!matches) break;
    chain.push(parent);
    current = parent;
    dir = posix.dirname(target);
  }
  return chain;
}

function interpolate(value: string, properties: ReadonlyMap<string, string>): string {
  let out = value;
  for (let i = 0; i < MAX_INTERPOLATION_DEPTH && out.includes('${'); i++) {
    const next = out.replace(/\$\{([^}]*)\}/g, (whole, key: string) => properties.get(key) ?? whole);
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * The version a declaration pins. A range (`[1.2,2.0)`) pins nothing, so its lower bound stands in, as the peer
 * extractor does; an unresolved property gives "" (unknown) rather than a made-up version.
 */
function pinnedVersion(version: string): string {
  if (version.includes('${')) return '';
  const trimmed = version.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('(')) {
    const first = trimmed.slice(1).split(',')[0] ?? '';
    return first.replace(/[\])]$/, '').trim();
  }
  return trimmed;
}

function scopesFor(scope: string, optional: boolean): string[] {
  const scopes = scope === '' || scope === 'compile' ? [] : [scope];
  if (optional) scopes.push('optional');
  return scopes;
}

/**
 * `pom.xml`: the dependencies a project declares (its own, active-by-default profiles', and those inherited from
 * local parent POMs), with `${property}` interpolation and versions filled from `<dependencyManagement>`. It is
 * a manifest, not a lock: transitive dependencies and imported BOMs need a repository and are not resolved.
 */
export const pomXmlParser: LockfileParser = {
  id: 'pom.xml',
  ecosystem: 'Maven',
  fileNames: ['pom.xml'],
  conformance: ['java/pomxml'],
  parse(text, path, context) {
    const root = readPom(text, path);
    const chain = [root, ...readParentChain(root, '.', path, context)];

    // Nearer POMs win: properties and managed versions of a child override its parents'.
    const properties = new Map<string, string>();
    for (const pom of [...chain].reverse()) {
      for (const [key, value] of pom.properties) properties.set(key, value);
    }
    const [, firstParent] = chain;
    const builtins: Array<[string, string]> = [
      ['project.groupId', root.group],
      ['project.artifactId', root.artifact],
      ['project.version', root.version],
      ['pom.groupId', root.group],
      ['pom.artifactId', root.artifact],
      ['pom.version', root.version],
      ['version', root.version],
      ['project.parent.groupId', root.parent?.group ?? firstParent?.group ?? ''],
      ['project.parent.artifactId', root.parent?.artifact ?? firstParent?.artifact ?? ''],
      ['project.parent.version', root.parent?.version ?? firstParent?.version ?? ''],
    ];
    for (const [key, value] of builtins) if (value !== '' && !properties.has(key)) properties.set(key, value);

    const resolve = (d: DeclaredDependency): DeclaredDependency => ({
      ...d,
      group: interpolate(d.group, properties).trim(),
      artifact: interpolate(d.artifact, properties).trim(),
      version: interpolate(d.version, properties).trim(),
      scope: interpolate(d.scope, properties).trim(),
    });
    const managed = new Map<string, DeclaredDependency>();
    for (const pom of chain) {
      for (const m of pom.management.map(resolve)) {
        const key = `${m.group}:${m.artifact}`;
        if (m.scope !== 'import' && !managed.has(key)) managed.set(key, m);
      }
    }

    const packages: Package[] = [];
    const seen = new Set<string>();
    for (const pom of chain) {
      for (const declared of pom.dependencies.map(resolve)) {
        // Without both coordinates there is no package to name.
        if (declared.group === '' || declared.artifact === '') continue;
        const key = `${declared.group}:${declared.artifact}`;
        // One package per group:artifact; the first declaration (the child's, then the file's order) wins.
        if (seen.has(key)) continue;
        seen.add(key);
        const management = managed.get(key);
        const version = pinnedVersion(declared.version || management?.version || '');
        packages.push(
          mavenPackage({
            group: declared.group,
            artifact: declared.artifact,
            version,
            direct: true,
            scopes: scopesFor(declared.scope || management?.scope || '', declared.optional),
            location: declared.line === undefined ? { file: declared.file } : { file: declared.file, line: declared.line },
          }),
        );
      }
    }
    return { lockfile: path, format: 'pom.xml', ecosystem: 'Maven', packages, projects: [] };
  },
};
