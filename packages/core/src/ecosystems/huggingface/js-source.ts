import { parseModule, parseScript, type ESTree, type Options } from 'meriyah';
import { ParseError } from '../../errors.js';
import type { Package } from '../../model/package.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { hubPackage, isHubId } from './hub-reference.js';
import { mayLoadFromHubInJs } from './triggers.js';

/**
 * Whether a file can hold a loader call with a literal Hub id: the callee followed, within one call's worth of
 * text, by a quoted `owner/name`. Only files that pass are parsed; a 5 MB bundle without one costs a regex scan,
 * not a full parse. The parser, not this test, decides what a reference is.
 */

interface JsNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

function isNode(value: unknown): value is JsNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every call expression under `root`, with an explicit stack: bundles nest deep enough to make recursion slow. */
function callExpressions(root: JsNode): JsNode[] {
  const calls: JsNode[] = [];
  const stack: JsNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as JsNode;
    if (node.type === 'CallExpression') calls.push(node);
    for (const key in node) {
      if (key === 'loc' || key === 'type') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push(item);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return calls.sort((a, b) => (a.loc?.start.line ?? 0) - (b.loc?.start.line ?? 0) || (a.loc?.start.column ?? 0) - (b.loc?.start.column ?? 0));
}

function stringLiteral(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && Array.isArray(node.expressions) && node.expressions.length === 0) {
    const quasi = (node.quasis as Array<{ value: { cooked: string } }>)[0];
    return quasi?.value.cooked;
  }
  return undefined;
}

/** `{ revision: '...' }` of an options object, and whether it sets `trust_remote_code: true`. */
function options(node: unknown): { revision?: string; trust?: boolean } {
  if (!isNode(node) || node.type !== 'ObjectExpression') return {};
  const out: { revision?: string; trust?: boolean } = {};
  for (const prop of node.properties as JsNode[]) {
    if (prop.type !== 'Property' || !isNode(prop.key)) continue;
    const key = prop.key.type === 'Identifier' ? (prop.key.name as string) : stringLiteral(prop.key);
    if (key === 'revision') {
      const v = stringLiteral(prop.value);
      if (v !== undefined) out.revision = v;
    }
    if (key === 'trust_remote_code' && isNode(prop.value) && prop.value.type === 'Literal' && prop.value.value === true) out.trust = true;
  }
  return out;
}

/** meriyah's message without its `[l:c-l:c]: ` prefix (the location goes in the error's own fields). */
function jsErrorText(err: unknown): string {
  const e = err as { description?: unknown; message?: unknown };
  return typeof e.description === 'string' ? e.description : String(e.message ?? err);
}

/** meriyah reports a 1-based line and a 0-based column; a stack overflow on deep nesting has no location. */
function jsErrorLocation(err: unknown): { line?: number; column?: number } {
  const start = (err as { loc?: { start?: { line?: unknown; column?: unknown } } }).loc?.start;
  return typeof start?.line === 'number' && typeof start.column === 'number' ? { line: start.line, column: start.column + 1 } : {};
}

/**
 * Scans JavaScript with meriyah (a real ECMAScript parser) for `@huggingface/transformers` loaders:
 * `pipeline(task, 'org/model', { revision })` and `X.from_pretrained('org/model', { revision })`.
 * TypeScript and JSX are not parsed (standard JavaScript only). Not acorn: its scopes keep declared names in arrays
 * searched per declaration, so a file of n top-level declarations (a bundler's output has thousands) costs n².
 */
export const jsSourceParser: LockfileParser = {
  id: '*.js',
  ecosystem: 'Hugging Face',
  scanner: true,
  fileNames: ['*.js', '*.mjs', '*.cjs'],
  parse(text, path) {
    const packages: Package[] = [];
    if (!mayLoadFromHubInJs(text)) return referenceInventory(path, '*.js', 'Hugging Face', packages);
    let program: ESTree.Program;
    // Locations only (no ranges): the AST of a large bundle is a third smaller, and lines are all a finding needs.
    const base: Options = { next: true, loc: true };
    try {
      program = parseModule(text, base);
    } catch {
      try {
        program = parseScript(text, { ...base, globalReturn: true });
      } catch (err) {
        throw new ParseError(path, `invalid JavaScript: ${jsErrorText(err)}`, jsErrorLocation(err), { cause: err });
      }
    }
    for (const node of callExpressions(program as unknown as JsNode)) {
      if (!isNode(node.callee)) continue;
      const callee = node.callee;
      const name =
        callee.type === 'Identifier'
          ? (callee.name as string)
          : callee.type === 'MemberExpression' && isNode(callee.property) && callee.property.type === 'Identifier'
            ? (callee.property.name as string)
            : undefined;
      const args = node.arguments as JsNode[];
      let idNode: JsNode | undefined;
      let opts: unknown;
      if (name === 'pipeline') {
        idNode = args[1];
        opts = args[2];
      } else if (name === 'from_pretrained') {
        idNode = args[0];
        opts = args[1];
      } else {
        continue;
      }
      const id = stringLiteral(idNode);
      if (!idNode || id === undefined || !isHubId(id)) continue;
      const { revision, trust } = options(opts);
      packages.push(
        hubPackage({
          id,
          kind: 'model',
          ...(revision !== undefined ? { revision } : {}),
          ...(trust ? { trustRemoteCode: true } : {}),
          file: path,
          line: idNode.loc?.start.line ?? 1,
          via: name,
        }),
      );
    }
    return referenceInventory(path, '*.js', 'Hugging Face', packages);
  },
};
