export const id = 934;
export const ids = [934];
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
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26331);




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

/***/ })

};
