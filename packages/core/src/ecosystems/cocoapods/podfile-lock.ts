import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { ParseError } from '../../errors.js';
import type { Package, Source } from '../../model/package.js';
import { buildPurl } from '../../model/purl.js';
import { isRecord } from '../../parse/json.js';
import { loadYaml, YamlItemLines, type ParsedYaml } from '../../parse/yaml.js';
import type { LockfileParser } from '../types.js';

/** `Name (1.2.3)` or `Name/Subspec (1.2.3)` -> pod name without subspec and version. */
function splitPod(spec: string): { pod: string; version: string } | undefined {
  const m = /^(\S+) \(([^()]*)\)$/.exec(spec.trim());
  if (!m) return undefined;
  const [, fullName, version] = m as unknown as [string, string, string];
  return { pod: fullName.split('/')[0] as string, version: version.trim() };
}

/** The pod a DEPENDENCIES entry names (`Name`, `Name (~> 1.0)`, `Name/Sub (from \`url\`)`). */
function dependencyName(spec: string): string {
  return (spec.trim().split(' ')[0] ?? '').split('/')[0] ?? '';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Where an external pod comes from, from EXTERNAL SOURCES and CHECKOUT OPTIONS. */
function sourceOf(pod: string, external: Record<string, unknown>, checkout: Record<string, unknown>): Source {
  const ext = isRecord(external[pod]) ? external[pod] : undefined;
  if (!ext) return { kind: 'registry' };
  const co = isRecord(checkout[pod]) ? checkout[pod] : {};
  if (str(ext[':git'])) {
    const source: Source = { kind: 'git', url: str(ext[':git']) };
    const commit = str(co[':commit']) || str(ext[':commit']);
    if (commit) source.commit = commit;
    const ref = str(ext[':tag']) || str(ext[':branch']);
    if (ref) source.ref = ref;
    return source;
  }
  if (str(ext[':path'])) return { kind: 'path', path: str(ext[':path']) };
  if (str(ext[':podspec'])) return { kind: 'tarball', url: str(ext[':podspec']) };
  return { kind: 'unknown' };
}

function podPurl(pod: string, version: string, path: string, line: number | undefined): string {
  try {
    return buildPurl('cocoapods', undefined, pod, version);
  } catch (err) {
    throw new ParseError(path, `"${pod}" is not a valid pod name`, { line }, { cause: err });
  }
}

/** Lines of PODS items from the precise parse's tree (`- Name (1.0)` or the key of `- Name (1.0):`). */
function preciseItemLines({ doc, lines }: ParsedYaml): (index: number) => number | undefined {
  const podsNode = doc.get('PODS', true);
  const items: unknown[] = isSeq(podsNode) ? podsNode.items : [];
  return (index) => {
    const node = items[index] as Node | undefined;
    const keyNode = isMap(node) ? node.items[0]?.key : node;
    const range = isScalar(keyNode) ? keyNode.range : undefined;
    return range ? lines.linePos(range[0]).line : undefined;
  };
}

function lineScan(itemLines: YamlItemLines): (index: number) => number | undefined {
  return (index) => itemLines.lineOf(index);
}

/**
 * CocoaPods' `Podfile.lock`: the PODS list (`- Name (version)`, or a map from it to its own dependencies).
 * Subspecs (`Name/Core`) belong to their pod and are folded into it.
 */
export const podfileLockParser: LockfileParser = {
  id: 'Podfile.lock',
  ecosystem: 'CocoaPods',
  fileNames: ['Podfile.lock'],
  conformance: ['swift/podfilelock'],
  parse(text, path) {
    // Plain values from the fast loader; a PODS item's line from one line scan (the precise parse's syntax tree cost
    // ~45 bytes of heap per byte of text: 160 MB for a 3.4 MB lockfile), or from that tree when the text needed it.
    const { value, precise } = loadYaml(text, path);
    if (!isRecord(value) || !Array.isArray(value.PODS)) {
      throw new ParseError(path, 'not a Podfile.lock: no "PODS" list', { line: 1 });
    }
    const direct = new Set(
      (Array.isArray(value.DEPENDENCIES) ? value.DEPENDENCIES : []).map((d) => dependencyName(str(d))),
    );
    const external = isRecord(value['EXTERNAL SOURCES']) ? value['EXTERNAL SOURCES'] : {};
    const checkout = isRecord(value['CHECKOUT OPTIONS']) ? value['CHECKOUT OPTIONS'] : {};
    const lineOf = precise ? preciseItemLines(precise) : lineScan(new YamlItemLines(text, 'PODS', value.PODS.length));

    const packages: Package[] = [];
    const seen = new Set<string>();
    value.PODS.forEach((item: unknown, index: number) => {
      const line = lineOf(index);
      const spec = typeof item === 'string' ? item : isRecord(item) ? (Object.keys(item)[0] ?? '') : '';
      const parsed = splitPod(spec);
      if (!parsed) throw new ParseError(path, `PODS entry ${index + 1} is not "Name (version)"`, { line });
      const key = `${parsed.pod}@${parsed.version}`;
      if (seen.has(key)) return;
      seen.add(key);
      packages.push({
        id: key,
        ecosystem: 'CocoaPods',
        name: parsed.pod,
        version: parsed.version,
        purl: podPurl(parsed.pod, parsed.version, path, line),
        direct: direct.has(parsed.pod),
        scopes: [],
        integrity: [],
        source: sourceOf(parsed.pod, external, checkout),
        location: line === undefined ? { file: path } : { file: path, line },
      });
    });
    return { lockfile: path, format: 'Podfile.lock', ecosystem: 'CocoaPods', packages, projects: [] };
  },
};
