import type { DeclaredDependency } from '../../model/inventory.js';
import type { ManifestParser } from '../types.js';
import { pypiPurl } from './package-name.js';
import { parseRequirement } from './requirement-spec.js';
import { SourceLines } from './source-lines.js';
import { parseTomlDocument, tomlArray, tomlString, tomlTable, type TomlRecord } from '../../parse/toml.js';
import { atEntry } from '../../model/purl.js';

interface Collector {
  file: string;
  lines: SourceLines;
  out: DeclaredDependency[];
}

function declare(c: Collector, name: string, specifier: string, scopes: string[], line: number | undefined): void {
  const dep: DeclaredDependency = {
    ecosystem: 'PyPI',
    name,
    specifier,
    purl: atEntry(c.file, line, () => pypiPurl(name, '')),
    scopes,
    location: line === undefined ? { file: c.file } : { file: c.file, line },
  };
  c.out.push(dep);
}

/** PEP 508 strings (`[project].dependencies`, optional-dependencies, PEP 735 groups, PDM dev groups). */
function pep508List(c: Collector, list: unknown, scopes: string[], from: number): void {
  // Items are searched for after the one before them: from the section's start each time was quadratic.
  let cursor = from;
  for (const item of tomlArray(list)) {
    // PEP 735 `{ include-group = "x" }` entries repeat another group, whose own entries are declared already.
    if (typeof item !== 'string') continue;
    const req = parseRequirement(item);
    if (!req) continue;
    const at = c.lines.quotedOffset(item, cursor);
    if (at !== undefined) cursor = at + 1;
    declare(c, req.name, req.url ?? req.specifier, scopes, at === undefined ? undefined : c.lines.line(at));
  }
}

/** Poetry's `name = "^1.2"` / `{ version = "...", optional = true }` / `{ git = "..." }` / arrays of those. */
function poetryTable(c: Collector, table: TomlRecord | undefined, scopes: string[], headerPath: string[]): void {
  if (!table) return;
  const from = c.lines.headerOffset(headerPath) ?? 0;
  for (const [name, value] of Object.entries(table)) {
    if (name.toLowerCase() === 'python') continue; // the interpreter constraint, not a package
    const line = c.lines.key(name, from);
    const variants = Array.isArray(value) ? value : [value];
    for (const variant of variants) {
      if (typeof variant === 'string') {
        declare(c, name, variant, scopes, line);
        continue;
      }
      const spec = tomlTable(variant);
      if (!spec) continue;
      const specifier = poetrySpecifier(spec);
      const optional = spec.optional === true && !scopes.includes('optional') ? [...scopes, 'optional'] : scopes;
      declare(c, name, specifier, optional, line);
    }
  }
}

function poetrySpecifier(spec: TomlRecord): string {
  const git = tomlString(spec.git);
  if (git !== undefined) {
    const ref = tomlString(spec.rev) ?? tomlString(spec.tag) ?? tomlString(spec.branch);
    return ref === undefined ? `git+${git}` : `git+${git}@${ref}`;
  }
  return tomlString(spec.version) ?? tomlString(spec.url) ?? tomlString(spec.path) ?? tomlString(spec.file) ?? '';
}

/**
 * The dependencies a `pyproject.toml` declares: PEP 621 `[project]` dependencies (scope `[]`) and
 * optional-dependencies (scope: the extra's name), PEP 735 `[dependency-groups]` (the group's name), Poetry's
 * `[tool.poetry.dependencies]`, `dev-dependencies` (`dev`) and `[tool.poetry.group.<g>.dependencies]` (`<g>`),
 * PDM's `[tool.pdm.dev-dependencies]` and uv's `[tool.uv] dev-dependencies`. Optional Poetry dependencies also get
 * `optional`. Malformed TOML is a `ParseError` with line and column.
 */
export function readPyprojectDependencies(text: string, file: string): DeclaredDependency[] {
  const doc = parseTomlDocument(text, file);
  const c: Collector = { file, lines: new SourceLines(text), out: [] };

  const project = tomlTable(doc.project);
  if (project) {
    pep508List(c, project.dependencies, [], c.lines.headerOffset(['project']) ?? 0);
    const optional = tomlTable(project['optional-dependencies']);
    const from = c.lines.headerOffset(['project', 'optional-dependencies']) ?? 0;
    for (const [extra, list] of Object.entries(optional ?? {})) pep508List(c, list, [extra], from);
  }

  const groups = tomlTable(doc['dependency-groups']);
  const groupsFrom = c.lines.headerOffset(['dependency-groups']) ?? 0;
  for (const [group, list] of Object.entries(groups ?? {})) pep508List(c, list, [group], groupsFrom);

  const tool = tomlTable(doc.tool);
  const poetry = tomlTable(tool?.poetry);
  if (poetry) {
    poetryTable(c, tomlTable(poetry.dependencies), [], ['tool', 'poetry', 'dependencies']);
    poetryTable(c, tomlTable(poetry['dev-dependencies']), ['dev'], ['tool', 'poetry', 'dev-dependencies']);
    for (const [group, body] of Object.entries(tomlTable(poetry.group) ?? {})) {
      poetryTable(c, tomlTable(tomlTable(body)?.dependencies), [group], ['tool', 'poetry', 'group', group, 'dependencies']);
    }
  }

  const pdmDev = tomlTable(tomlTable(tool?.pdm)?.['dev-dependencies']);
  const pdmFrom = c.lines.headerOffset(['tool', 'pdm', 'dev-dependencies']) ?? 0;
  for (const [group, list] of Object.entries(pdmDev ?? {})) pep508List(c, list, [group], pdmFrom);

  const uv = tomlTable(tool?.uv);
  if (uv) pep508List(c, uv['dev-dependencies'], ['dev'], c.lines.headerOffset(['tool', 'uv']) ?? 0);

  return c.out;
}

/** `pyproject.toml` as a manifest (PEP 621, PEP 735, Poetry, PDM and uv tables). */
export const pyprojectTomlParser: ManifestParser = {
  id: 'pyproject.toml',
  ecosystem: 'PyPI',
  fileNames: ['pyproject.toml'],
  parse: readPyprojectDependencies,
};
