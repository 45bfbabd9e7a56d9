export const id = 870;
export const ids = [870];
export const modules = {

/***/ 33870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   goModManifestParser: () => (/* binding */ goModManifestParser)
/* harmony export */ });
/* harmony import */ var _mod_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50916);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10556);


/**
 * go.mod `require` lines as declared dependencies. A `replace` is applied, because the replacement is what the
 * go command fetches (a directory replacement gives its path as the specifier). Requirements marked
 * `// indirect` carry the scope `indirect`.
 */
const goModManifestParser = {
    id: 'go.mod',
    ecosystem: 'Go',
    fileNames: ['go.mod'],
    parse(text, path) {
        const mod = (0,_mod_file_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGoModFile */ ._w)(text, path);
        const replacementFor = (0,_mod_file_js__WEBPACK_IMPORTED_MODULE_0__/* .replacementLookup */ .Z)(mod);
        return mod.requires.map((r) => {
            const rep = replacementFor(r.path, r.version);
            const name = rep ? rep.newPath : r.path;
            const specifier = rep ? (rep.newVersion ?? rep.newPath) : r.version;
            return {
                ecosystem: 'Go',
                name,
                specifier,
                purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .goPurl */ .O)(name, undefined),
                scopes: r.indirect ? ['indirect'] : [],
                location: { file: path, line: rep ? rep.line : r.line },
            };
        });
    },
};
//# sourceMappingURL=go-mod-manifest.js.map

/***/ }),

/***/ 50916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ replacementLookup),
/* harmony export */   _w: () => (/* binding */ parseGoModFile),
/* harmony export */   d$: () => (/* binding */ isDirectoryPath)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7038);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23945);




// golang.org/x/mod/modfile's GoVersionRE and ToolchainRE.
const GO_VERSION = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const TOOLCHAIN = /^default$|^go1($|\.)/;
// Module paths: ASCII letters, digits, '/', and the punctuation module.CheckPath allows.
const MODULE_PATH = /^[A-Za-z0-9._~+-]+(\/[A-Za-z0-9._~+-]+)*$/;
const BLOCK_VERBS = new Set(['require', 'exclude', 'replace', 'retract', 'godebug', 'tool', 'ignore']);
const PUNCTUATION = new Set(['(', ')', '[', ']', ',']);
/** A run of word characters: anything but blanks, punctuation, quotes, and the '/' and '=' handled one by one. */
const IDENT_RUN = /[^ \t\r\f\v()[\],"`/=]+/y;
/**
 * Parses go.mod syntax the way `golang.org/x/mod/modfile.Parse` does in strict mode: unknown directives,
 * malformed module paths and non-canonical versions are errors (`ParseError` with line and column).
 */
function parseGoModFile(text, file) {
    if (text.length > _parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LOCKFILE_BYTES */ .hP)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `file is larger than ${_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
    const result = { directiveLines: {}, requires: [], replaces: [] };
    const seen = new Set();
    let block;
    for (const line of lex((0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stripBom */ .F8)(text), file)) {
        const { tokens } = line;
        const first = tokens[0];
        if (!first)
            continue;
        const at = (t) => ({
            line: line.line,
            column: t?.column ?? 1,
        });
        if (block) {
            if (!first.quoted && first.text === ')') {
                if (tokens.length > 1)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `unexpected ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(tokens[1]?.text ?? '')} after ")"`, at(tokens[1]));
                block = undefined;
                continue;
            }
            directive(block.verb, tokens, line, file, result, at);
            continue;
        }
        if (first.quoted || PUNCTUATION.has(first.text)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `unexpected ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(first.text)}: expected a directive`, at(first));
        }
        const verb = first.text;
        const second = tokens[1];
        if (second && !second.quoted && second.text === '(') {
            if (!BLOCK_VERBS.has(verb)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, isKnownVerb(verb) ? `"${verb}" cannot be a block` : `unknown directive: ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(verb)}`, at(first));
            }
            const third = tokens[2];
            if (third && !third.quoted && third.text === ')' && tokens.length === 3)
                continue;
            if (third)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `unexpected ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(third.text)} after "("`, at(third));
            block = { verb, line: line.line };
            continue;
        }
        if (verb === 'module' || verb === 'go' || verb === 'toolchain') {
            if (seen.has(verb))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `repeated ${verb} statement`, at(first));
            seen.add(verb);
        }
        directive(verb, tokens.slice(1), line, file, result, at);
    }
    if (block)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `"${block.verb} (" block is never closed`, { line: block.line, column: 1 });
    return result;
}
function isKnownVerb(verb) {
    return BLOCK_VERBS.has(verb) || verb === 'module' || verb === 'go' || verb === 'toolchain';
}
function directive(verb, args, line, file, out, at) {
    const fail = (reason, t = args[0]) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `${verb}: ${reason}`, at(t));
    };
    for (const t of args) {
        if (!t.quoted && (t.text === '(' || t.text === ')'))
            fail(`unexpected "${t.text}"`, t);
    }
    const expectCount = (n, usage) => {
        if (args.length !== n)
            fail(`usage: ${usage}`, args[n] ?? args[0]);
    };
    const path = (t) => {
        const text = t?.text ?? '';
        if (!MODULE_PATH.test(text) || text.startsWith('-'))
            fail(`malformed module path ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(text)}`, t);
        return text;
    };
    const version = (t) => {
        const canonical = (0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalGoVersion */ .N)(t?.text ?? '');
        if (canonical === undefined)
            fail(`version ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(t?.text ?? '')} invalid: must be of the form v1.2.3`, t);
        return canonical;
    };
    switch (verb) {
        case 'module':
            expectCount(1, 'module module/path');
            out.module = path(args[0]);
            return;
        case 'go': {
            expectCount(1, 'go 1.23');
            const v = args[0]?.text ?? '';
            if (!GO_VERSION.test(v))
                fail(`invalid go version ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(v)}: must match format 1.23.0`);
            out.go = v;
            out.directiveLines.go = line.line;
            return;
        }
        case 'toolchain': {
            expectCount(1, 'toolchain go1.23.0');
            const v = args[0]?.text ?? '';
            if (!TOOLCHAIN.test(v))
                fail(`invalid toolchain ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(v)}: must be of the form go1.23.0`);
            out.toolchain = v;
            out.directiveLines.toolchain = line.line;
            return;
        }
        case 'require':
            expectCount(2, 'require module/path v1.2.3');
            out.requires.push({
                path: path(args[0]),
                version: version(args[1]),
                indirect: /^indirect(;|$)/.test(line.comment),
                line: line.line,
            });
            return;
        case 'exclude':
            expectCount(2, 'exclude module/path v1.2.3');
            path(args[0]);
            version(args[1]);
            return;
        case 'replace': {
            const arrow = args.findIndex((t) => !t.quoted && t.text === '=>');
            if (arrow !== 1 && arrow !== 2)
                fail('usage: replace module/path [v1.2.3] => other/module v1.4 | replace module/path [v1.2.3] => ../local/directory');
            const oldPath = path(args[0]);
            const oldVersion = arrow === 2 ? version(args[1]) : undefined;
            const rest = args.slice(arrow + 1);
            const target = rest[0];
            if (!target || rest.length > 2)
                fail('usage: replace module/path [v1.2.3] => other/module v1.4', target ?? args[arrow]);
            const newPath = target?.text ?? '';
            if (isDirectoryPath(newPath)) {
                if (rest.length === 2)
                    fail('replacement module directory path must not have version', rest[1]);
                out.replaces.push({ oldPath, oldVersion, newPath, line: line.line });
            }
            else {
                if (rest.length !== 2)
                    fail('replacement module without version must be directory path (rooted or starting with ./ or ../)', target);
                out.replaces.push({ oldPath, oldVersion, newPath: path(target), newVersion: version(rest[1]), line: line.line });
            }
            return;
        }
        case 'retract': {
            if (args.length === 1) {
                version(args[0]);
                return;
            }
            const [open, low, comma, high, close] = args;
            if (args.length !== 5 || open?.text !== '[' || comma?.text !== ',' || close?.text !== ']') {
                fail('usage: retract v1.2.3 | retract [v1.2.3, v1.4.5]');
            }
            version(low);
            version(high);
            return;
        }
        case 'godebug':
            expectCount(1, 'godebug key=value');
            if (!/^[^=\s]+=[^=\s]*$/.test(args[0]?.text ?? ''))
                fail('usage: godebug key=value');
            return;
        case 'tool':
        case 'ignore':
            expectCount(1, `${verb} path`);
            return;
        default:
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `unknown directive: ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(verb)}`, at(line.tokens[0]));
    }
}
/**
 * Finds the `replace` that applies to a required module version, as the go command does: a replacement of that
 * exact version wins over one for all versions of the path; replacements do not chain. Lookups are O(1), so a
 * go.mod with many replace lines stays linear.
 */
function replacementLookup(mod) {
    const exact = new Map();
    const anyVersion = new Map();
    for (const rep of mod.replaces) {
        if (rep.oldVersion === undefined)
            anyVersion.set(rep.oldPath, rep);
        else
            exact.set(`${rep.oldPath}@${rep.oldVersion}`, rep);
    }
    return (path, version) => exact.get(`${path}@${version}`) ?? anyVersion.get(path);
}
/** modfile.IsDirectoryPath: rooted, or starting with ./ or ../ (either slash), or a Windows drive path. */
function isDirectoryPath(p) {
    return (p === '.' ||
        p === '..' ||
        /^\.\.?[/\\]/.test(p) ||
        p.startsWith('/') ||
        p.startsWith('\\') ||
        /^[A-Za-z]:[/\\]/.test(p));
}
/** Splits go.mod text into lines of tokens, keeping the trailing `//` comment of each line. */
function lex(text, file) {
    const lines = [];
    let lineNo = 0;
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        lineNo++;
        lines.push(lexLine(text.slice(start, end), lineNo, file));
        start = end + 1;
    }
    return lines;
}
function lexLine(src, line, file) {
    const tokens = [];
    let comment = '';
    let i = 0;
    const n = src.length;
    while (i < n) {
        const c = src.charCodeAt(i);
        if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b) {
            i++;
            continue;
        }
        if (c < 0x20 || c === 0x7f || c === 0xfffd) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `unexpected control or binary character (0x${c.toString(16)})`, { line, column: i + 1 });
        }
        const ch = src[i];
        if (ch === '/' && src[i + 1] === '/') {
            comment = src.slice(i + 2).trim();
            break;
        }
        if (PUNCTUATION.has(ch)) {
            tokens.push({ text: ch, quoted: false, column: i + 1 });
            i++;
            continue;
        }
        if (ch === '=' && src[i + 1] === '>') {
            tokens.push({ text: '=>', quoted: false, column: i + 1 });
            i += 2;
            continue;
        }
        if (ch === '"' || ch === '`') {
            const close = findClosingQuote(src, i, ch);
            if (close < 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, 'unterminated string', { line, column: i + 1 });
            const raw = src.slice(i, close + 1);
            let value;
            if (ch === '`') {
                value = raw.slice(1, -1);
            }
            else {
                try {
                    value = JSON.parse(raw);
                }
                catch (err) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `invalid quoted string ${raw.slice(0, 80)}`, { line, column: i + 1 }, { cause: err });
                }
            }
            tokens.push({ text: value, quoted: true, column: i + 1 });
            i = close + 1;
            continue;
        }
        const begin = i;
        while (i < n) {
            IDENT_RUN.lastIndex = i;
            if (IDENT_RUN.test(src))
                i = IDENT_RUN.lastIndex;
            const d = src[i];
            // A lone '/' or '=' belongs to the word; '//' starts a comment and '=>' is a token of its own.
            if ((d === '/' && src[i + 1] !== '/') || (d === '=' && src[i + 1] !== '>'))
                i++;
            else
                break;
        }
        tokens.push({ text: src.slice(begin, i), quoted: false, column: begin + 1 });
    }
    return { tokens, comment, line };
}
function findClosingQuote(src, open, quote) {
    for (let i = open + 1; i < src.length; i++) {
        const ch = src[i];
        if (quote === '"' && ch === '\\') {
            i++;
            continue;
        }
        if (ch === quote)
            return i;
    }
    return -1;
}
//# sourceMappingURL=mod-file.js.map

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
