export const id = 385;
export const ids = [385];
export const modules = {

/***/ 78385:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composerJsonParser: () => (/* binding */ composerJsonParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_error_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7038);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _json_locations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53163);
/* harmony import */ var _platform_packages_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(61517);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27369);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56819);







/**
 * composer.json `require` and `require-dev` (scope `dev`). Platform packages (`php`, `ext-*`, `lib-*`,
 * `composer-*-api`) are not registry packages and are left out. Names are lowercased as Packagist stores them;
 * a name without a vendor is an error, as Composer itself rejects it.
 */
const composerJsonParser = {
    id: 'composer.json',
    ecosystem: 'Packagist',
    fileNames: ['composer.json'],
    parse(text, path) {
        const doc = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(text, path);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(doc))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'composer.json must hold an object', { line: 1, column: 1 });
        const where = new _json_locations_js__WEBPACK_IMPORTED_MODULE_4__/* .JsonLocator */ .d(text);
        const out = [];
        for (const [key, scopes] of [
            ['require', []],
            ['require-dev', ['dev']],
        ]) {
            const block = doc[key];
            if (block === undefined)
                continue;
            const keyAt = where.keyOffset(key);
            if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(block))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `"${key}" must be an object`, { line: where.line(keyAt) });
            let searching = true;
            // Keys come back in the order they are written, so each is searched for after the one before it: searching
            // from the block's start each time was quadratic in the number of dependencies.
            let from = Math.max(keyAt, 0);
            for (const [name, constraint] of Object.entries(block)) {
                if ((0,_platform_packages_js__WEBPACK_IMPORTED_MODULE_5__/* .isPlatformPackage */ .U)(name))
                    continue;
                // After one miss (a key written with \u escapes), stop searching: each miss would scan to the end.
                const at = searching ? where.keyOffset(name, from) : -1;
                searching &&= at >= 0;
                if (at >= 0)
                    from = at;
                const line = where.line(at >= 0 ? at : keyAt);
                if (!/^[^\s/]+\/[^\s/]+$/.test(name)) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `${key}: ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quoteInput */ .Z)(name)} is not a vendor/package name`, { line });
                }
                if (typeof constraint !== 'string')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `${key}: the constraint of ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quoteInput */ .Z)(name)} must be a string`, { line });
                out.push({
                    ecosystem: 'Packagist',
                    name: name.toLowerCase(),
                    specifier: constraint,
                    purl: (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_3__/* .atEntry */ .Mv)(path, line, () => (0,_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .composerPurl */ .i)(name.toLowerCase(), undefined)),
                    scopes: [...scopes],
                    location: { file: path, line },
                });
            }
        }
        return out;
    },
};
//# sourceMappingURL=composer-json.js.map

/***/ }),

/***/ 53163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ JsonLocator)
/* harmony export */ });
/* harmony import */ var _parse_line_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86787);

/** Finds lines in JSON text for values `JSON.parse` already read (it keeps no positions). */
class JsonLocator {
    text;
    index;
    constructor(text) {
        this.text = text;
        this.index = new _parse_line_index_js__WEBPACK_IMPORTED_MODULE_0__/* .LineIndex */ .r(text);
    }
    /**
     * Offset just after `"key":` at or after `from`, or -1. A plain search, not a regex: keys are data, and a
     * 40,000-character key compiled into a pattern is "regular expression too large".
     */
    keyOffset(key, from = 0) {
        // JSON.stringify escapes what a file may hold raw (a lone surrogate); try the raw form second.
        for (const needle of new Set([JSON.stringify(key), `"${key}"`])) {
            for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + 1)) {
                const colon = skipSpace(this.text, at + needle.length);
                if (this.text.charCodeAt(colon) === 0x3a /* : */)
                    return colon + 1;
            }
        }
        return -1;
    }
    /**
     * Every `"key": "string"` pair in document order, with the decoded string and its offset: one pass over the
     * text, so looking up thousands of entries stays linear.
     */
    stringPairs(key) {
        const needle = JSON.stringify(key);
        const out = [];
        for (let at = this.text.indexOf(needle); at >= 0;) {
            const colon = skipSpace(this.text, at + needle.length);
            let next = at + 1;
            if (this.text.charCodeAt(colon) === 0x3a) {
                const open = skipSpace(this.text, colon + 1);
                const close = this.text.charCodeAt(open) === 0x22 ? stringEnd(this.text, open) : -1;
                if (close > 0) {
                    try {
                        out.push({ offset: at, value: JSON.parse(this.text.slice(open, close)) });
                    }
                    catch {
                        // Not a well-formed string literal here; JSON.parse already accepted the document, so skip it.
                    }
                    next = close;
                }
            }
            at = this.text.indexOf(needle, next);
        }
        return out;
    }
    /** 1-based line of an offset; line 1 for -1 (not found). */
    line(offset) {
        return offset < 0 ? 1 : this.index.line(offset);
    }
}
function skipSpace(text, i) {
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)
            break;
        i++;
    }
    return i;
}
/** Offset just past the closing quote of the string literal opening at `open`, or -1 (none on its line). */
function stringEnd(text, open) {
    for (let i = open + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */)
            i++;
        else if (c === 0x22)
            return i + 1;
        else if (c === 0x0a)
            return -1;
    }
    return -1;
}
//# sourceMappingURL=json-locations.js.map

/***/ }),

/***/ 61517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isPlatformPackage)
/* harmony export */ });
/**
 * Composer's platform packages (the PHP runtime and its extensions), which no registry serves. They never
 * have a vendor, so `php-http/curl-client` is an ordinary package.
 */
function isPlatformPackage(name) {
    const n = name.toLowerCase();
    if (n.includes('/'))
        return false;
    return (n === 'php' ||
        n.startsWith('php-') ||
        n === 'hhvm' ||
        n.startsWith('ext-') ||
        n.startsWith('lib-') ||
        n === 'composer' ||
        n === 'composer-plugin-api' ||
        n === 'composer-runtime-api');
}
//# sourceMappingURL=platform-packages.js.map

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
