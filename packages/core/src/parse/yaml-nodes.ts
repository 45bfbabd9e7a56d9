import { isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';

/** A YAML value with the 1-based line it starts on. */
export interface Located<T> {
  value: T;
  line: number;
}

/** The 1-based line a node starts on (1 when the node has no position, e.g. an alias target). */
export function nodeLine(node: unknown, lines: LineCounter): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : 1;
}

/** The value node under `key` of a map node, or undefined. */
export function mapGet(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of (node as YAMLMap).items) {
    if (isScalar(pair.key) && pair.key.value === key) return (pair.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** The entries of a map node as [key, value node] pairs (string keys only). */
export function mapEntries(node: unknown): Array<[string, Node]> {
  if (!isMap(node)) return [];
  const out: Array<[string, Node]> = [];
  for (const pair of (node as YAMLMap).items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && pair.value) out.push([pair.key.value, pair.value as Node]);
  }
  return out;
}

/** The items of a sequence node. */
export function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** A scalar node's string value with its line, or undefined for non-strings. */
export function stringAt(node: unknown, lines: LineCounter): Located<string> | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  return { value: String(v), line: nodeLine(node, lines) };
}

/** Every map node of a document, depth first (for keys that can sit at any depth). */
export function* allMaps(node: unknown): Generator<YAMLMap> {
  if (isMap(node)) {
    yield node as YAMLMap;
    for (const pair of (node as YAMLMap).items) yield* allMaps(pair.value);
  } else if (isSeq(node)) {
    for (const item of node.items) yield* allMaps(item);
  }
}
