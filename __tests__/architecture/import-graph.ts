import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import statement (static, dynamic, `export … from`, type-only alike), resolved when it is relative. */
export interface ImportEdge {
  /** The importing file, relative to the root it was read from. */
  file: string;
  specifier: string;
  /** Absolute path of the imported file for a relative specifier; undefined for a package. */
  target?: string;
}

/** A dependency between two top-level folders of one source root (`policy` → `model`). */
export interface FolderEdge {
  from: string;
  to: string;
  /** Where it happens, for the failure message: `policy/evaluate.ts imports ../engine/run-check.js`. */
  via: string;
}

/** One row of the layer table in docs/architecture.md. */
export interface Layer {
  rank: number;
  folders: string[];
}

/** Every TypeScript source file under `dir` (tests excluded). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The imports of every source file under `root`, read with TypeScript's own pre-processor (no type checking). */
export function readImports(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((path) =>
    ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map(({ fileName }) => ({
      file: relative(root, path).split(sep).join('/'),
      specifier: fileName,
      ...(fileName.startsWith('.') ? { target: resolve(dirname(path), fileName) } : {}),
    })),
  );
}

/** The top-level folder a path below `root` belongs to; a file at the root (`errors.ts`) is its own folder. */
export function folderOf(root: string, path: string): string {
  const first = relative(root, path).split(sep)[0] ?? '';
  return first.replace(/\.(ts|js)$/, '');
}

/** Imports between different top-level folders of `root`, as folder edges. */
export function folderEdges(root: string, imports: readonly ImportEdge[]): FolderEdge[] {
  return imports.flatMap((edge) => {
    if (!edge.target) return [];
    const from = folderOf(root, join(root, edge.file));
    const to = folderOf(root, edge.target);
    return from === to ? [] : [{ from, to, via: `${edge.file} imports ${edge.specifier}` }];
  });
}

/**
 * Reads the `## Layers` table of docs/architecture.md: `| rank | folders | owns | rule |`, folders in backticks.
 */
export function readLayers(markdown: string): Layer[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Layers'));
  if (!section) throw new Error('docs/architecture.md has no "## Layers" section');
  return section
    .split('\n')
    .map((line) => /^\|\s*(\d+)\s*\|([^|]*)\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ rank: Number(m[1]), folders: [...(m[2] ?? '').matchAll(/`([^`]+)`/g)].map((f) => f[1] as string) }));
}

/**
 * The edges that break the layering: an import into a higher layer, into another folder of the same layer, or
 * from or into a folder the table does not place.
 */
export function layerViolations(edges: readonly FolderEdge[], layers: readonly Layer[]): string[] {
  const rank = new Map(layers.flatMap((l) => l.folders.map((f) => [f, l.rank] as const)));
  const problems: string[] = [];
  for (const e of edges) {
    const from = rank.get(e.from);
    const to = rank.get(e.to);
    if (from === undefined || to === undefined) {
      problems.push(`${e.via}: ${from === undefined ? e.from : e.to} is in no layer of docs/architecture.md`);
    } else if (to > from) {
      problems.push(`${e.via}: ${e.from} (layer ${from}) must not import ${e.to} (layer ${to})`);
    } else if (to === from) {
      problems.push(`${e.via}: ${e.from} and ${e.to} share layer ${from}; a layer's folders do not import each other`);
    }
  }
  return problems;
}
