/**
 * Offset of the first JSON syntax error in `text`, or `undefined` when it is valid JSON. Node 20's JSON.parse
 * names no position for most errors ("Unexpected token '}', ... is not valid JSON"), so this scan finds it.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): number | undefined {
  const stack: Array<'{' | '['> = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return false;
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  // Reads one value, or opens a container (its contents are read by the loop below).
  const value = (): boolean => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      return true;
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  if (!value()) return i;
  // 'first': just opened (may close at once); 'after': a member was read; 'next': a comma was read.
  let state: 'first' | 'after' | 'next' = 'first';
  while (stack.length > 0) {
    ws();
    const top = stack[stack.length - 1];
    const close = top === '{' ? '}' : ']';
    if (state !== 'next' && text[i] === close) {
      stack.pop();
      i++;
      state = 'after';
      continue;
    }
    if (state === 'after') {
      if (text[i] !== ',') return i;
      i++;
      state = 'next';
      continue;
    }
    if (top === '{') {
      if (text[i] !== '"' || !string()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
    }
    const depth = stack.length;
    if (!value()) return i;
    state = stack.length > depth ? 'first' : 'after';
  }
  ws();
  return i < n ? i : undefined;
}
