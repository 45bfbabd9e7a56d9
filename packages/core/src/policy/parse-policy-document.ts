import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { parseYaml } from '../parse/yaml.js';
import { checkPolicyValue, type Path, type PolicyLocator } from './check-policy-value.js';
import { MAX_POLICY_BYTES } from './resolve-policy.js';
import type { PolicyDocument } from './types.js';

/**
 * Parses and validates one policy document (see `checkPolicyValue`), with file:line:column on every problem. The
 * only policy module that loads the YAML library: a run with no policy file of its own never imports it.
 */
export function parsePolicyDocument(text: string, file: string, warnings: string[] = []): PolicyDocument {
  const { doc, lines, value } = parseYaml(text, file, { maxBytes: MAX_POLICY_BYTES });
  return checkPolicyValue(value, file, warnings, locator(doc, lines));
}

/** Maps a JSON path to the YAML node's 1-based line and column. */
function locator(doc: Document.Parsed, lines: LineCounter): PolicyLocator {
  return (path: Path, at: 'key' | 'value') => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const seg of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else {
        break;
      }
    }
    const target = (at === 'key' && keyNode ? keyNode : node ?? keyNode) as Node | undefined;
    const offset = target?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

