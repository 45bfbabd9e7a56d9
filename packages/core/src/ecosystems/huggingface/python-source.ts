import type { SyntaxNode } from '@lezer/common';
import { parser as pythonParser } from '@lezer/python';
import type { Package } from '../../model/package.js';
import { LineIndex } from '../../parse/line-index.js';
import { referenceInventory } from '../reference-package.js';
import type { LockfileParser } from '../types.js';
import { hubPackage, isHubId, PYTHON_LOADERS } from './hub-reference.js';
import { mayLoadFromHubInPython } from './triggers.js';

/** A cheap test that skips files that cannot load anything from the Hub, before parsing them. */

/** One argument of a call: `name` is the keyword's node for `kw=value`; `spread` marks `*args`/`**kwargs`. */
interface Argument {
  name?: SyntaxNode;
  spread?: true;
  value: SyntaxNode;
}

/**
 * Decodes a plain Python string literal (`'x'`, `"x"`, triple-quoted, with `r`/`u` prefixes and the common
 * escapes). f-strings, bytes and implicit concatenations are not constants and give undefined.
 */
export function pythonStringValue(literal: string): string | undefined {
  const m = /^([rRuU]?)('''|"""|'|")([\s\S]*)\2$/.exec(literal);
  if (!m) return undefined;
  const raw = m[1]?.toLowerCase() === 'r';
  const body = m[3] ?? '';
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith('x') || e.startsWith('u')) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

/** The arguments of an ArgList node, split at its top-level commas. */
function callArguments(argList: SyntaxNode): Argument[] {
  const args: Argument[] = [];
  let group: SyntaxNode[] = [];
  const push = (): void => {
    const [first, second, third] = group;
    if (first?.name === 'VariableName' && second?.name === 'AssignOp' && third) args.push({ name: first, value: third });
    else if ((first?.name === '*' || first?.name === '**') && second) args.push({ spread: true, value: second });
    else if (first) args.push({ value: first });
    group = [];
  };
  for (let child = argList.firstChild; child; child = child.nextSibling) {
    if (child.name === '(' || child.name === ')') continue;
    if (child.name === ',') push();
    else group.push(child);
  }
  push();
  return args;
}

/**
 * Scans Python source with the Lezer Python grammar (a real parser: comments, strings and docstrings that merely
 * mention `from_pretrained` are not calls). Finds Hub loaders by the callable's name, reads the repository id
 * from a string literal or a module-level string constant, `revision=` and `trust_remote_code=True`.
 */
export const pythonSourceParser: LockfileParser = {
  id: '*.py',
  ecosystem: 'Hugging Face',
  scanner: true,
  fileNames: ['*.py'],
  parse(text, path) {
    const packages: Package[] = [];
    if (!mayLoadFromHubInPython(text)) return referenceInventory(path, '*.py', 'Hugging Face', packages);
    const tree = pythonParser.parse(text);
    const lines = new LineIndex(text);
    const src = (node: SyntaxNode): string => text.slice(node.from, node.to);
    const constants = new Map<string, string>();
    // Module-level `NAME = "org/model"` constants, so `from_pretrained(MODEL_ID)` resolves.
    for (let stmt = tree.topNode.firstChild; stmt; stmt = stmt.nextSibling) {
      if (stmt.name !== 'AssignStatement') continue;
      const target = stmt.firstChild;
      const op = target?.nextSibling;
      const value = op?.nextSibling;
      if (target?.name === 'VariableName' && op?.name === 'AssignOp' && value?.name === 'String' && !value.nextSibling) {
        const decoded = pythonStringValue(src(value));
        if (decoded !== undefined) constants.set(src(target), decoded);
      }
    }
    const valueOf = (node: SyntaxNode): string | undefined => {
      if (node.name === 'String') return pythonStringValue(src(node));
      if (node.name === 'VariableName') return constants.get(src(node));
      return undefined;
    };
    const cursor = tree.cursor();
    do {
      if (cursor.name !== 'CallExpression') continue;
      const call = cursor.node;
      const callee = call.firstChild;
      const argList = call.lastChild;
      if (!callee || argList?.name !== 'ArgList') continue;
      const calleeName = callee.name === 'MemberExpression' ? (callee.lastChild ? src(callee.lastChild) : '') : src(callee);
      const loader = PYTHON_LOADERS.get(calleeName);
      if (!loader) continue;
      const args = callArguments(argList);
      const keyword = (name: string): SyntaxNode | undefined => args.find((a) => a.name && src(a.name) === name)?.value;
      const positional = args.filter((a) => !a.name && !a.spread);
      const idNode = loader.idKeywords.map(keyword).find(Boolean) ?? positional[loader.idPosition]?.value;
      const id = idNode ? valueOf(idNode) : undefined;
      if (!idNode || id === undefined || !isHubId(id)) continue;
      const revisionNode = keyword('revision');
      const revision = revisionNode ? valueOf(revisionNode) : undefined;
      const trust = keyword('trust_remote_code');
      const repoType = keyword('repo_type');
      const kind = repoType && valueOf(repoType) === 'dataset' ? 'dataset' : loader.kind;
      packages.push(
        hubPackage({
          id,
          kind,
          ...(revision !== undefined ? { revision } : {}),
          ...(trust && src(trust) === 'True' ? { trustRemoteCode: true } : {}),
          file: path,
          line: lines.line(idNode.from),
          via: calleeName,
        }),
      );
    } while (cursor.next());
    return referenceInventory(path, '*.py', 'Hugging Face', packages);
  },
};
