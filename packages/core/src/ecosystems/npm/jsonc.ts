import { printParseErrorCode, visit, type ParseError as JsoncError } from 'jsonc-parser';
import { ParseError } from '../../errors.js';
import { MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';
import { LineIndex } from '../../parse/line-index.js';
import { assertNestingDepth } from '../../parse/nesting.js';

/**
 * Parses JSON with comments and trailing commas (bun.lock) with jsonc-parser's scanner. The values are
 * built here rather than by jsonc-parser's `parse`, which assigns keys with `obj[key] = value` and so turns
 * a package named `__proto__` into the object's prototype; here every key becomes an own property.
 * The first syntax error is thrown as a ParseError with line and column.
 */
export function parseJsonc(text: string, file: string): unknown {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  const source = stripBom(text);
  // jsonc-parser's visitor recurses per nesting level.
  assertNestingDepth(source, file);
  const stack: Array<Record<string, unknown> | unknown[]> = [];
  const keys: Array<string | undefined> = [];
  let key: string | undefined;
  let root: unknown;
  let error: JsoncError | undefined;

  const put = (value: unknown): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = value;
    else if (Array.isArray(parent)) parent.push(value);
    else if (key !== undefined) Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  };

  visit(
    source,
    {
      onObjectBegin: () => {
        const obj: Record<string, unknown> = {};
        put(obj);
        stack.push(obj);
        keys.push(key);
      },
      onObjectProperty: (property) => {
        key = property;
      },
      onObjectEnd: () => {
        stack.pop();
        key = keys.pop();
      },
      onArrayBegin: () => {
        const array: unknown[] = [];
        put(array);
        stack.push(array);
        keys.push(key);
      },
      onArrayEnd: () => {
        stack.pop();
        key = keys.pop();
      },
      onLiteralValue: (value: unknown) => {
        put(value);
      },
      onError: (code, offset, length) => {
        error ??= { error: code, offset, length };
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  if (error) {
    const { line, column } = new LineIndex(source).position(error.offset);
    throw new ParseError(file, `invalid JSON: ${printParseErrorCode(error.error)}`, { line, column });
  }
  return root;
}
