import { describe, expect, it } from 'vitest';
import { allManifestParsers, ParseError, type DeclaredDependency, type ManifestParser } from '@lockwarden/core';

const MANIFESTS = await allManifestParsers();

function manifest(id: string): ManifestParser {
  const found = MANIFESTS.find((m) => m.id === id);
  if (!found) throw new Error(`no manifest parser ${id}`);
  return found;
}

function rows(deps: DeclaredDependency[]): [string, string, string[], number | undefined][] {
  return deps.map((d) => [d.name, d.specifier, d.scopes, d.location.line]);
}

describe('pyproject.toml', () => {
  const parser = manifest('pyproject.toml');

  it('reads PEP 621 dependencies, optional-dependencies and PEP 735 dependency groups', () => {
    const text = `[project]
name = "app"
dependencies = [
  "requests[socks] >= 2.31, < 3 ; python_version >= '3.8'",
  "Flask_Login",
  "tool @ git+https://github.com/org/tool@v1",
]

[project.optional-dependencies]
cli = ["rich>=13"]

[dependency-groups]
test = ["pytest>=8", { include-group = "lint" }]
lint = ["ruff==0.6.0"]
`;
    const deps = parser.parse(text, 'pyproject.toml');
    expect(rows(deps)).toEqual([
      ['requests', '>=2.31,<3', [], 4],
      ['Flask_Login', '', [], 5],
      ['tool', 'git+https://github.com/org/tool@v1', [], 6],
      ['rich', '>=13', ['cli'], 10],
      ['pytest', '>=8', ['test'], 13],
      ['ruff', '==0.6.0', ['lint'], 14],
    ]);
    expect(deps[1]?.purl).toBe('pkg:pypi/flask-login');
    expect(deps.every((d) => d.ecosystem === 'PyPI' && d.location.file === 'pyproject.toml')).toBe(true);
  });

  it('reads Poetry dependency tables, groups and the legacy dev-dependencies, skipping python', () => {
    const text = `[tool.poetry.dependencies]
python = "^3.10"
django = "^5.0"
"zope.interface" = { version = ">=6", optional = true }
mylib = { git = "https://github.com/org/mylib.git", tag = "v2.0" }
numpy = [
  { version = "<2", python = "<3.9" },
  { version = ">=2", python = ">=3.9" },
]

[tool.poetry.dev-dependencies]
black = "*"

[tool.poetry.group.docs.dependencies]
mkdocs = "^1.6"
`;
    expect(rows(parser.parse(text, 'pyproject.toml'))).toEqual([
      ['django', '^5.0', [], 3],
      ['zope.interface', '>=6', ['optional'], 4],
      ['mylib', 'git+https://github.com/org/mylib.git@v2.0', [], 5],
      ['numpy', '<2', [], 6],
      ['numpy', '>=2', [], 6],
      ['black', '*', ['dev'], 12],
      ['mkdocs', '^1.6', ['docs'], 15],
    ]);
    expect(parser.parse(text, 'pyproject.toml')[1]?.purl).toBe('pkg:pypi/zope-interface');
  });

  it('reads PDM and uv dev dependencies', () => {
    const text = `[tool.pdm.dev-dependencies]
test = ["pytest>=8"]

[tool.uv]
dev-dependencies = ["mypy==1.11"]
`;
    expect(rows(parser.parse(text, 'pyproject.toml'))).toEqual([
      ['pytest', '>=8', ['test'], 2],
      ['mypy', '==1.11', ['dev'], 5],
    ]);
  });

  it('reports malformed TOML with file, line and column', () => {
    let err: unknown;
    try {
      parser.parse('[project]\ndependencies = ["a",\n', 'pkg/pyproject.toml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).message).toMatch(/^pkg\/pyproject\.toml:\d+:\d+: invalid TOML: /);
  });
});

describe('requirements.in', () => {
  it('keeps the specifier as written, including URL requirements, and drops local directories', () => {
    const text = 'django>=4.2,<5  # LTS\nrequests\n-e .\nlib @ https://files.example.org/lib-1.0.tar.gz\n-r other.in\n';
    const deps = manifest('requirements.in').parse(text, 'requirements.in');
    expect(rows(deps)).toEqual([
      ['django', '>=4.2,<5', [], 1],
      ['requests', '', [], 2],
      ['lib', 'https://files.example.org/lib-1.0.tar.gz', [], 4],
    ]);
    expect(deps.map((d) => d.purl)).toEqual(['pkg:pypi/django', 'pkg:pypi/requests', 'pkg:pypi/lib']);
  });
});
