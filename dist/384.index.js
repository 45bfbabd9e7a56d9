export const id = 384;
export const ids = [384];
export const modules = {

/***/ 99384:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   arrayTableLines: () => (/* binding */ arrayTableLines),
/* harmony export */   isTable: () => (/* binding */ isTable),
/* harmony export */   isTomlTable: () => (/* binding */ isTomlTable),
/* harmony export */   parseTomlDocument: () => (/* binding */ parseTomlDocument),
/* harmony export */   tomlArray: () => (/* binding */ tomlArray),
/* harmony export */   tomlString: () => (/* binding */ tomlString),
/* harmony export */   tomlTable: () => (/* binding */ tomlTable),
/* harmony export */   tomlTables: () => (/* binding */ tomlTables)
/* harmony export */ });
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76702);
/* harmony import */ var _line_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86787);




/**
 * Parses TOML with smol-toml, turning its errors into `ParseError`s with the file, line and column it reports.
 * `__proto__`/`constructor` keys are dropped, and inline nesting is capped so hostile input fails fast.
 */
function parseTomlDocument(text, file) {
    if (text.length > _json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(file, `file is larger than ${_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
    try {
        return (0,smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .stripBom */ .F8)(text), { unsafeKeyBehaviour: 'drop', maxDepth: 100 });
    }
    catch (err) {
        if (err instanceof smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .TomlError */ .zx) {
            // The message repeats the offending source lines after the first line; keep the reason only.
            const reason = (err.message.split('\n')[0] ?? 'invalid TOML').replace(/^Invalid TOML document: /, '');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(file, `invalid TOML: ${reason}`, { line: err.line, column: err.column }, { cause: err });
        }
        // A RangeError from deep recursion, or anything else the parser did not foresee.
        const reason = err instanceof Error ? err.message : String(err);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(file, `invalid TOML: ${reason.slice(0, 200)}`, {}, { cause: err });
    }
}
/** A string value, or `undefined` when the key is absent or holds something else. */
function tomlString(value) {
    return typeof value === 'string' ? value : undefined;
}
/** True for a TOML table: a plain or prototype-less object (smol-toml's dates are objects too, `TomlDate`s). */
function isTomlTable(value) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === null || proto === Object.prototype;
}
/** A table value, or `undefined`. */
function tomlTable(value) {
    return isTomlTable(value) ? value : undefined;
}
/** An array value (any element type), or `[]`. */
function tomlArray(value) {
    return Array.isArray(value) ? value : [];
}
/** The elements of an array that are tables. */
function tomlTables(value) {
    return tomlArray(value).filter(isTomlTable);
}
/**
 * 1-based lines of the `[[<header>]]` array-of-tables headers, in order. Only trusted when their count equals the
 * number of tables the parser produced (a header-like line inside a multi-line string would otherwise shift them).
 */
function arrayTableLines(text, header, expected) {
    const lines = [];
    const pattern = new RegExp(`^\\s*\\[\\[\\s*${header.replace(/\./g, '\\s*\\.\\s*')}\\s*\\]\\]\\s*(#.*)?$`);
    let lineNo = 1;
    let counted = 0;
    // Jump from one `[[` to the next instead of walking every line: lockfiles have few headers and many lines.
    for (let at = text.indexOf('[['); at >= 0; at = text.indexOf('[[', at)) {
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const newline = text.indexOf('\n', at);
        const lineEnd = newline < 0 ? text.length : newline;
        if (pattern.test(text.slice(lineStart, lineEnd).replace(/\r$/, ''))) {
            lineNo += (0,_line_index_js__WEBPACK_IMPORTED_MODULE_3__/* .countNewlines */ .D)(text, counted, lineStart);
            counted = lineStart;
            lines.push(lineNo);
        }
        at = lineEnd;
    }
    return lines.length === expected ? lines : new Array(expected).fill(undefined);
}
/** True for a TOML table (smol-toml gives plain or prototype-less objects; dates are `TomlDate`s). */
function isTable(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
//# sourceMappingURL=toml.js.map

/***/ })

};
