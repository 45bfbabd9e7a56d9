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

/** The TOML or YAML reader a manifest needs, loaded only when such a manifest is there (most SBOMs need neither). */
type Decode = (text: string, file: string) => unknown;
type Reader = (text: string, file: string, decode: Decode) => RootProject | undefined;

const DECODERS: Record<'json' | 'toml' | 'yaml', () => Promise<Decode>> = {
  json: () => Promise.resolve(parseJson),
  toml: async () => (await import('../parse/toml.js')).parseTomlDocument,
  yaml: async () => {
    const { parseYaml } = await import('../parse/yaml.js');
    return (text, file) => parseYaml(text, file).value;
  },
};

/**
 * Finds the root project in a folder from its manifest, trying package.json, pyproject.toml, Cargo.toml, go.mod,
 * composer.json, pubspec.yaml and mix.exs in that order. Returns `undefined` when none names a project. Malformed
 * JSON manifests throw `ParseError`; TOML and YAML ones only cost the root its name.
 */
export async function readRootProject(read: ReadRelated): Promise<RootProject | undefined> {
  for (const [manifest, reader, language] of MANIFESTS) {
    const text = read(manifest);
    if (text === undefined) continue;
    const project = reader(text, manifest, await DECODERS[language]());
    if (project) return project;
  }
  return undefined;
}

const MANIFESTS: ReadonlyArray<[string, Reader, keyof typeof DECODERS]> = [
  ['package.json', fromPackageJson, 'json'],
  ['pyproject.toml', fromPyproject, 'toml'],
  ['Cargo.toml', fromCargoToml, 'toml'],
  ['go.mod', fromGoMod, 'json'],
  ['composer.json', fromComposerJson, 'json'],
  ['pubspec.yaml', fromPubspec, 'yaml'],
  ['mix.exs', fromMixExs, 'json'],
];

function fromPackageJson(text: string, file: string): RootProject | undefined {
  const json = parseJson(text, file);
  if (!isRecord(json) || typeof json.name !== 'string' || json.name === '') return undefined;
  const version = typeof json.version === 'string' && json.version !== '' ? json.version : undefined;
  const scoped = /^(@[^/]+)\/(.+)$/.exec(json.name);
  const purl = buildPurl('npm', scoped?.[1], scoped?.[2] ?? json.name, version);
  return { name: scoped?.[2] ?? json.name, group: scoped?.[1], version, purl, manifest: file };
}

function readToml(text: string, file: string, decode: Decode): Record<string, unknown> | undefined {
  try {
    const value = decode(text, file);
    return isRecord(value) ? value : undefined;
  } catch {
    // A manifest we cannot read only costs the BOM its root name; the lockfile parsers report real errors.
    return undefined;
  }
}

function fromPyproject(text: string, file: string, decode: Decode): RootProject | undefined {
  const toml = readToml(text, file, decode);
  const project = isRecord(toml?.project) ? toml.project : undefined;
  const tool = isRecord(toml?.tool) ? toml.tool : undefined;
  const poetry = isRecord(tool?.poetry) ? tool.poetry : undefined;
  const source = project && typeof project.name === 'string' ? project : poetry;
  if (!source || typeof source.name !== 'string') return undefined;
  const version = typeof source.version === 'string' ? source.version : undefined;
  const purl = buildPurl('pypi', undefined, source.name, version);
  return { name: source.name, version, purl, manifest: file };
}

function fromCargoToml(text: string, file: string, decode: Decode): RootProject | undefined {
  const toml = readToml(text, file, decode);
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

function fromComposerJson(text: string, file: string): RootProject | undefined {
  const json = parseJson(text, file);
  if (!isRecord(json) || typeof json.name !== 'string' || !json.name.includes('/')) return undefined;
  const [vendor, name] = json.name.split('/', 2) as [string, string];
  const version = typeof json.version === 'string' && json.version !== '' ? json.version : undefined;
  return { name, group: vendor, version, purl: buildPurl('composer', vendor, name, version), manifest: file };
}

function fromPubspec(text: string, file: string, decode: Decode): RootProject | undefined {
  let value: unknown;
  try {
    value = decode(text, file);
  } catch {
    // As with TOML manifests: an unreadable manifest only costs the root its name.
    return undefined;
  }
  if (!isRecord(value) || typeof value.name !== 'string' || value.name === '') return undefined;
  const version = typeof value.version === 'string' && value.version !== '' ? value.version : undefined;
  return { name: value.name, version, purl: buildPurl('pub', undefined, value.name, version), manifest: file };
}

/**
 * `mix.exs` is Elixir code; its `project/0` keyword list names the app (`app: :my_app`) and the version, as a
 * string or through a module attribute (`@version "1.2.0"` ... `version: @version`). The text is tokenized
 * (comments and strings understood), not matched line by line, so a commented-out `app:` does not count.
 */
function fromMixExs(text: string, file: string): RootProject | undefined {
  const tokens = elixirTokens(text);
  const attributes = new Map<string, string>();
  let app: string | undefined;
  let version: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as ElixirToken;
    const next = tokens[i + 1];
    if (t.kind === 'attribute' && next?.kind === 'string' && !attributes.has(t.text)) attributes.set(t.text, next.text);
    if (t.kind === 'key' && t.text === 'app' && next?.kind === 'atom' && app === undefined) app = next.text;
    if (t.kind === 'key' && t.text === 'version' && version === undefined) {
      if (next?.kind === 'string') version = next.text;
      else if (next?.kind === 'attribute') version = attributes.get(next.text);
    }
  }
  if (!app) return undefined;
  return { name: app, version, purl: buildPurl('hex', undefined, app, version), manifest: file };
}

interface ElixirToken {
  kind: 'key' | 'atom' | 'string' | 'attribute';
  text: string;
}

/** The few Elixir tokens `fromMixExs` needs: `key:`, `:atom`, `"string"` (no interpolation), `@attribute`. */
function elixirTokens(text: string): ElixirToken[] {
  const tokens: ElixirToken[] = [];
  const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_?!]/.test(c);
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') j++;
        value += text[j] ?? '';
        j++;
      }
      tokens.push({ kind: 'string', text: value });
      i = j + 1;
    } else if (c === ':' && isWord(text[i + 1]) && !isWord(text[i - 1])) {
      let j = i + 1;
      while (isWord(text[j])) j++;
      tokens.push({ kind: 'atom', text: text.slice(i + 1, j) });
      i = j;
    } else if (c === '@' && isWord(text[i + 1])) {
      let j = i + 1;
      while (isWord(text[j])) j++;
      tokens.push({ kind: 'attribute', text: text.slice(i + 1, j) });
      i = j;
    } else if (isWord(c)) {
      let j = i;
      while (isWord(text[j])) j++;
      if (text[j] === ':' && text[j + 1] !== ':') tokens.push({ kind: 'key', text: text.slice(i, j) });
      i = j;
    } else {
      i++;
    }
  }
  return tokens;
}
