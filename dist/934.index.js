export const id = 934;
export const ids = [934,384];
export const modules = {

/***/ 43934:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cargoTomlParser: () => (/* binding */ cargoTomlParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7038);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56819);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99384);




const SECTIONS = [
    ['dependencies', []],
    ['dev-dependencies', ['dev']],
    ['dev_dependencies', ['dev']],
    ['build-dependencies', ['build']],
    ['build_dependencies', ['build']],
];
/**
 * Cargo.toml: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their `[target.<cfg>.*]` forms
 * and `[workspace.dependencies]`. A renamed dependency (`alias = { package = "real" }`) is declared under its
 * real crate name. The specifier is the version requirement, else the git URL (with branch/tag/rev) or path.
 */
const cargoTomlParser = {
    id: 'Cargo.toml',
    ecosystem: 'crates.io',
    fileNames: ['Cargo.toml'],
    parse(text, path) {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.parseTomlDocument)(text, path);
        const lines = keyLines(text);
        const out = [];
        const read = (table, prefix, scopes) => {
            if (table === undefined)
                return;
            if (!(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(table))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `[${prefix}] must be a table`, { line: lines.get(`${prefix}`) ?? 1 });
            for (const [key, spec] of Object.entries(table)) {
                const line = lines.get(`${prefix}\u0000${key}`) ?? lines.get(`${prefix}.${key}`);
                out.push(declared(key, spec, scopes, path, line));
            }
        };
        for (const [section, scopes] of SECTIONS)
            read(doc[section], section, scopes);
        const target = doc['target'];
        if ((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(target)) {
            for (const [cfg, tables] of Object.entries(target)) {
                if (!(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(tables))
                    continue;
                for (const [section, scopes] of SECTIONS)
                    read(tables[section], `target.${cfg}.${section}`, scopes);
            }
        }
        const workspace = doc['workspace'];
        if ((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(workspace))
            read(workspace['dependencies'], 'workspace.dependencies', []);
        return out;
    },
};
function declared(key, spec, scopes, file, line) {
    const fail = (reason) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(file, `dependency ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(key)}: ${reason}`, { line: line ?? 1 });
    };
    let name = key;
    let specifier = '*';
    const extra = [];
    if (typeof spec === 'string') {
        specifier = spec;
    }
    else if ((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(spec)) {
        const str = (k) => {
            const v = spec[k];
            if (v !== undefined && typeof v !== 'string')
                fail(`"${k}" must be a string`);
            return v;
        };
        name = str('package') ?? key;
        const version = str('version');
        const git = str('git');
        const ref = ['rev', 'tag', 'branch'].find((k) => str(k) !== undefined);
        const localPath = str('path');
        if (version !== undefined)
            specifier = version;
        else if (git !== undefined)
            specifier = ref ? `${git}?${ref}=${str(ref)}` : git;
        else if (localPath !== undefined)
            specifier = localPath;
        else if (spec['workspace'] === true)
            specifier = 'workspace';
        if (spec['optional'] === true)
            extra.push('optional');
    }
    else {
        fail('must be a version string or a table');
    }
    if (!/^[A-Za-z0-9_-]+$/.test(name))
        fail(`invalid crate name ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteInput */ .Z)(name)}`);
    return {
        ecosystem: 'crates.io',
        name,
        specifier,
        purl: (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPurl */ .Eq)('cargo', undefined, name, undefined),
        scopes: [...scopes, ...extra],
        location: line === undefined ? { file } : { file, line },
    };
}
/**
 * Lines of keys, for locations: `section\0key` for `key = ...` under `[section]`, and `section.key` for a
 * `[section.key]` header. Quotes and spaces inside headers are dropped, matching the parsed table names.
 */
function keyLines(text) {
    const out = new Map();
    let section = '';
    const all = text.split('\n');
    for (let i = 0; i < all.length; i++) {
        const line = all[i];
        const header = /^\s*\[([^[\]]+)\]\s*(#.*)?$/.exec(line);
        if (header) {
            section = header[1].replace(/\s+/g, '').replace(/["']/g, '');
            if (!out.has(section))
                out.set(section, i + 1);
            continue;
        }
        const key = /^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=/.exec(line);
        if (key) {
            const k = `${section}\u0000${key[1] ?? key[2] ?? key[3]}`;
            if (!out.has(k))
                out.set(k, i + 1);
        }
    }
    return out;
}
//# sourceMappingURL=cargo-toml.js.map

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

/***/ }),

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
