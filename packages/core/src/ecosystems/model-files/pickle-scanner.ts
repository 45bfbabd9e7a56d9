import type { PickleImport } from '../../model/package.js';
import { judgeImport } from './pickle-imports.js';

/** The result of walking one or more pickle streams. */
export interface PickleScan {
  imports: PickleImport[];
  /** Set when the walk stopped before a clean STOP (truncated data, an opcode no protocol defines). */
  error?: string;
  /** Where the last stream ended (the first byte after its STOP). */
  end: number;
}

const MARK = Symbol('mark');
type Value = string | null | typeof MARK;

/** Opcodes whose argument is a fixed number of bytes, by protocol 0–5 (pickletools' table). */
const FIXED: Record<number, number> = {
  0x4a: 4, 0x4b: 1, 0x4d: 2, 0x47: 8, 0x68: 1, 0x6a: 4, 0x71: 1, 0x72: 4, 0x80: 1, 0x82: 1, 0x83: 2, 0x84: 4,
  0x95: 8,
};
/** Opcodes that push a length-prefixed byte string: prefix size. */
const COUNTED_BYTES: Record<number, number> = { 0x54: 4, 0x55: 1, 0x42: 4, 0x43: 1, 0x8e: 8, 0x96: 8, 0x8a: 1, 0x8b: 4 };
/** Opcodes that push a length-prefixed UTF-8 string: prefix size. */
const COUNTED_TEXT: Record<number, number> = { 0x58: 4, 0x8c: 1, 0x8d: 8 };
/** Opcodes that push one value and take no argument (None, True, False, empty containers, NEXT_BUFFER). */
const PUSH_NONE = new Set([0x4e, 0x88, 0x89, 0x7d, 0x5d, 0x29, 0x8f, 0x97]);
/** Opcodes that pop everything down to the topmost MARK and push one value (a container, or INST/OBJ's object). */
const POP_MARK_PUSH = new Set([0x74, 0x6c, 0x64, 0x91, 0x6f]);
/** Opcodes that pop down to the mark and push nothing (APPENDS, SETITEMS, ADDITEMS, POP_MARK). */
const POP_MARK = new Set([0x65, 0x75, 0x90, 0x31]);

/**
 * Walks pickle opcodes (protocols 0–5) without executing anything, recording every import unpickling would make:
 * GLOBAL and INST name module and callable inline; STACK_GLOBAL takes them from the stack, so string pushes and the
 * memo (PUT/BINPUT/LONG_BINPUT/MEMOIZE, GET/BINGET/LONG_BINGET) are tracked to resolve them. REDUCE, NEWOBJ and BUILD
 * only call what an import put there, so the imports are the whole attack surface. Several streams in a row (the
 * legacy torch format) are walked until the data stops starting with PROTO.
 */
export function scanPickle(bytes: Uint8Array, member?: string, start = 0): PickleScan {
  const imports: PickleImport[] = [];
  const seen = new Set<string>();
  const record = (module: string, name: string): void => {
    const key = `${module}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    imports.push({ module, name, verdict: judgeImport(module, name), ...(member ? { member } : {}) });
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const latin1 = new TextDecoder('latin1');
  let pos = start;
  let stack: Value[] = [];
  let memo = new Map<number, Value>();
  let streams = 0;

  const fail = (why: string): PickleScan => ({ imports, error: `${why} at byte ${pos}`, end: pos });
  const need = (n: number): boolean => pos + n <= bytes.length;
  const readLine = (): string | undefined => {
    const nl = bytes.indexOf(0x0a, pos);
    if (nl < 0) return undefined;
    const line = latin1.decode(bytes.subarray(pos, nl));
    pos = nl + 1;
    return line;
  };
  const readUint = (size: number): number => {
    const v = size === 1 ? view.getUint8(pos) : size === 2 ? view.getUint16(pos, true) : size === 4 ? view.getUint32(pos, true) : Number(view.getBigUint64(pos, true));
    pos += size;
    return v;
  };
  const pop = (): Value => stack.pop() ?? null;
  const popMark = (): void => {
    const at = stack.lastIndexOf(MARK);
    stack = at >= 0 ? stack.slice(0, at) : [];
  };

  while (pos < bytes.length) {
    const op = bytes[pos++] as number;
    if (op === 0x2e /* STOP */) {
      streams++;
      stack = [];
      memo = new Map();
      if (bytes[pos] !== 0x80) return { imports, end: pos };
      continue;
    }
    if (op in FIXED) {
      const size = FIXED[op] as number;
      if (!need(size)) return fail('truncated argument');
      const arg = size <= 4 || op === 0x95 ? readUint(size) : (pos += size, 0);
      if (op === 0x68 || op === 0x6a) stack.push(memo.get(arg) ?? null); // BINGET, LONG_BINGET
      else if (op === 0x71 || op === 0x72) memo.set(arg, stack[stack.length - 1] ?? null); // BINPUT, LONG_BINPUT
      else if (op === 0x82 || op === 0x83 || op === 0x84) {
        // EXT1/2/4: a callable from the copyreg extension registry; which one the file cannot say.
        record('copyreg', `extension code ${arg}`);
        stack.push(null);
      } else if (op !== 0x80 && op !== 0x95) stack.push(null); // numbers
      continue;
    }
    if (op in COUNTED_BYTES || op in COUNTED_TEXT) {
      const prefix = (COUNTED_BYTES[op] ?? COUNTED_TEXT[op]) as number;
      if (!need(prefix)) return fail('truncated length');
      const length = readUint(prefix);
      if (!need(length)) return fail('truncated string');
      const value = op in COUNTED_TEXT ? decoder.decode(bytes.subarray(pos, pos + length)) : op === 0x54 || op === 0x55 ? latin1.decode(bytes.subarray(pos, pos + length)) : null;
      pos += length;
      stack.push(value);
      continue;
    }
    if (PUSH_NONE.has(op)) {
      stack.push(null);
      continue;
    }
    if (POP_MARK_PUSH.has(op)) {
      popMark();
      stack.push(null);
      continue;
    }
    if (POP_MARK.has(op)) {
      popMark();
      continue;
    }
    switch (op) {
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x63: // GLOBAL module\nname\n
      case 0x69: { // INST module\nname\n (pops to mark)
        const module = readLine();
        const name = readLine();
        if (module === undefined || name === undefined) return fail('truncated GLOBAL');
        record(module, name);
        if (op === 0x69) popMark();
        stack.push(null);
        break;
      }
      case 0x93: { // STACK_GLOBAL
        const name = pop();
        const module = pop();
        record(typeof module === 'string' ? module : '<unknown>', typeof name === 'string' ? name : '<unknown>');
        stack.push(null);
        break;
      }
      case 0x94: // MEMOIZE
        memo.set(memo.size, stack[stack.length - 1] ?? null);
        break;
      case 0x46: case 0x49: case 0x4c: case 0x50: { // FLOAT, INT, LONG, PERSID: a text line
        if (readLine() === undefined) return fail('truncated line');
        stack.push(null);
        break;
      }
      case 0x53: case 0x56: { // STRING 'text' / UNICODE raw-unicode-escape, each a line
        const line = readLine();
        if (line === undefined) return fail('truncated string');
        stack.push(op === 0x53 ? line.replace(/^(['"])(.*)\1$/, '$2') : line);
        break;
      }
      case 0x67: case 0x70: { // GET n / PUT n (text)
        const line = readLine();
        if (line === undefined) return fail('truncated memo index');
        const index = Number(line);
        if (op === 0x67) stack.push(memo.get(index) ?? null);
        else memo.set(index, stack[stack.length - 1] ?? null);
        break;
      }
      case 0x30: // POP
        pop();
        break;
      case 0x32: // DUP
        stack.push(stack[stack.length - 1] ?? null);
        break;
      case 0x61: case 0x62: case 0x51: case 0x98: // APPEND, BUILD, BINPERSID (pop, push), READONLY_BUFFER
        if (op === 0x61 || op === 0x62) pop();
        break;
      case 0x73: // SETITEM
        pop();
        pop();
        break;
      case 0x85: // TUPLE1
        pop();
        stack.push(null);
        break;
      case 0x86: // TUPLE2
      case 0x52: // REDUCE callable args
      case 0x81: // NEWOBJ cls args
        pop();
        pop();
        stack.push(null);
        break;
      case 0x87: // TUPLE3
      case 0x92: // NEWOBJ_EX cls args kwargs
        pop();
        pop();
        pop();
        stack.push(null);
        break;
      default:
        pos--;
        return streams > 0 ? { imports, end: pos } : fail(`opcode 0x${op.toString(16).padStart(2, '0')} is not a pickle opcode`);
    }
  }
  return streams > 0 ? { imports, end: pos } : fail('no STOP opcode');
}
