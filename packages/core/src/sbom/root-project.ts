import { parseTomlDocument } from '../parse/toml.js';
import { isRecord, parseJson } from '../parse/json.js';
import { buildPurl } from '../model/purl.js';

/** The project a BOM describes: its `metadata.component`. */
export interface RootProject {
  name: string;
  version?: string | undefined;
  group?: string | undefined;
  purl?: string | undefined;
  /** The manifest it was read from (`package.json`, `pyproject.toml`, `Cargo.toml`, `go.mod`). */
  manifest: string;
}

/** Reads a file relative to the project folder; `undefined` when it does not exist. */
export type ReadRelated = (relativePath: string) => string | undefined;

/**
 * Finds the root project in a folder from its manifest, trying package.json, pyproject.toml, Cargo.toml and
 * go.mod in that order. Returns `undefined` when none names a project. Malformed manifests throw `ParseError`.
 */
export function readRootProject(read: ReadRelated): RootProject | undefined {
  for (const [manifest, reader] of MANIFESTS) {
    const text = read(manifest);
    if (text === undefined) continue;
    const project = reader(text, manifest);
    if (project) return project;
  }
  return undefined;
}

const MANIFESTS: ReadonlyArray<[string, (text: string, file: string) => RootProject | undefined]> = [
  ['package.json', fromPackageJson],
  ['pyproject.toml', fromPyproject],
  ['Cargo.toml', fromCargoToml],
  ['go.mod', fromGoMod],
];

function fromPackageJson(text: string, file: string): RootProject | undefined {
  const json = parseJson(text, file);
  if (!isRecord(json) || typeof json.name !== 'string' || json.name === '') return undefined;
  const version = typeof json.version === 'string' && json.version !== '' ? json.version : undefined;
  const scoped = /^(@[^/]+)\/(.+)$/.exec(json.name);
  const purl = buildPurl('npm', scoped?.[1], scoped?.[2] ?? json.name, version);
  return { name: scoped?.[2] ?? json.name, group: scoped?.[1], version, purl, manifest: file };
}

function readToml(text: string, file: string): Record<string, unknown> | undefined {
  try {
    return parseTomlDocument(text, file);
  } catch {
    // A manifest we cannot read only costs the BOM its root name; the lockfile parsers report real errors.
    return undefined;
  }
}

function fromPyproject(text: string, file: string): RootProject | undefined {
  const toml = readToml(text, file);
  const project = isRecord(toml?.project) ? toml.project : undefined;
  const tool = isRecord(toml?.tool) ? toml.tool : undefined;
  const poetry = isRecord(tool?.poetry) ? tool.poetry : undefined;
  const source = project && typeof project.name === 'string' ? project : poetry;
  if (!source || typeof source.name !== 'string') return undefined;
  const version = typeof source.version === 'string' ? source.version : undefined;
  const purl = buildPurl('pypi', undefined, source.name, version);
  return { name: source.name, version, purl, manifest: file };
}

function fromCargoToml(text: string, file: string): RootProject | undefined {
  const toml = readToml(text, file);
  const pkg = isRecord(toml?.package) ? toml.package : undefined;
  if (!pkg || typeof pkg.name !== 'string') return undefined;
  const version = typeof pkg.version === 'string' ? pkg.version : undefined;
  return { name: pkg.name, version, purl: buildPurl('cargo', undefined, pkg.name, version), manifest: file };
}

function fromGoMod(text: string, file: string): RootProject | undefined {
  const module = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(text)?.[2];
  if (!module) return undefined;
  const slash = module.lastIndexOf('/');
  const purl = buildPurl('golang', slash < 0 ? undefined : module.slice(0, slash), module.slice(slash + 1), undefined);
  return { name: module, purl, manifest: file };
}
