export const id = 774;
export const ids = [774];
export const modules = {

/***/ 6767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ findControlCharacter)
/* harmony export */ });
/**
 * Index of the first character that no Ruby lockfile or Gemfile line holds (C0 controls other than tab,
 * DEL, and U+FFFD from undecodable bytes), or -1. Such a character means binary content, not text.
 */
function findControlCharacter(line) {
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if ((c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0x7f || c === 0xfffd)
            return i;
    }
    return -1;
}
//# sourceMappingURL=control-characters.js.map

/***/ }),

/***/ 87774:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gemfileParser: () => (/* binding */ gemfileParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7038);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _control_characters_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6767);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26870);





/**
 * Gemfile / gems.rb. A Gemfile is Ruby, so this reads the declarative subset that nearly every Gemfile is:
 * `gem "name", "req", ..., group:, git:, github:, path:` (a call may continue over lines ending in `,`),
 * `group :a, :b do ... end` and other `do ... end` / `if ... end` blocks for nesting. It cannot evaluate Ruby:
 * requirements held in variables are left out of the specifier, and a `gem` call whose name is not a string
 * literal is a ParseError rather than a silently missing dependency.
 */
const gemfileParser = {
    id: 'Gemfile',
    ecosystem: 'RubyGems',
    fileNames: ['Gemfile', 'gems.rb'],
    parse(text, path) {
        if (text.length > _parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LOCKFILE_BYTES */ .hP)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `file is larger than ${_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
        const lines = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stripBom */ .F8)(text).split('\n');
        const stack = [];
        const out = [];
        for (let i = 0; i < lines.length; i++) {
            const lineNo = i + 1;
            let statement = stripComment(lines[i], path, lineNo).trim();
            // A call continues on the next line after a trailing comma (or an opening bracket left open).
            while ((statement.endsWith(',') || statement.endsWith('(') || openBrackets(statement) > 0) && i + 1 < lines.length) {
                i++;
                statement = `${statement} ${stripComment(lines[i], path, i + 1).trim()}`;
            }
            if (statement === '')
                continue;
            const fail = (reason) => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, reason, { line: lineNo, column: 1 });
            };
            if (/^end\b/.test(statement)) {
                if (!stack.pop())
                    fail('"end" without a block to close');
                continue;
            }
            const word = /^[a-z_]+/.exec(statement)?.[0] ?? '';
            if (word === 'gem') {
                out.push(gemDeclaration(statement, stack, path, lineNo));
                continue;
            }
            const opensDo = /\bdo(\s*\|[^|]*\|)?$/.test(statement);
            if (opensDo) {
                const frame = { groups: [], line: lineNo };
                const args = parseArgs(withoutDoBlock(statement.replace(/^[a-z_]+\s*\(?/, '')), path, lineNo);
                if (word === 'group')
                    frame.groups = args.positional.filter((a) => a.kind === 'symbol' || a.kind === 'string').map((a) => a.value);
                else if ((word === 'git' || word === 'path' || word === 'github') && args.positional[0])
                    frame.source = args.positional[0].value;
                stack.push(frame);
                continue;
            }
            if (/^(if|unless|case|while|until|begin|def|class|module)\b/.test(statement)) {
                stack.push({ groups: [], line: lineNo });
            }
        }
        const open = stack.at(-1);
        if (open)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'block is never closed with "end"', { line: open.line, column: 1 });
        return out;
    },
};
function gemDeclaration(statement, stack, path, line) {
    const call = withoutModifier(statement);
    const args = parseArgs(call.replace(/^gem\s*\(?/, '').replace(/\)\s*$/, ''), path, line);
    const [first, ...rest] = args.positional;
    if (!first || first.kind !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'gem name must be a string literal (lockwarden does not evaluate Ruby)', { line, column: 1 });
    }
    if (!/^[A-Za-z0-9._-]+$/.test(first.value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `invalid gem name ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(first.value)}`, { line, column: 1 });
    const requirements = rest.filter((a) => a.kind === 'string').map((a) => a.value);
    const groups = new Set(stack.flatMap((f) => f.groups));
    for (const key of ['group', 'groups'])
        for (const g of args.named.get(key) ?? [])
            groups.add(g);
    groups.delete('default');
    const git = args.named.get('git')?.[0];
    const github = args.named.get('github')?.[0];
    const localPath = args.named.get('path')?.[0];
    const blockSource = [...stack].reverse().find((f) => f.source)?.source;
    const specifier = requirements.length
        ? requirements.join(', ')
        : (git ?? (github ? `https://github.com/${github}.git` : undefined) ?? localPath ?? blockSource ?? '');
    return {
        ecosystem: 'RubyGems',
        name: first.value,
        specifier,
        purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .gemPurl */ .B)(first.value, undefined),
        scopes: [...groups],
        location: { file: path, line },
    };
}
/** Splits Ruby call arguments at top-level commas into positional values and `key: value` / `:key => value` pairs. */
function parseArgs(text, path, line) {
    const positional = [];
    const named = new Map();
    for (const part of splitTopLevel(text, path, line)) {
        const pair = /^(?:([a-z_]+):(?!:)|:([a-z_]+)\s*=>|["']([a-z_]+)["']\s*=>)\s*(.*)$/s.exec(part);
        if (pair) {
            const key = (pair[1] ?? pair[2] ?? pair[3]);
            const value = pair[4].trim();
            const values = value.startsWith('[')
                ? splitTopLevel(value.slice(1, value.lastIndexOf(']')), path, line).map((v) => literal(v).value)
                : [literal(value).value];
            named.set(key, values);
            continue;
        }
        positional.push(literal(part));
    }
    return { positional, named };
}
function literal(text) {
    const t = text.trim();
    const str = /^(["'])(.*)\1$/s.exec(t);
    if (str)
        return { kind: 'string', value: str[2] };
    const pct = /^%q?[{([<](.*)[})\]>]$/s.exec(t);
    if (pct)
        return { kind: 'string', value: pct[1] };
    const sym = /^:["']?([A-Za-z_][A-Za-z0-9_]*)["']?$/.exec(t);
    if (sym)
        return { kind: 'symbol', value: sym[1] };
    return { kind: 'other', value: t };
}
function splitTopLevel(text, path, line) {
    const parts = [];
    let depth = 0;
    let quote;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
            continue;
        }
        if (c === '"' || c === "'")
            quote = c;
        else if (c === '[' || c === '(' || c === '{')
            depth++;
        else if (c === ']' || c === ')' || c === '}')
            depth--;
        else if (c === ',' && depth === 0) {
            parts.push(text.slice(start, i).trim());
            start = i + 1;
        }
        if (depth < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `unbalanced "${c}"`, { line, column: 1 });
    }
    if (quote)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'unterminated string', { line, column: 1 });
    const last = text.slice(start).trim();
    if (last !== '')
        parts.push(last);
    return parts.filter((p) => p !== '');
}
/** Drops a trailing `if ...` / `unless ...` modifier outside strings (`gem "x", "1.0" if ENV["CI"]`). */
function withoutModifier(statement) {
    let quote;
    for (let i = 0; i < statement.length; i++) {
        const c = statement[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'")
            quote = c;
        else if (c === ' ' && /^ (if|unless) /.test(statement.slice(i, i + 8)))
            return statement.slice(0, i);
    }
    return statement;
}
/** Drops a `#` comment that is not inside a string; rejects binary content. */
function stripComment(line, path, lineNo) {
    const bad = (0,_control_characters_js__WEBPACK_IMPORTED_MODULE_4__/* .findControlCharacter */ .A)(line);
    if (bad >= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'unexpected control or binary character', { line: lineNo, column: bad + 1 });
    let quote;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'")
            quote = c;
        else if (c === '#')
            return line.slice(0, i);
    }
    return line;
}
function openBrackets(text) {
    let depth = 0;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'")
            quote = c;
        else if (c === '[' || c === '(')
            depth++;
        else if (c === ']' || c === ')')
            depth--;
    }
    return depth;
}
/**
 * A block call's arguments without the trailing `) do |params|`. By hand: the unanchored
 * `/\)?\s*\bdo(\s*\|[^|]*\|)?$/` retried `\s*` from every character of a long whitespace run (quadratic).
 */
function withoutDoBlock(statement) {
    let s = statement.trimEnd();
    if (s.endsWith('|')) {
        const open = s.lastIndexOf('|', s.length - 2);
        if (open >= 0)
            s = s.slice(0, open).trimEnd();
    }
    if (s.endsWith('do'))
        s = s.slice(0, -2).trimEnd();
    return s.endsWith(')') ? s.slice(0, -1) : s;
}
//# sourceMappingURL=gemfile.js.map

/***/ }),

/***/ 7038:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ quoteInput)
/* harmony export */ });
/**
 * Quotes a piece of untrusted input for an error message: JSON-escaped (no raw control characters or
 * newlines) and cut to `max` characters, so a 500k-character hostile token cannot become a 500k error.
 */
function quoteInput(text, max = 80) {
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
//# sourceMappingURL=error-text.js.map

/***/ })

};
